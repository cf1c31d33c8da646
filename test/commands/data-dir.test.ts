/**
 * Creating the data directory: missing parents are made private to the user, and a directory that
 * cannot be made is one line naming it, never a stack trace. (Never a hang either: that one runs
 * the binary under a timeout, in test/slow/data-dir.test.ts.)
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFlags } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

const HINT = '  Point --data-dir or REFUND_CLAIM_HOME at a directory you can write to.\n';

describe('the data directory', () => {
  it('is created with its missing parents, each readable by the user alone', async () => {
    const home = tempDir();
    const dataDir = join(home, 'a', 'b', 'c');
    const result = await runCli(['--data-dir', dataDir, ...claimFlags()], { home });
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
      expect(await runCli(['--data-dir', dataDir, ...claimFlags()], { home })).toEqual({
        code: 1,
        stdout: '',
        stderr: `error: Cannot use ${dataDir} as the data directory: a file is in the way.\n${HINT}`,
      });
    }
  });

  it('is not created by a command that only reads: each prints its empty state', async () => {
    const home = tempDir();
    const dataDir = join(home, 'not-yet');
    const expected: [string[], unknown, string][] = [
      [['status'], '', 'Nothing pending: no open claim needs action.\n'],
      [['status', '--json'], '[]\n', ''],
      [['list'], '', 'No claims yet. Draft one with `refund-claim new`.\n'],
      [['list', '--json'], '[]\n', ''],
      [['accounts'], '', 'No saved accounts yet: `refund-claim new` saves the account of each claim.\n'],
      [['accounts', '--json'], '[]\n', ''],
      [['report'], '', 'No claims yet. Draft one with `refund-claim new`.\n'],
      [['report', '--json'], '{\n  "groups": [],\n  "totals": []\n}\n', ''],
      [
        ['export', '--format', 'csv'],
        expect.stringContaining('id,status,channel'),
        'Exported 0 claims to standard output.\n',
      ],
    ];
    for (const [args, stdout, stderr] of expected) {
      const result = await runCli(['--data-dir', dataDir, ...args], { home });
      expect(result, args.join(' ')).toEqual({ code: 0, stdout, stderr });
    }
    const calendar = await runCli(['--data-dir', dataDir, 'calendar'], { home });
    expect(calendar.code).toBe(0);
    expect(calendar.stdout).toContain('BEGIN:VCALENDAR');
    expect(calendar.stdout).not.toContain('BEGIN:VEVENT');
    expect((await runCli(['--data-dir', dataDir, 'export'], { home })).code).toBe(0);
    // Asking for an account there is no account for: exit 1, still nothing created.
    expect(await runCli(['--data-dir', dataDir, 'status', '--account', 'Acme'], { home })).toMatchObject({ code: 1 });
    expect(await runCli(['--data-dir', dataDir, 'show', '1'], { home })).toMatchObject({ code: 1 });
    expect(existsSync(dataDir)).toBe(false);
  });
});
