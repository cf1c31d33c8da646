/**
 * `bundle` as a process: progress on a real terminal, archiver loaded only when it zips, and
 * what kill -9 and Ctrl-C half-way through leave behind. The rest of `bundle` runs in-process
 * in test/commands/bundle.test.ts.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, claimFlags, cliEnv } from '../helpers/cli.js';
import { writeEvidenceFiles } from '../helpers/files.js';
import { claimWithEvidence, runCli } from '../helpers/in-process.js';
import { loadedModules } from '../helpers/loaded-modules.js';
import { tempDir } from '../helpers/temp.js';
import { sha256Of, writeMp4 } from '../helpers/zip.js';

const ZIP = 'RC-0001-evidence.zip';

/** Temporary files a bundle run leaves in `dir` (none, unless it was killed). */
function partials(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.partial'));
}

describe('refund-claim bundle, as a process', () => {
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

  it('loads archiver only when it zips: status, --help and verify start without it', async () => {
    const home = tempDir();
    await claimWithEvidence(home);
    const loaded = (...args: string[]): boolean =>
      loadedModules(home, args).some((path) => path.startsWith('node_modules/archiver/'));
    expect(loaded('status')).toBe(false);
    expect(loaded('--help')).toBe(false);
    expect(loaded('verify', '1')).toBe(false);
    expect(loaded('bundle', '1')).toBe(true);
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
    const created = await runCli([...claimFlags(), '--receipt', files.pdf, ...flags], { home });
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
