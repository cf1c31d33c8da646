import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFlags, run } from '../helpers/cli.js';
import { writeEvidenceFiles } from '../helpers/files.js';
import { tempDir } from '../helpers/temp.js';
import { rawZip, vouchingLists } from '../helpers/raw-zip.js';
import type { RawEntry } from '../helpers/raw-zip.js';
import { pythonEntries, sha256Of } from '../helpers/zip.js';

const ZIP = 'RC-0001-evidence.zip';

/** A claim with a receipt (a stored PDF), a screenshot (stored PNG) and notes (deflated text), bundled. */
async function bundled(home: string) {
  const files = writeEvidenceFiles(home);
  const created = await run(
    [...claimFlags(), '--receipt', files.pdf, '--screenshot', files.png, '--attach', files.txt],
    { home },
  );
  expect(created.code, created.stderr).toBe(0);
  const bundle = await run(['bundle', '1'], { home });
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
    const clean = await run(['verify', 'RC-0001'], { home });
    expect(clean).toMatchObject({ code: 0, stdout: 'RC-0001: 3 evidence files, all match their SHA-256.\n' });

    const pdf = join(home, 'evidence', sha256Of(files.pdf));
    chmodSync(pdf, 0o600);
    flipByte(pdf, 10);
    rmSync(join(home, 'evidence', sha256Of(files.txt)));
    const result = await run(['verify', 'rc-1'], { home });
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
    const result = await run(['verify', '7'], { home });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: Claim RC-0007 not found.');
  });
});

describe('refund-claim verify <bundle.zip>', () => {
  it('checks every entry of an untouched bundle against SHA256SUMS and the manifest', async () => {
    const home = tempDir();
    const { zip } = await bundled(home);
    const result = await run(['verify', ZIP], { home });
    expect(result).toMatchObject({
      code: 0,
      stdout: `${ZIP} (RC-0001): 7 entries, all match SHA256SUMS and manifest.json.\n`,
    });
    // Any file name works, e.g. a bundle written with --out to another extension.
    copyFileSync(zip, join(home, 'bundle.bin'));
    expect((await run(['verify', 'bundle.bin'], { home })).code).toBe(0);
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

    const result = await run(['verify', ZIP], { home });
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
    const result = await run(['verify', 'forged.zip'], { home });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'altered  evidence/02-screenshot-dashboard.png SHA-256 differs from manifest.json; 68 bytes, manifest.json says',
    );
  });

  it('refuses what it cannot verify: not a zip (exit 1), no such file or not an ID (exit 2)', async () => {
    const home = tempDir();
    writeFileSync(join(home, 'fake.zip'), 'this is not a zip archive, only some text');
    const notZip = await run(['verify', 'fake.zip'], { home });
    expect(notZip.code).toBe(1);
    expect(notZip.stderr).toContain('error: fake.zip cannot be verified: it has no end of central directory');

    const missing = await run(['verify', 'nowhere.zip'], { home });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: Bundle not found: nowhere.zip.');

    const neither = await run(['verify', 'banana'], { home });
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('error: "banana" is neither a claim ID nor a bundle file.');
  });
});

