import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFlags, dataDirOf } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { writeEvidenceFiles } from '../helpers/files.js';
import { tempDir } from '../helpers/temp.js';
import { pythonEntries, sha256Of } from '../helpers/zip.js';

const ZIP = 'RC-0001-evidence.zip';

/** A claim with a receipt (a stored PDF), a screenshot (stored PNG) and notes (deflated text), bundled. */
async function bundled(home: string) {
  const files = writeEvidenceFiles(home);
  const created = await runCli(
    [...claimFlags(), '--receipt', files.pdf, '--screenshot', files.png, '--attach', files.txt],
    { home },
  );
  expect(created.code, created.stderr).toBe(0);
  const bundle = await runCli(['bundle', '1'], { home });
  expect(bundle.code, bundle.stderr).toBe(0);
  return { files, zip: join(home, ZIP) };
}

function flipByte(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes.writeUInt8(bytes.readUInt8(offset) ^ 0x55, offset);
  writeFileSync(path, bytes);
}

describe('refund-claim verify <id>', () => {
  it('re-hashes every stored copy and names each one that changed or is gone (exit 1)', async () => {
    const home = tempDir();
    const { files } = await bundled(home);
    const clean = await runCli(['verify', 'RC-0001'], { home });
    expect(clean).toMatchObject({ code: 0, stdout: 'RC-0001: 3 evidence files, all match their SHA-256.\n' });

    const pdf = join(dataDirOf(home), 'evidence', sha256Of(files.pdf));
    chmodSync(pdf, 0o600);
    flipByte(pdf, 10);
    rmSync(join(dataDirOf(home), 'evidence', sha256Of(files.txt)));
    const result = await runCli(['verify', 'rc-1'], { home });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'altered  #1 invoice.pdf (01-receipt-invoice.pdf): the stored copy no longer matches its SHA-256',
        'missing  #3 notes.txt (03-other-notes.txt): the stored copy is gone from the evidence store',
        'RC-0001: 2 of 3 evidence files have a problem.',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toContain('fix: refund-claim attach RC-0001 <original of invoice.pdf> --kind receipt');
  });

  it('says which claim is unknown (exit 1)', async () => {
    const home = tempDir();
    const result = await runCli(['verify', '7'], { home });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: Claim RC-0007 not found.');
  });
});

describe('refund-claim verify <bundle.zip>', () => {
  it('checks every entry of an untouched bundle against SHA256SUMS and the manifest', async () => {
    const home = tempDir();
    const { zip } = await bundled(home);
    const result = await runCli(['verify', ZIP], { home });
    expect(result).toMatchObject({
      code: 0,
      stdout: `${ZIP} (RC-0001): 7 entries, all match SHA256SUMS and manifest.json.\n`,
    });
    // Any file name works, e.g. a bundle written with --out to another extension.
    copyFileSync(zip, join(home, 'bundle.bin'));
    expect((await runCli(['verify', 'bundle.bin'], { home })).code).toBe(0);
  });

  it('names every altered, extra and missing entry after the zip was tampered with (exit 1)', async () => {
    const home = tempDir();
    const { zip } = await bundled(home);
    const entries = pythonEntries(zip);
    const at = (name: string): number => entries.find((entry) => entry.name === name)?.dataOffset ?? -1;
    // A byte in a stored entry (the PDF) and one in a deflated entry (the ticket).
    flipByte(zip, at('evidence/01-receipt-invoice.pdf') + 20);
    flipByte(zip, at('ticket.txt') + 40);
    // An entry added and one removed, by Info-ZIP.
    writeFileSync(join(home, 'extra.txt'), 'not part of the claim\n');
    execFileSync('zip', ['-q', zip, 'extra.txt'], { cwd: home });
    execFileSync('zip', ['-q', '-d', zip, 'evidence/03-other-notes.txt'], { cwd: home });

    const result = await runCli(['verify', ZIP], { home });
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^altered {2}ticket\.txt (SHA-256 differs from SHA256SUMS|cannot be read)/),
      'altered  evidence/01-receipt-invoice.pdf SHA-256 differs from SHA256SUMS; SHA-256 differs from manifest.json',
      'extra    extra.txt is not listed in SHA256SUMS or manifest.json',
      'missing  evidence/03-other-notes.txt is listed in SHA256SUMS but not in the bundle',
      `${ZIP} (RC-0001): 4 problems.`,
    ]);
  });

  it('catches evidence swapped together with its SHA256SUMS line through the manifest', async () => {
    const home = tempDir();
    const { zip } = await bundled(home);
    // Rewrite the zip with Python: new bytes for the screenshot and a matching SHA256SUMS line.
    const script = `
import hashlib, sys, zipfile
src, dst, name = sys.argv[1], sys.argv[2], 'evidence/02-screenshot-dashboard.png'
with zipfile.ZipFile(src) as z:
    items = [(i, z.read(i.filename)) for i in z.infolist()]
fake = b'\\x89PNG\\r\\n\\x1a\\n' + b'forged' * 10
digest = hashlib.sha256(fake).hexdigest()
with zipfile.ZipFile(dst, 'w') as out:
    for info, data in items:
        if info.filename == name:
            data = fake
        if info.filename == 'SHA256SUMS':
            data = b''.join(
                (digest + '  ' + name + '\\n').encode() if line.endswith(name.encode()) else line + b'\\n'
                for line in data.splitlines())
        out.writestr(info, data)
`;
    execFileSync('python3', ['-c', script, zip, join(home, 'forged.zip')]);
    const result = await runCli(['verify', 'forged.zip'], { home });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'altered  evidence/02-screenshot-dashboard.png SHA-256 differs from manifest.json; 68 bytes, manifest.json says',
    );
  });

  it('refuses what it cannot verify: not a zip (exit 1), no such file or not an ID (exit 2)', async () => {
    const home = tempDir();
    writeFileSync(join(home, 'fake.zip'), 'this is not a zip archive, only some text');
    const notZip = await runCli(['verify', 'fake.zip'], { home });
    expect(notZip.code).toBe(1);
    expect(notZip.stderr).toContain('error: fake.zip cannot be verified: it has no end of central directory');

    const missing = await runCli(['verify', 'nowhere.zip'], { home });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: Bundle not found: nowhere.zip.');

    const neither = await runCli(['verify', 'banana'], { home });
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('error: "banana" is neither a claim ID nor a bundle file.');
  });
});
