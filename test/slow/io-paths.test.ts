/**
 * Inputs and outputs that only a real process meets: a pipe whose writer is slow or endless,
 * `/dev/zero`, a device or FIFO named as `--out`. The rules themselves are tested in-process
 * (test/commands/io-paths.test.ts); these prove the binary keeps them with the real thing.
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, claimFlags, cliEnv, dataDirOf, run } from '../helpers/cli.js';
import type { RunResult } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** A refusal must come within this, not after the whole device was read (or never). */
const BOUNDED_MS = 10_000;

/** Runs a bash script, in which `rc` is the binary, in the test's home and environment. */
function shell(script: string, home: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `rc() { "$NODE" "$BIN" "$@"; }; ${script}`], {
      cwd: home,
      env: { ...cliEnv(home), NODE: process.execPath, BIN },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: BOUNDED_MS,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const withoutDescription = (flags: string[]): string[] => {
  const at = flags.indexOf('--description');
  return [...flags.slice(0, at), ...flags.slice(at + 2)];
};
const quoted = (args: string[]): string => args.map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');

describe('standard input from a slow pipe', () => {
  it('export | (a second later) import - restores every claim', async () => {
    const home = tempDir();
    expect((await run(claimFlags(), { home })).code).toBe(0);
    const piped = await shell('rc export | { sleep 1; cat; } | rc --data-dir other import -', home);
    expect(piped).toMatchObject({ code: 0, stdout: 'RC-0001\n' });
    expect(piped.stderr).toContain('Imported 1 claim from standard input.');
    const shown = (dir: string[]) => run([...dir, 'show', '1', '--json'], { home }).then((result) => result.stdout);
    expect(await shown(['--data-dir', join(home, 'other')])).toBe(await shown([]));
  });

  it('new --description-file - waits for a writer that starts a second later', async () => {
    const home = tempDir();
    const flags = quoted(withoutDescription(claimFlags()));
    const piped = await shell(`(sleep 1; echo 'Billed twice on 3 November.') | rc ${flags} --description-file -`, home);
    expect(piped).toMatchObject({ code: 0, stdout: 'RC-0001\n' });
    const shown = await run(['show', '1', '--json'], { home });
    expect(JSON.parse(shown.stdout)).toMatchObject({ description: 'Billed twice on 3 November.' });
  });

  it('reads a process substitution (a pipe named as a file)', async () => {
    const home = tempDir();
    const flags = quoted(withoutDescription(claimFlags()));
    const result = await shell(`rc ${flags} --description-file <(sleep 1; echo 'From a pipe.')`, home);
    expect(result).toMatchObject({ code: 0, stdout: 'RC-0001\n' });
  });
});

describe('input without end', () => {
  it('refuses /dev/zero, /dev/urandom, an endless pipe and an endless FIFO at the limit (exit 2)', async () => {
    const home = tempDir();
    const zero = await run([...withoutDescription(claimFlags()), '--description-file', '/dev/zero'], {
      home,
      timeout: BOUNDED_MS,
    });
    expect(zero).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: --description-file /dev/zero: larger than 1 MB, the most a description may hold.\n' +
        '  Check that it is the right file.\n',
    });
    expect(existsSync(join(dataDirOf(home), 'claims.db'))).toBe(false);

    expect((await run(claimFlags(), { home })).code).toBe(0);
    const log = ['log', '1', '--from', 'support', '--message-file'];
    const random = await run([...log, '/dev/urandom'], { home, timeout: BOUNDED_MS });
    expect(random.code).toBe(2);
    expect(random.stderr).toContain(
      '--message-file /dev/urandom: larger than 50 MB, the most a message or email may hold.',
    );
    const endless = await shell(`yes | rc ${quoted(log)} -`, home);
    expect(endless.code).toBe(2);
    expect(endless.stderr).toContain('--message-file -: larger than 50 MB');
    const fifo = await shell(
      `mkfifo f && { yes > f 2>/dev/null & }; rc ${quoted(log)} f; code=$?; kill $! 2>/dev/null; exit $code`,
      home,
    );
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toContain('--message-file f: larger than 50 MB');
    const imported = await shell('yes | rc import -', home);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('import -: larger than 256 MB, the most an export may hold.');
    expect((await run(['show', '1', '--json'], { home })).stdout).not.toContain('"message"');
  });
});

describe('--out naming a device or FIFO', () => {
  it('is refused (exit 2) and the device stays a device', async () => {
    const home = tempDir();
    expect((await run(claimFlags(), { home })).code).toBe(0);
    expect((await shell('mkfifo pipe', home)).code).toBe(0);
    for (const args of [
      ['calendar', '--out', '/dev/null'],
      ['ticket', '1', '--out', '/dev/null'],
      ['export', '--out', '/dev/null'],
      ['bundle', '1', '--force', '--out', '/dev/null'],
      ['ticket', '1', '--out', 'pipe'],
    ]) {
      const result = await run(args, { home, timeout: BOUNDED_MS });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(
        /^error: --out (\/dev\/null is a device|pipe is a FIFO \(named pipe\)), not a regular file\.\n/,
      );
    }
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(lstatSync(join(home, 'pipe')).isFIFO()).toBe(true);
    // /dev/stdout is a link to the process's descriptor: replacing it would break the system.
    const stdout = await run(['ticket', '1', '--out', '/dev/stdout'], { home });
    expect(stdout.code).toBe(2);
    expect(stdout.stderr).toContain('--out /dev/stdout is a symbolic link');
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });
});
