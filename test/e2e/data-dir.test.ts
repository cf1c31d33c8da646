/**
 * Creating the data directory: missing parents are made private to the user, and a directory that
 * cannot be made is one line naming it, never a hang (Node's recursive mkdir loops forever on
 * `/proc/nope`) nor a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, NOW, run } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const HINT = '  Point --data-dir or REFUND_CLAIM_HOME at a directory you can write to.\n';

describe('the data directory', () => {
  it('is created with its missing parents, each readable by the user alone', async () => {
    const home = tempDir();
    const dataDir = join(home, 'a', 'b', 'c');
    const result = await run(['--data-dir', dataDir, 'status'], { home });
    expect(result.code, result.stderr).toBe(0);
    for (const dir of [join(home, 'a'), join(home, 'a', 'b'), dataDir]) {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    }
    expect(existsSync(join(dataDir, 'claims.db'))).toBe(true);
  });

  it('refuses in one line when a file is in the way, as the directory or as a parent', async () => {
    const home = tempDir();
    const file = join(home, 'notes.txt');
    writeFileSync(file, 'not a directory');
    for (const dataDir of [file, join(file, 'refund-claim')]) {
      expect(await run(['--data-dir', dataDir, 'status'], { home })).toEqual({
        code: 1,
        stdout: '',
        stderr: `error: Cannot use ${dataDir} as the data directory: a file is in the way.\n${HINT}`,
      });
    }
  });

  // Linux: /proc exists and refuses new entries, which sent Node's recursive mkdir round forever.
  it.runIf(existsSync('/proc/self'))(
    'refuses a directory that cannot be created under /proc instead of hanging',
    () => {
      const home = tempDir();
      for (const [dataDir, args, role] of [
        ['/proc/nope', ['status'], 'the data directory'],
        ['/proc/nope/deeper/still', ['list'], 'the data directory'],
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