describe('refund-claim verify <bundle.zip> of a hostile zip', () => {
  /** Any control character but the line feeds that end output lines. */
  // eslint-disable-next-line no-control-regex -- control characters are what must not appear
  const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

  it('reports 2,000 entries aliasing one stream as malformed within seconds (exit 1)', async () => {
    const home = tempDir();
    // 64 MiB of zeros deflate to 64 KiB; hashed once per alias, that would be 125 GiB of inflating.
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const names = Array.from({ length: 2000 }, (_, n) => `evidence/${String(n + 1).padStart(4, '0')}-other-a.bin`);
    const stream: RawEntry = { name: names[0] ?? '', data: zeros, deflate: true };
    const aliases = names.slice(1).map((name): RawEntry => ({ name, aliasOf: 0 }));
    const lists = vouchingLists(names.map((name) => ({ name, data: zeros })));
    writeFileSync(join(home, 'aliases.zip'), rawZip([stream, ...aliases, ...lists]));

    const started = performance.now();
    const result = await run(['verify', 'aliases.zip'], { home, timeout: 20_000 });
    const seconds = (performance.now() - started) / 1000;
    expect(result.code, `ended after ${seconds.toFixed(1)} s; ${result.stderr}`).toBe(1);
    // The first entry owns the stream (its local header bears its name): it is read once, and matches.
    const malformed = result.stdout.split('\n').filter((line) => line.startsWith('malformed evidence/'));
    expect(malformed).toHaveLength(1999);
    expect(result.stdout).not.toContain('evidence/0001-other-a.bin ');
    expect(result.stdout).toContain('aliases.zip (RC-0001): 1999 problems.');
    expect(malformed[0]).toBe(
      'malformed evidence/0002-other-a.bin is named "evidence/0001-other-a.bin" in its local header (the two names must be the same)',
    );
    expect(seconds).toBeLessThan(5);
  });

  it('reports names that climb out as unsafe, even when SHA256SUMS and the manifest match (exit 1)', async () => {
    const home = tempDir();
    const names = ['../evil.txt', '/abs.txt', 'a\\b.txt', 'C:x.txt'];
    const files = [...names, 'ticket.txt'].map((name) => ({ name, data: `content of ${name}\n` }));
    writeFileSync(join(home, 'climb.zip'), rawZip([...files, ...vouchingLists(files)]));

    const result = await run(['verify', 'climb.zip'], { home, timeout: 20_000 });
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'unsafe   ../evil.txt climbs out of the target folder with ".."',
      'unsafe   /abs.txt is an absolute path, which unzips outside the target folder',
      'unsafe   a\\b.txt holds a backslash, a folder separator on Windows',
      'unsafe   C:x.txt starts with a drive letter, which unzips outside the target folder on Windows',
      'climb.zip (RC-0001): 4 problems.',
    ]);
  });

  it('refuses a FIFO given as the zip at once, in one line (exit 2)', async () => {
    const home = tempDir();
    execFileSync('mkfifo', [join(home, 'pipe.zip'), join(home, 'pipe')]);
    for (const name of ['pipe.zip', 'pipe']) {
      const started = performance.now();
      const result = await run(['verify', name], { home, timeout: 5000 });
      const elapsed = performance.now() - started;
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toBe(`error: Cannot read ${name}: it is a FIFO (named pipe), not a file.\n`);
      expect(elapsed).toBeLessThan(1000);
    }
  });

  it('shows control characters from the zip escaped, never raw', async () => {
    const home = tempDir();
    const files = [{ name: 'evidence/01-other-a.txt', data: 'evidence\n', caption: 'clear \u001b[2J and ring \u0007' }];
    const [manifest, sums] = vouchingLists(files, 'RC-0001\u001b]0;title\u0007') as [RawEntry, RawEntry];
    const hostile = 'evidence/\u001b[31mred\u0007\r.txt';
    writeFileSync(join(home, 'escapes.zip'), rawZip([...files, manifest, sums, { name: hostile, data: 'not listed' }]));
    const result = await run(['verify', 'escapes.zip'], { home, timeout: 20_000 });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'unsafe   evidence/\\x1b[31mred\\x07\\x0d.txt holds control characters',
      'extra    evidence/\\x1b[31mred\\x07\\x0d.txt is not listed in SHA256SUMS or manifest.json',
      'escapes.zip (RC-0001\\x1b]0;title\\x07): 2 problems.',
    ]);

    // A name in an error about the whole zip is escaped too.
    writeFileSync(join(home, 'zip64.zip'), rawZip([{ name: hostile, data: 'x', declaredSize: 0xffffffff }]));
    const refused = await run(['verify', 'zip64.zip'], { home, timeout: 20_000 });
    expect(refused.code).toBe(1);
    expect(refused.stderr).not.toMatch(RAW_CONTROL);
    expect(refused.stderr).toContain('evidence/\\x1b[31mred\\x07\\x0d.txt is a ZIP64 entry');
  });
});
