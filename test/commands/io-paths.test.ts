/**
 * Where outputs may go (`--out`, `-`) and how much an input file may hold, through the commands.
 * Real pipes and devices are in test/slow/io-paths.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFlags, dataDirOf } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

/** A home with RC-0001 submitted, so that every command with --out has something to write. */
async function submitted(): Promise<string> {
  const home = tempDir();
  expect((await runCli(claimFlags(), { home })).code).toBe(0);
  expect((await runCli(['submit', '1', '--ticket', '7301928374'], { home })).code).toBe(0);
  return home;
}

const claimIds = async (home: string): Promise<string> => (await runCli(['list'], { home })).stdout;

describe('--out -', () => {
  it('is standard output for every text output, and writes no file named -', async () => {
    const home = await submitted();
    const ticket = (await runCli(['ticket', '1'], { home })).stdout;
    const toStdout = await runCli(['ticket', '1', '--out', '-'], { home });
    // The claim has no receipt: the draft still prints, with check's error on stderr only.
    expect(toStdout).toMatchObject({ code: 0, stdout: ticket });
    expect(toStdout.stderr).toMatch(/^warning: RC-0001 has 1 error in check/);

    const followup = await runCli(['followup', '1', '--out', '-'], { home });
    expect(followup.code).toBe(0);
    expect(followup.stdout).toContain('RC-0001');
    const exported = await runCli(['export', '--out', '-'], { home });
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ format: 'refund-claim-export' });
    expect(exported.stderr).toBe('Exported 1 claim to standard output.\n');
    expect((await runCli(['export', '--format', 'csv', '--out', '-'], { home })).stdout).toContain('RC-0001');
    expect(existsSync(join(home, '-'))).toBe(false);
  });

  it('is refused by new, whose standard output is the claim ID, and by bundle, whose zip is binary', async () => {
    const home = tempDir();
    const created = await runCli([...claimFlags(), '--out', '-'], { home });
    expect(created).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: --out -: new prints the claim ID on standard output, so the ticket draft cannot go there too.\n' +
        '  Give a file name, or print the draft afterwards with refund-claim ticket <id>.\n',
    });
    expect(await claimIds(home)).toBe('');

    await runCli(claimFlags(), { home });
    const bundled = await runCli(['bundle', '1', '--out', '-', '--force'], { home });
    expect(bundled).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: --out -: a bundle is a zip file, which is not written to standard output.\n' +
        '  Give a file name ending in .zip.\n',
    });
    expect(existsSync(join(home, '-'))).toBe(false);
  });
});

describe('--out into the data directory', () => {
  it('is refused (exit 2) before anything is written: export --out claims.db cannot replace the claims', async () => {
    const home = await submitted();
    const data = dataDirOf(home);
    const before = readFileSync(join(data, 'claims.db'));
    const exported = await runCli(['export', '--out', 'claims.db'], { home, cwd: data });
    expect(exported).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `error: --out claims.db is inside the data directory ${data}; writing there could destroy your claims.\n` +
        `  Choose a path outside ${data}.\n`,
    });
    expect(readFileSync(join(data, 'claims.db'))).toEqual(before);
    expect(await claimIds(home)).toContain('RC-0001');

    // Through `..`, a symlinked folder, and for every command that writes a file.
    symlinkSync(data, join(home, 'shortcut'));
    mkdirSync(join(home, 'elsewhere'));
    mkdirSync(join(data, 'evidence'), { recursive: true });
    const attempts = [
      ['ticket', '1', '--out', join(data, 'evidence', 'ticket.txt')],
      ['followup', '1', '--out', join(home, 'elsewhere', '..', 'data', 'followup.txt')],
      ['calendar', '--out', join(home, 'shortcut', 'claims.db')],
      ['export', '--format', 'csv', '--out', join(home, 'shortcut', 'claims.db-wal')],
      ['export', '--with-evidence', join(data, 'evidence')],
      ['bundle', '1', '--force', '--out', join(data, 'b.zip')],
      [...claimFlags({ '--promotion-id': '1790000002' }), '--out', join(data, 'ticket.txt')],
    ];
    for (const args of attempts) {
      const result = await runCli(args, { home });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(`is inside the data directory ${data}`);
    }
    expect(readFileSync(join(data, 'claims.db'))).toEqual(before);
    expect(await claimIds(home)).not.toContain('RC-0002');
  });
});

describe('--out that is not a regular file', () => {
  it('never follows a symbolic link to overwrite its target, nor replaces the link', async () => {
    const home = await submitted();
    const target = join(home, 'precious.txt');
    writeFileSync(target, 'keep me');
    const link = join(home, 'ticket.txt');
    symlinkSync(target, link);
    for (const args of [
      ['ticket', '1', '--out', link],
      ['export', '--out', link],
      ['bundle', '1', '--force', '--out', link],
    ]) {
      const result = await runCli(args, { home });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(
        `error: --out ${link} is a symbolic link, which refund-claim never writes through or replaces.`,
      );
    }
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(readlinkSync(link)).toBe(target);
  });

  it('refuses a FIFO and a directory by name (exit 2), and leaves them as they were', async () => {
    const home = await submitted();
    const fifo = join(home, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const result = await runCli(['calendar', '--out', fifo], { home });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `error: --out ${fifo} is a FIFO (named pipe), not a regular file.\n` +
        '  Give the path of a regular file or a new one, or - for standard output.\n',
    });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    const dir = await runCli(['ticket', '1', '--out', home], { home });
    expect(dir.code).toBe(2);
    expect(dir.stderr).toBe(`error: --out ${home} is a directory.\n  Give a file name.\n`);
  });
});

describe('input files', () => {
  it('refuses a description larger than 1 MB, from a file or standard input (exit 2)', async () => {
    const home = tempDir();
    const big = join(home, 'big.txt');
    writeFileSync(big, 'a'.repeat(1_000_001));
    const flags = claimFlags({ '--description': '' }).filter((flag) => flag !== '--description');
    const fromFile = await runCli([...flags, '--description-file', big], { home });
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toBe(
      `error: --description-file ${big}: larger than 1 MB, the most a description may hold.\n` +
        '  Check that it is the right file.\n',
    );
    const piped = await runCli([...flags, '--description-file', '-'], {
      home,
      input: 'a'.repeat(1_000_001),
    });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('--description-file -: larger than 1 MB');
    expect(await claimIds(home)).toBe('');
  });
});
