/**
 * A data directory that cannot be created is one line naming it, never a hang: Node's recursive
 * mkdir loops forever on `/proc/nope`. A hang can only be caught from outside, so this runs the
 * binary under a timeout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, claimFlags, NOW } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const HINT = '  Point --data-dir or REFUND_CLAIM_HOME at a directory you can write to.\n';

describe('the data directory', () => {
  // Linux: /proc exists and refuses new entries, which sent Node's recursive mkdir round forever.
  it.runIf(existsSync('/proc/self'))(
    'refuses a directory that cannot be created under /proc instead of hanging',
    () => {
      const home = tempDir();
      for (const [dataDir, args, role] of [
        // A command that writes: the read-only ones create no data directory, they say it is empty.
        ['/proc/nope', claimFlags(), 'the data directory'],
        ['/proc/nope/deeper/still', claimFlags(), 'the data directory'],
        ['/proc/nope', ['templates', 'eject', 'followup'], 'the template directory'],
      ] as const) {
        const result = spawnSync(process.execPath, [BIN, '--data-dir', dataDir, ...args], {
          cwd: home,
          env: { PATH: process.env.PATH, HOME: home, TZ: 'UTC', NO_COLOR: '1', REFUND_CLAIM_NOW: NOW },
          encoding: 'utf8',
          timeout: 10_000,
        });
        expect(result.signal, `${args.join(' ')} hung`).toBe(null);
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('');
        const where = role === 'the data directory' ? dataDir : `${dataDir}/templates`;
        expect(result.stderr).toMatch(new RegExp(`^error: Cannot use ${where} as ${role}: .+\\.\\n${HINT}$`));
      }
    },
    40_000,
  );
});

describe('a data directory on a read-only file system', () => {
  it('is one line saying so, for reading commands too, never "this is a bug"', ({ skip }) => {
    const home = tempDir();
    const dataDir = `${home}/data`;
    const env = { PATH: process.env.PATH, HOME: home, TZ: 'UTC', NO_COLOR: '1', REFUND_CLAIM_NOW: NOW };
    const made = spawnSync(process.execPath, [BIN, '--data-dir', dataDir, ...claimFlags()], { cwd: home, env });
    expect(made.status).toBe(0);
    // A read-only bind mount in a private mount namespace: root only; elsewhere the test says why.
    const probe = spawnSync('unshare', [
      '-m',
      'sh',
      '-c',
      'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0"',
      dataDir,
    ]);
    if (probe.status !== 0) skip('needs a read-only bind mount (unshare -m, as root): not permitted here');
    const script = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" && exec "$1" "$2" --data-dir "$0" list';
    const result = spawnSync('unshare', ['-m', 'sh', '-c', script, dataDir, process.execPath, BIN], {
      cwd: home,
      env,
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `error: Cannot open the claims database ${dataDir}/claims.db: its directory is read-only, and SQLite needs to write beside the database even to read it.\n` +
        '  Check the file and its directory, or point --data-dir at another directory.\n',
    );
  });
});
