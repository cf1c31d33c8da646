import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFlags, dataDirOf } from '../helpers/cli.js';
import { writeEvidenceFiles } from '../helpers/files.js';
import { claimWithEvidence, runCli } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';
import { pythonEntries, sha256Of, sha256sumCheck, unzipTo } from '../helpers/zip.js';

const ZIP = 'RC-0001-evidence.zip';

/** Temporary files a bundle run leaves in `dir` (none, unless it was killed). */
function partials(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.partial'));
}

interface Manifest {
  claim: { id: string; amounts: { charged: string; requested: string } };
  files: { number: number; name: string; originalName: string; kind: string; sha256: string; bytes: number }[];
}

describe('refund-claim bundle', () => {
  it('packs the ticket, timeline, manifest, SHA256SUMS and every evidence file, readable by unzip and Python', async () => {
    const home = tempDir();
    const files = await claimWithEvidence(home);
    const result = await runCli(['bundle', 'RC-0001'], { home });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${ZIP}\n`);
    expect(result.stderr).toContain(`Wrote ${ZIP}: 5 evidence files`);
    expect(result.stderr).not.toContain('Bundling:');

    const zip = join(home, ZIP);
    const entries = pythonEntries(zip);
    expect(entries.map((entry) => [entry.name, entry.compressType])).toEqual([
      ['ticket.txt', 8],
      ['timeline.txt', 8],
      ['evidence/01-receipt-invoice.pdf', 0],
      ['evidence/02-screenshot-dashboard.png', 0],
      ['evidence/03-report-report.csv', 8],
      ['evidence/04-correspondence-support-reply.eml', 8],
      ['evidence/05-other-notes.txt', 8],
      ['manifest.json', 8],
      ['SHA256SUMS', 8],
    ]);

    const out = join(home, 'unzipped');
    unzipTo(zip, out);
    const checked = sha256sumCheck(out);
    for (const entry of entries.filter((e) => e.name !== 'SHA256SUMS')) expect(checked).toContain(`${entry.name}: OK`);

    // The manifest's checksums are those of the user's original files, under the ticket's names.
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.claim).toMatchObject({ id: 'RC-0001', amounts: { charged: '500.00', requested: '200.00' } });
    const originals = [files.pdf, files.png, files.csv, files.eml, files.txt];
    expect(manifest.files.map((file) => [file.number, file.originalName, file.sha256, file.bytes])).toEqual(
      originals.map((path, index) => [index + 1, relative(home, path), sha256Of(path), statSync(path).size]),
    );
    expect(manifest.files.map((file) => file.name)).toEqual(
      entries.filter((e) => e.name.startsWith('evidence/')).map((e) => e.name),
    );

    const ticket = await runCli(['ticket', '1'], { home });
    expect(readFileSync(join(out, 'ticket.txt'), 'utf8').trimEnd()).toBe(ticket.stdout.trimEnd());
    for (const file of manifest.files) expect(ticket.stdout).toContain(file.name.replace('evidence/', ''));
    expect(readFileSync(join(out, 'timeline.txt'), 'utf8')).toMatch(/^2026-11-20 {2}Claim drafted {2}\(by ana\)$/m);
  });

  it('gives a hostile original file name a safe entry name and keeps it, printable, in the manifest', async () => {
    const home = tempDir();
    const files = writeEvidenceFiles(home);
    // Linux names cannot hold `/`; everything else hostile they can: `..`, control characters,
    // backslashes, unicode, and 250 bytes of length.
    const hostile = `..\u0001..\\évil\\..\\name\u007f ${'ü'.repeat(60)}${'x'.repeat(90)}.txt`;
    copyFileSync(files.txt, join(home, hostile));
    const created = await runCli([...claimFlags(), '--receipt', files.pdf, '--attach', join(home, hostile)], { home });
    expect(created.code, created.stderr).toBe(0);
    const result = await runCli(['bundle', '1', '--out', 'hostile.zip'], { home });
    expect(result.code, result.stderr).toBe(0);

    const names = pythonEntries(join(home, 'hostile.zip')).map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      // eslint-disable-next-line no-control-regex -- control characters are what must not appear
      expect(name).not.toMatch(/^\/|\\|\.\.|[\u0000-\u001f\u007f]/);
      expect(Array.from(name.split('/').at(-1) ?? '').length).toBeLessThanOrEqual(100);
    }
    const entry = names[3] ?? '';
    expect(entry).toMatch(/^evidence\/02-other-name-ü+x*\.txt$/);

    const out = join(home, 'out');
    unzipTo(join(home, 'hostile.zip'), out);
    sha256sumCheck(out);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    // Control characters of a name never reach a terminal: they are stored as U+FFFD.
    // eslint-disable-next-line no-control-regex -- control characters are what is replaced
    const printable = hostile.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
    expect(manifest.files[1]).toMatchObject({ name: entry, originalName: printable });
    const ticket = await runCli(['ticket', '1'], { home });
    expect(ticket.stdout).toContain(entry.replace('evidence/', ''));
  });

  it('refuses to replace an existing file without --force, and replaces it with --force', async () => {
    const home = tempDir();
    await claimWithEvidence(home);
    writeFileSync(join(home, ZIP), 'my own file');
    const refused = await runCli(['bundle', '1'], { home });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`error: ${ZIP} already exists.`);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(join(home, ZIP), 'utf8')).toBe('my own file');

    const forced = await runCli(['bundle', '1', '--force'], { home });
    expect(forced.code, forced.stderr).toBe(0);
    expect(pythonEntries(join(home, ZIP))).toHaveLength(9);
    expect(partials(home)).toEqual([]);
  });

  it('runs the completeness check first and refuses on errors unless --force', async () => {
    const home = tempDir();
    // An incorrect-charge claim needs a receipt; this one has none.
    expect((await runCli(claimFlags(), { home })).code).toBe(0);
    const refused = await runCli(['bundle', '1'], { home });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('needs a receipt');
    expect(refused.stderr).toContain('error: RC-0001 is not ready to bundle: the completeness check found 1 error.');
    expect(refused.stderr).toContain('--force');
    expect(existsSync(join(home, ZIP))).toBe(false);

    const forced = await runCli(['bundle', '1', '--force'], { home });
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('Bundling anyway (--force).');
    expect(pythonEntries(join(home, ZIP)).map((entry) => entry.name)).toEqual([
      'ticket.txt',
      'timeline.txt',
      'manifest.json',
      'SHA256SUMS',
    ]);
  });

  it('refuses a stored copy that no longer matches its checksum, names it, and leaves no zip', async () => {
    const home = tempDir();
    const files = await claimWithEvidence(home);
    const stored = join(dataDirOf(home), 'evidence', sha256Of(files.png));
    chmodSync(stored, 0o600);
    const bytes = readFileSync(stored);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 5) ^ 0x01, bytes.length - 5);
    writeFileSync(stored, bytes);

    const result = await runCli(['bundle', '1', '--force'], { home });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error: Evidence #2 (dashboard.png): the stored copy no longer matches its SHA-256, so no bundle was written.',
    );
    expect(result.stderr).toContain('refund-claim attach RC-0001 <original of dashboard.png> --kind screenshot');
    expect(existsSync(join(home, ZIP))).toBe(false);
    expect(partials(home)).toEqual([]);

    // Attaching the original again restores the stored copy, and the bundle goes through.
    expect((await runCli(['attach', '1', files.png, '--kind', 'screenshot'], { home })).code).toBe(0);
    expect((await runCli(['bundle', '1'], { home })).code).toBe(0);
  });

  it('warns which files exceed --max-size, and refuses a size it cannot read (exit 2)', async () => {
    const home = tempDir();
    const files = await claimWithEvidence(home);
    const entries = [
      [files.pdf, 'evidence/01-receipt-invoice.pdf'],
      [files.png, 'evidence/02-screenshot-dashboard.png'],
      [files.csv, 'evidence/03-report-report.csv'],
      [files.eml, 'evidence/04-correspondence-support-reply.eml'],
      [files.txt, 'evidence/05-other-notes.txt'],
    ] as const;
    const sizes = entries.map(([path]) => statSync(path).size);
    const limit = Math.max(...sizes) - 1;
    const result = await runCli(['bundle', '1', '--max-size', String(limit)], { home });
    expect(result.code, result.stderr).toBe(0);
    entries.forEach(([, name], index) => {
      const warned = result.stderr.includes(`warning: evidence #${index + 1} ${name} (`);
      expect(warned, name).toBe((sizes[index] ?? 0) > limit);
    });
    expect(result.stderr).toMatch(/warning: the bundle \(.+\) is larger than --max-size \d+ B/);

    const bad = await runCli(['bundle', '1', '--max-size', 'ten megs', '--force'], { home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error: --max-size "ten megs" is not a size.');
  });

  it('names an unknown claim (exit 1) and an output directory that does not exist (exit 2)', async () => {
    const home = tempDir();
    await claimWithEvidence(home);
    const unknown = await runCli(['bundle', 'RC-0009'], { home });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('error: Claim RC-0009 not found.');
    const nowhere = await runCli(['bundle', '1', '--out', 'no/such/dir/b.zip'], { home });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('the directory no/such/dir does not exist');
  });
});
