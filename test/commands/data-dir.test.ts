/**
 * Creating the data directory: missing parents are made private to the user, and a directory that
 * cannot be made is one line naming it, never a stack trace. (Never a hang either: that one runs
 * the binary under a timeout, in test/slow/data-dir.test.ts.)
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

const HINT = '  Point --data-dir or REFUND_CLAIM_HOME at a directory you can write to.\n';

describe('the data directory', () => {
  it('is created with its missing parents, each readable by the user alone', async () => {
    const home = tempDir();
    const dataDir = join(home, 'a', 'b', 'c');
    const result = await runCli(['--data-dir', dataDir, 'status'], { home });
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
      expect(await runCli(['--data-dir', dataDir, 'status'], { home })).toEqual({
        code: 1,
        stdout: '',
        stderr: `error: Cannot use ${dataDir} as the data directory: a file is in the way.\n${HINT}`,
      });
    }
  });
});
