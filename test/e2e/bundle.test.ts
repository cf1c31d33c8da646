import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, claimFlags, cliEnv, run } from '../helpers/cli.js';
import { writeEvidenceFiles } from '../helpers/files.js';
import { tempDir } from '../helpers/temp.js';
import { pythonEntries, sha256Of, sha256sumCheck, unzipTo, writeMp4 } from '../helpers/zip.js';

const ZIP = 'RC-0001-evidence.zip';

/** A complete incorrect-charge claim with one file of each kind we deflate or store. */
async function claimWithEvidence(home: string) {
  const files = writeEvidenceFiles(home);
  const result = await run(
    [
      ...claimFlags(),
      '--receipt',
      files.pdf,
      '--screenshot',
      files.png,
      '--report',
      files.csv,
      '--correspondence',
      files.eml,
      '--attach',
      files.txt,
    ],
    { home },
  );
  expect(result.code, result.stderr).toBe(0);
  return files;
}

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
    const result = await run(['bundle', 'RC-0001'], { home });
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

    const ticket = await run(['ticket', '1'], { home });
    expect(readFileSync(join(out, 'ticket.txt'), 'utf8').trimEnd()).toBe(ticket.stdout.trimEnd());
    for (const file of manifest.files) expect(ticket.stdout).toContain(file.name.replace('evidence/', ''));
    expect(readFileSync(join(out, 'timeline.txt'), 'utf8')).toMatch(/^2026-11-20 {2}Claim drafted$/m);
  });

  it('gives a hostile original file name a safe entry name and keeps it, printable, in the manifest', async () => {
    const home = tempDir();
    const files = writeEvidenceFiles(home);
    // Linux names cannot hold `/`; everything else hostile they can: `..`, control characters,
    // backslashes, unicode, and 250 bytes of length.
    const hostile = `..\u0001..\\évil\\..\\name\u007f ${'ü'.repeat(60)}${'x'.repeat(90)}.txt`;
    copyFileSync(files.txt, join(home, hostile));
    const created = await run([...claimFlags(), '--receipt', files.pdf, '--attach', join(home, hostile)], { home });
    expect(created.code, created.stderr).toBe(0);
    const result = await run(['bundle', '1', '--out', 'hostile.zip'], { home });
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
    const ticket = await run(['ticket', '1'], { home });
    expect(ticket.stdout).toContain(entry.replace('evidence/', ''));
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)(
    'shows progress (files and bytes) on stderr when it is a terminal',
    async () => {
      const home = tempDir();
      await claimWithEvidence(home);
      // util-linux `script` runs the command on a pseudo-terminal.
      const output = execFileSync('script', ['-qec', `'${process.execPath}' '${BIN}' bundle 1`, '/dev/null'], {
        cwd: home,
        env: cliEnv(home),
        encoding: 'utf8',
      });
      expect(output).toMatch(/\rBundling: 5\/5 files, .+ of .+\r/);
      expect(output).toContain(`Wrote ${ZIP}`);
    },
  );

  it('refuses to replace an existing file without --force, and replaces it with --force', async () => {
    const home = tempDir();
    await claimWithEvidence(home);
    writeFileSync(join(home, ZIP), 'my own file');
    const refused = await run(['bundle', '1'], { home });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`error: ${ZIP} already exists.`);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(join(home, ZIP), 'utf8')).toBe('my own file');

    const forced = await run(['bundle', '1', '--force'], { home });
    expect(forced.code, forced.stderr).toBe(0);
    expect(pythonEntries(join(home, ZIP))).toHaveLength(9);
    expect(partials(home)).toEqual([]);
  });

  it('runs the completeness check first and refuses on errors unless --force', async () => {
    const home = tempDir();
    // An incorrect-charge claim needs a receipt; this one has none.
    expect((await run(claimFlags(), { home })).code).toBe(0);
    const refused = await run(['bundle', '1'], { home });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('needs a receipt');
    expect(refused.stderr).toContain('error: RC-0001 is not ready to bundle: the completeness check found 1 error.');
    expect(refused.stderr).toContain('--force');
    expect(existsSync(join(home, ZIP))).toBe(false);

    const forced = await run(['bundle', '1', '--force'], { home });
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
    const stored = join(home, 'evidence', sha256Of(files.png));
    chmodSync(stored, 0o600);
    const bytes = readFileSync(stored);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 5) ^ 0x01, bytes.length - 5);
    writeFileSync(stored, bytes);

    const result = await run(['bundle', '1', '--force'], { home });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error: Evidence #2 (dashboard.png): the stored copy no longer matches its SHA-256, so no bundle was written.',
    );
    expect(result.stderr).toContain('refund-claim attach RC-0001 <original of dashboard.png> --kind screenshot');
    expect(existsSync(join(home, ZIP))).toBe(false);
    expect(partials(home)).toEqual([]);

    // Attaching the original again restores the stored copy, and the bundle goes through.
    expect((await run(['attach', '1', files.png, '--kind', 'screenshot'], { home })).code).toBe(0);
    expect((await run(['bundle', '1'], { home })).code).toBe(0);
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
    const result = await run(['bundle', '1', '--max-size', String(limit)], { home });
    expect(result.code, result.stderr).toBe(0);
    entries.forEach(([, name], index) => {
      const warned = result.stderr.includes(`warning: evidence #${index + 1} ${name} (`);
      expect(warned, name).toBe((sizes[index] ?? 0) > limit);
    });
    expect(result.stderr).toMatch(/warning: the bundle \(.+\) is larger than --max-size \d+ B/);

    const bad = await run(['bundle', '1', '--max-size', 'ten megs', '--force'], { home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error: --max-size "ten megs" is not a size.');
  });

  it('names an unknown claim (exit 1) and an output directory that does not exist (exit 2)', async () => {
    const home = tempDir();
    await claimWithEvidence(home);
    const unknown = await run(['bundle', 'RC-0009'], { home });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('error: Claim RC-0009 not found.');
    const nowhere = await run(['bundle', '1', '--out', 'no/such/dir/b.zip'], { home });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('the directory no/such/dir does not exist');
  });

  it('loads archiver only when it zips: status, --help and verify start without it', async () => {
    const home = tempDir();
    await claimWithEvidence(home);
    const log = join(home, 'loaded.log');
    // A module resolve hook that writes down every import of archiver.
    const hook = `data:text/javascript,${encodeURIComponent(`
      import { register } from 'node:module';
      register('data:text/javascript,' + encodeURIComponent(\`
        import { appendFileSync } from 'node:fs';
        export async function resolve(specifier, context, next) {
          if (specifier === 'archiver') appendFileSync(${JSON.stringify(log)}, 'archiver\\\\n');
          return next(specifier, context);
        }\`));`)}`;
    const loaded = async (...args: string[]): Promise<boolean> => {
      rmSync(log, { force: true });
      await run(args, { home, env: { NODE_OPTIONS: `--import=${hook}` } });
      return existsSync(log);
    };
    expect(await loaded('status')).toBe(false);
    expect(await loaded('--help')).toBe(false);
    expect(await loaded('verify', '1')).toBe(false);
    expect(await loaded('bundle', '1')).toBe(true);
  });
});

/**
 * ~300 MB of evidence, made once: big enough that a run can be stopped half-way through.
 * Interrupted runs must leave nothing at the target, or the previous file byte for byte.
 */
describe('refund-claim bundle, interrupted', () => {
  let home = '';
  const big = 100 * 1024 * 1024;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'refund-claim-big-'));
    const files = writeEvidenceFiles(home);
    const videos = [1, 2, 3].map((n) => join(home, `recording-${n}.mp4`));
    videos.forEach((path, index) => writeMp4(path, big, index));
    const flags = videos.flatMap((path) => ['--recording', path]);
    const created = await run([...claimFlags(), '--receipt', files.pdf, ...flags], { home });
    expect(created.code, created.stderr).toBe(0);
    for (const path of videos) rmSync(path);
  });

  afterAll(() => rmSync(home, { recursive: true, force: true }));

  /** Starts `bundle`, and sends `signal` once its temporary file holds `after` bytes. */
  function interrupt(signal: NodeJS.Signals, args: string[], after = 30 * 1024 * 1024) {
    return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; seen: number }>(
      (resolve, reject) => {
        const child = spawn(process.execPath, [BIN, 'bundle', '1', ...args], {
          cwd: home,
          env: cliEnv(home),
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        let seen = 0;
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        const poll = setInterval(() => {
          for (const name of partials(home)) {
            const size = statSync(join(home, name), { throwIfNoEntry: false })?.size ?? 0;
            if (size >= after && seen === 0) {
              seen = size;
              child.kill(signal);
            }
          }
        }, 2);
        child.on('error', reject);
        child.on('close', (code, killedBy) => {
          clearInterval(poll);
          resolve({ code, signal: killedBy, stderr, seen });
        });
      },
    );
  }

  it('kill -9 half-way leaves nothing at the target path', async () => {
    const result = await interrupt('SIGKILL', []);
    expect(result.signal).toBe('SIGKILL');
    expect(result.seen).toBeGreaterThan(0);
    expect(existsSync(join(home, ZIP))).toBe(false);
    // What kill -9 cannot clean up: a hidden temporary file, removed by a later run once stale.
    for (const name of partials(home)) expect(name).toMatch(/^\.RC-0001-evidence\.zip\.[0-9a-f]{12}\.partial$/);
    for (const name of partials(home)) rmSync(join(home, name));
  });

  it('kill -9 half-way through --force keeps the previous bundle byte for byte', async () => {
    const previous = join(home, 'previous.zip');
    execFileSync('zip', ['-q', previous, 'notes.txt'], { cwd: home });
    const before = sha256Of(previous);
    const result = await interrupt('SIGKILL', ['--force', '--out', 'previous.zip']);
    expect(result.signal).toBe('SIGKILL');
    expect(result.seen).toBeGreaterThan(0);
    expect(sha256Of(previous)).toBe(before);
    for (const name of partials(home)) rmSync(join(home, name));
    rmSync(previous);
  });

  it('Ctrl-C half-way exits 130 and removes its temporary file', async () => {
    const result = await interrupt('SIGINT', []);
    expect(result.seen).toBeGreaterThan(0);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Cancelled — no bundle was written.');
    expect(existsSync(join(home, ZIP))).toBe(false);
    expect(partials(home)).toEqual([]);
  });
});
