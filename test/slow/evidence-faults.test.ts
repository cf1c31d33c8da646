/**
 * Evidence is stored whole or not at all, as a process sees it: a file-size limit (`ulimit -f`)
 * and a full disk (a 1 MB tmpfs) half-way through a copy, kill -9 during one, and things that
 * are not regular files where a copy should be. Each needs a real process: a limit, a mount
 * namespace, a signal, or a FIFO that would hang a reader (each run has a timeout).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimJson } from '../../src/app/formats/claim-json.js';
import { BIN, claimFlags, cliEnv, dataDirOf, run } from '../helpers/cli.js';
import type { RunResult } from '../helpers/cli.js';
import { pngBytes } from '../helpers/files.js';
import { runCli, showClaim } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';
import { sha256Of, writeMp4 } from '../helpers/zip.js';

const HINT_SPACE = '  Free some space (or raise the limit) and run the command again; nothing was changed.\n';
const TOO_BIG = 'the file is larger than allowed (file size limit)';

/** `command` (a program and its arguments) run with the CLI's environment; killed after `timeout` ms. */
function spawnRun(command: readonly string[], home: string, env: NodeJS.ProcessEnv = {}, timeout = 30_000) {
  return new Promise<RunResult>((resolve, reject) => {
    const [program = '', ...args] = command;
    const child = spawn(program, args, {
      cwd: home,
      env: { ...cliEnv(home), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout,
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

/** The binary under `ulimit -f <kB>`: Node ignores SIGXFSZ, so a write past it fails with EFBIG. */
function runLimited(kB: number, args: readonly string[], home: string, env: NodeJS.ProcessEnv = {}) {
  const script = 'ulimit -f "$1" && shift && exec "$@"';
  return spawnRun(['bash', '-c', script, 'bash', String(kB), process.execPath, BIN, ...args], home, env);
}

/** Everything in the folder that is not a stored copy: temporary files a write left behind. */
function leftovers(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => !/^[0-9a-f]{64}$/.test(name)) : [];
}

/** The temporary name a process with `pid` on this machine gives a copy (fs/atomic-file.ts). */
function temporaryOf(pid: number): string {
  return `.incoming-${pid}-${createHash('sha256').update(hostname()).digest('hex').slice(0, 8)}-0123456789ab`;
}

async function claimIn(home: string, ...flags: string[]): Promise<void> {
  const created = await runCli([...claimFlags(), ...flags], { home });
  expect(created.code, created.stderr).toBe(0);
}

describe('a copy cut short by a file-size limit', () => {
  it('fails attach, new, log --attach and import with exit 1 naming the evidence folder, storing nothing', async () => {
    const home = tempDir();
    const evidence = join(dataDirOf(home), 'evidence');
    const tooBig = `error: Cannot use ${evidence}: ${TOO_BIG}.\n${HINT_SPACE}`;
    // 600 kB against a limit of 200 kB: the copy is cut short a third of the way through.
    writeMp4(join(home, 'big.mp4'), 600 * 1024, 1);
    await claimIn(home);
    const before = await showClaim(home);

    for (const args of [
      ['attach', '1', 'big.mp4', '--kind', 'recording'],
      [...claimFlags({ '--promotion-id': '1790000002' }), '--recording', 'big.mp4'],
      ['log', '1', '--from', 'me', '--message', 'The recording support asked for.', '--attach', 'big.mp4'],
    ]) {
      const result = await runLimited(200, args, home);
      expect(result.code, args[0]).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(tooBig);
      expect(readdirSync(evidence)).toEqual([]);
    }
    expect(await showClaim(home)).toEqual(before);
    expect(JSON.parse((await runCli(['list', '--json'], { home })).stdout)).toHaveLength(1);

    // The same file brought by an export's evidence folder.
    await runCli(['attach', '1', 'big.mp4', '--kind', 'recording'], { home });
    expect((await runCli(['export', '--out', 'backup.json', '--with-evidence', 'copies'], { home })).code).toBe(0);
    const target = tempDir();
    const imported = await runLimited(
      200,
      ['import', join(home, 'backup.json'), '--with-evidence', join(home, 'copies')],
      target,
    );
    expect(imported.code).toBe(1);
    expect(imported.stderr).toBe(
      `error: Cannot use ${join(dataDirOf(target), 'evidence')}: ${TOO_BIG}.\n${HINT_SPACE}`,
    );
    expect(readdirSync(join(dataDirOf(target), 'evidence'))).toEqual([]);
    expect(JSON.parse((await runCli(['list', '--json'], { home: target })).stdout)).toEqual([]);
  });

  it('fails export --with-evidence with exit 1 naming the folder, never a backup that passes for whole', async () => {
    const home = tempDir();
    writeMp4(join(home, 'big.mp4'), 600 * 1024, 2);
    await claimIn(home, '--recording', 'big.mp4');
    const result = await runLimited(200, ['export', '--out', 'backup.json', '--with-evidence', 'copies'], home);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`error: Cannot use copies: ${TOO_BIG}.\n${HINT_SPACE}`);
    expect(existsSync(join(home, 'backup.json'))).toBe(false);
    expect(readdirSync(join(home, 'copies'))).toEqual([]);
  });
});

/** Whether this machine lets a test mount a tmpfs in a mount namespace of its own (root on Linux). */
function canMountTmpfs(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'refund-claim-mount-'));
  try {
    const probe = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs "$0"', dir]);
    return probe.status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a full disk', () => {
  it('fails attach with exit 1, "no space left" in the evidence folder, not the user\'s file (exit 2)', async ({
    skip,
  }) => {
    if (!canMountTmpfs()) skip('needs a tmpfs in a private mount namespace (unshare -m, as root): not permitted here');
    const home = tempDir();
    const evidence = join(dataDirOf(home), 'evidence');
    writeMp4(join(home, 'big.mp4'), 3 * 1024 * 1024, 3);
    await claimIn(home);
    mkdirSync(evidence);
    // The evidence folder is a 1 MB tmpfs that only this run sees; what is in it when the run
    // ends is written down before the namespace, and the tmpfs with it, goes away.
    const listing = join(home, 'listing.txt');
    const script =
      'mount -t tmpfs -o size=1m,mode=0700 tmpfs "$EVIDENCE" || exit 99; "$@"; code=$?; ls -A "$EVIDENCE" > "$LISTING"; exit $code';
    const result = await spawnRun(
      [
        'unshare',
        '-m',
        'sh',
        '-c',
        script,
        'sh',
        process.execPath,
        BIN,
        'attach',
        '1',
        'big.mp4',
        '--kind',
        'recording',
      ],
      home,
      { EVIDENCE: evidence, LISTING: listing },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`error: Cannot use ${evidence}: no space left on the device.\n${HINT_SPACE}`);
    expect(readFileSync(listing, 'utf8')).toBe('');
    expect((await showClaim(home)).evidence).toEqual([]);
  });
});

describe('a copy interrupted by kill -9', () => {
  it("is removed by the next copy at once, and a running process's copy never is, whatever the clock says", async () => {
    const home = tempDir();
    const evidence = join(dataDirOf(home), 'evidence');
    writeMp4(join(home, 'big.mp4'), 300 * 1024 * 1024, 4);
    writeFileSync(join(home, 'shot.png'), pngBytes(8, 8, 4));
    await claimIn(home);
    mkdirSync(evidence);

    // SIGKILL once the temporary copy holds 20 MB: no cleanup of its own runs.
    const killed = await new Promise<{ pid: number; seen: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'attach', '1', 'big.mp4', '--kind', 'recording'], {
        cwd: home,
        env: cliEnv(home),
        stdio: 'ignore',
      });
      let seen = '';
      const poll = setInterval(() => {
        for (const name of leftovers(evidence)) {
          const size = statSync(join(evidence, name), { throwIfNoEntry: false })?.size ?? 0;
          if (size >= 20 * 1024 * 1024 && seen === '') {
            seen = name;
            child.kill('SIGKILL');
          }
        }
      }, 2);
      child.on('error', reject);
      child.on('close', () => {
        clearInterval(poll);
        resolve({ pid: child.pid ?? 0, seen });
      });
    });
    expect(killed.seen).toMatch(new RegExp(`^\\.incoming-${killed.pid}-[0-9a-f]{8}-[0-9a-f]{12}$`));
    expect(leftovers(evidence)).toEqual([killed.seen]);

    // A copy this test process is still writing, by its name: old by the file system's clock,
    // and older still by a "now" years ahead.
    const live = temporaryOf(process.pid);
    writeFileSync(join(evidence, live), 'still being written');
    const longAgo = new Date('2001-01-01T00:00:00Z');
    utimesSync(join(evidence, live), longAgo, longAgo);

    const next = await run(['attach', '1', 'shot.png', '--kind', 'screenshot'], {
      home,
      now: '2099-12-31T12:00:00.000Z',
    });
    expect(next.code, next.stderr).toBe(0);
    expect(leftovers(evidence)).toEqual([live]);
    expect(readdirSync(evidence).filter((name) => !name.startsWith('.'))).toEqual([sha256Of(join(home, 'shot.png'))]);
  });
});

