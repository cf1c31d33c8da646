/** `verify` of hostile zips, run as a process with a time limit: a hang fails the test, never stalls it. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { rawZip, vouchingLists } from '../helpers/raw-zip.js';
import type { RawEntry } from '../helpers/raw-zip.js';

describe('refund-claim verify <bundle.zip> of a hostile zip', () => {
  /** Any control character but the line feeds that end output lines. */
  // eslint-disable-next-line no-control-regex -- control characters are what must not appear
  const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

  it('reports 2,000 entries aliasing one stream as malformed within seconds (exit 1)', async () => {
    const home = tempDir();
    // 64 MiB of zeros deflate to 64 KiB; hashed once per alias, that would be 125 GiB of inflating.
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const names = Array.from({ length: 2000 }, (_, n) => `evidence/${String(n + 1).padStart(4, '0')}-other-a.bin`);
    const stream: RawEntry = { name: names[0] ?? '', data: zeros, deflate: true };
    const aliases = names.slice(1).map((name): RawEntry => ({ name, aliasOf: 0 }));
    const lists = vouchingLists(names.map((name) => ({ name, data: zeros })));
    writeFileSync(join(home, 'aliases.zip'), rawZip([stream, ...aliases, ...lists]));

    const started = performance.now();
    const result = await run(['verify', 'aliases.zip'], { home, timeout: 20_000 });
    const seconds = (performance.now() - started) / 1000;
    expect(result.code, `ended after ${seconds.toFixed(1)} s; ${result.stderr}`).toBe(1);
    // The first entry owns the stream (its local header bears its name): it is read once, and matches.
    const malformed = result.stdout.split('\n').filter((line) => line.startsWith('malformed evidence/'));
    expect(malformed).toHaveLength(1999);
    expect(result.stdout).not.toContain('evidence/0001-other-a.bin ');
    expect(result.stdout).toContain('aliases.zip (RC-0001): 1999 problems.');
    expect(malformed[0]).toBe(
      'malformed evidence/0002-other-a.bin is named "evidence/0001-other-a.bin" in its local header (the two names must be the same)',
    );
    expect(seconds).toBeLessThan(5);
  });

  it('reports names that climb out as unsafe, even when SHA256SUMS and the manifest match (exit 1)', async () => {
    const home = tempDir();
    const names = ['../evil.txt', '/abs.txt', 'a\\b.txt', 'C:x.txt'];
    const files = [...names, 'ticket.txt'].map((name) => ({ name, data: `content of ${name}\n` }));
    writeFileSync(join(home, 'climb.zip'), rawZip([...files, ...vouchingLists(files)]));

    const result = await run(['verify', 'climb.zip'], { home, timeout: 20_000 });
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'unsafe   ../evil.txt climbs out of the target folder with ".."',
      'unsafe   /abs.txt is an absolute path, which unzips outside the target folder',
      'unsafe   a\\b.txt holds a backslash, a folder separator on Windows',
      'unsafe   C:x.txt starts with a drive letter, which unzips outside the target folder on Windows',
      'climb.zip (RC-0001): 4 problems.',
    ]);
  });

  it('refuses a FIFO given as the zip at once, in one line (exit 2)', async () => {
    const home = tempDir();
    execFileSync('mkfifo', [join(home, 'pipe.zip'), join(home, 'pipe')]);
    for (const name of ['pipe.zip', 'pipe']) {
      const started = performance.now();
      const result = await run(['verify', name], { home, timeout: 5000 });
      const elapsed = performance.now() - started;
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toBe(`error: Cannot read ${name}: it is a FIFO (named pipe), not a file.\n`);
      expect(elapsed).toBeLessThan(1000);
    }
  });

  it('shows control characters from the zip escaped, never raw', async () => {
    const home = tempDir();
    const files = [{ name: 'evidence/01-other-a.txt', data: 'evidence\n', caption: 'clear \u001b[2J and ring \u0007' }];
    const [manifest, sums] = vouchingLists(files, 'RC-0001\u001b]0;title\u0007') as [RawEntry, RawEntry];
    const hostile = 'evidence/\u001b[31mred\u0007\r.txt';
    writeFileSync(join(home, 'escapes.zip'), rawZip([...files, manifest, sums, { name: hostile, data: 'not listed' }]));
    const result = await run(['verify', 'escapes.zip'], { home, timeout: 20_000 });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'unsafe   evidence/\\x1b[31mred\\x07\\r.txt holds control characters',
      'extra    evidence/\\x1b[31mred\\x07\\r.txt is not listed in SHA256SUMS or manifest.json',
      'escapes.zip (RC-0001\\x1b]0;title\\x07): 2 problems.',
    ]);

    // A name in an error about the whole zip is escaped too.
    writeFileSync(join(home, 'zip64.zip'), rawZip([{ name: hostile, data: 'x', declaredSize: 0xffffffff }]));
    const refused = await run(['verify', 'zip64.zip'], { home, timeout: 20_000 });
    expect(refused.code).toBe(1);
    expect(refused.stderr).not.toMatch(RAW_CONTROL);
    expect(refused.stderr).toContain('evidence/\\x1b[31mred\\x07\\r.txt is a ZIP64 entry');
  });
});