describe('something other than a regular file where a copy should be', () => {
  const kinds = {
    'a FIFO': (path: string) => {
      expect(spawnSync('mkfifo', [path]).status).toBe(0);
    },
    'a symbolic link': (path: string) => symlinkSync('/dev/zero', path),
    'a directory': (path: string) => mkdirSync(path),
  } as const;

  /** Runs the binary with a five-second limit: a reader waiting on a FIFO or /dev/zero fails it. */
  async function quick(args: readonly string[], home: string): Promise<RunResult> {
    const result = await run(args, { home, timeout: 5_000 });
    expect(result.code, `${args.join(' ')} hung`).not.toBeNull();
    return result;
  }

  it('is reported at once by check, verify, export and bundle (exit 1), and by import (exit 2)', async () => {
    const home = tempDir();
    const shot = join(home, 'shot.png');
    writeFileSync(shot, pngBytes(8, 8, 5));
    await claimIn(home, '--screenshot', 'shot.png');
    expect((await runCli(['export', '--out', 'backup.json', '--with-evidence', 'copies'], { home })).code).toBe(0);
    const sum = sha256Of(shot);
    const stored = join(dataDirOf(home), 'evidence', sum);
    const exported = join(home, 'copies', sum);
    const name = (JSON.parse(readFileSync(join(home, 'backup.json'), 'utf8')) as { claims: ClaimJson[] }).claims[0]
      ?.evidence[0]?.name;
    expect(name).toBe('shot.png');

    for (const [kind, plant] of Object.entries(kinds)) {
      rmSync(stored, { recursive: true });
      plant(stored);

      const check = await quick(['check', '1'], home);
      expect(check.code, kind).toBe(1);
      expect(check.stdout).toContain('Evidence #1 (shot.png): the stored copy no longer matches its SHA-256.');

      const verify = await quick(['verify', '1'], home);
      expect(verify.code, kind).toBe(1);
      expect(verify.stdout).toContain(
        'altered  #1 shot.png (01-screenshot-shot.png): the stored copy no longer matches its SHA-256',
      );

      const exportRun = await quick(['export', '--out', 'again.json', '--with-evidence', 'again'], home);
      expect(exportRun.code, kind).toBe(1);
      expect(exportRun.stderr).toContain(
        `error: evidence "shot.png" (${sum.slice(0, 12)}…) is altered in the data directory; not copied.\n`,
      );
      // Nothing was copied, so the folder may not even have been made.
      expect(existsSync(join(home, 'again')) ? readdirSync(join(home, 'again')) : []).toEqual([]);

      const bundle = await quick(['bundle', '1', '--force'], home);
      expect(bundle.code, kind).toBe(1);
      expect(bundle.stderr).toContain(
        `error: Evidence #1 (shot.png): cannot read the stored copy (${stored} is ${kind}, not a regular file), so no bundle was written.\n`,
      );
      expect(existsSync(join(home, 'RC-0001-evidence.zip'))).toBe(false);

      rmSync(exported, { recursive: true });
      plant(exported);
      const target = tempDir();
      const imported = await quick(
        ['import', join(home, 'backup.json'), '--with-evidence', join(home, 'copies')],
        target,
      );
      expect(imported.code, kind).toBe(2);
      expect(imported.stderr).toBe(
        `error: Evidence "shot.png" cannot be read: ${exported} is ${kind}, not a regular file; nothing was imported.\n` +
          '  Copy the evidence folder again from the original export, or import without --with-evidence.\n',
      );
      expect(JSON.parse((await runCli(['list', '--json'], { home: target })).stdout)).toEqual([]);
      expect(existsSync(join(dataDirOf(target), 'evidence'))).toBe(false);
    }
  }, 60_000);
});
