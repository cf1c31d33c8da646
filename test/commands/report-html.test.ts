/**
 * `report --html` through the command line, in-process: where the page may be written, what it
 * refuses, and the selection flags. The page's figures are in test/unit/app/report-page-data.test.ts,
 * its markup in test/unit/render/report-page.test.ts, a real browser in test/slow/report-html.test.ts.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFlags, dataDirOf, promoteFlags } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

async function twoAccounts(): Promise<string> {
  const home = tempDir();
  expect((await runCli(claimFlags(), { home, now: '2026-10-05T12:00:00.000Z' })).code).toBe(0);
  expect((await runCli(promoteFlags('PRM-2'), { home })).code).toBe(0);
  return home;
}

describe('report --html', () => {
  it('writes the page, says where on stderr, and prints nothing on stdout', async () => {
    const home = await twoAccounts();
    const result = await runCli(['report', '--html', 'report.html'], { home });
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Wrote report.html: 2 claims, 2 accounts. Open it in any browser; it prints on A4 or Letter.\n',
    });
    const html = readFileSync(join(home, 'report.html'), 'utf8');
    expect(html).toContain('Acme Shoes');
    expect(html).toContain('Café Lumière');
    // Written whole under its name: no temporary file left beside it.
    expect(readdirSync(home).filter((name) => name.includes('report'))).toEqual(['report.html']);
  });

  it('never replaces an existing file without --force', async () => {
    const home = await twoAccounts();
    writeFileSync(join(home, 'report.html'), 'last month');
    const refused = await runCli(['report', '--html', 'report.html'], { home });
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: --html report.html already exists.\n  Pass --force to replace it, or give another file name.\n',
    });
    expect(readFileSync(join(home, 'report.html'), 'utf8')).toBe('last month');
    expect((await runCli(['report', '--html', 'report.html', '--force'], { home })).code).toBe(0);
    expect(readFileSync(join(home, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('prints the page on standard output with -', async () => {
    const home = await twoAccounts();
    const result = await runCli(['report', '--html', '-'], { home });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
    expect(result.stderr).toBe('');
  });

  it('refuses a directory, a path in the data directory, and --json beside it (exit 2)', async () => {
    const home = await twoAccounts();
    mkdirSync(join(home, 'pages'));
    expect((await runCli(['report', '--html', 'pages'], { home })).stderr).toBe(
      'error: --html pages is a directory.\n  Give a file name.\n',
    );
    const inside = await runCli(['report', '--html', join(dataDirOf(home), 'report.html')], { home });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('is inside the data directory');
    const both = await runCli(['report', '--html', 'r.html', '--json'], { home });
    expect(both).toMatchObject({ code: 2, stderr: expect.stringContaining('--html and --json') });
  });

  it('keeps one account with --account, and refuses one that matches none', async () => {
    const home = await twoAccounts();
    const result = await runCli(['report', '--html', '-', '--account', 'café lumière'], { home });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('<h1>Refund claims: Café Lumière</h1>');
    expect(result.stdout).not.toContain('Acme Shoes');
    const unknown = await runCli(['report', '--html', 'r.html', '--account', 'Globex'], { home });
    expect(unknown).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No saved account matches --account "Globex".'),
    });
  });

  it('keeps claims filed since --since, and says so when none is', async () => {
    const home = await twoAccounts();
    const since = await runCli(['report', '--html', '-', '--since', '2026-11-01'], { home });
    expect(since.stdout).toContain('Claims filed since 1 Nov 2026');
    expect(since.stdout).toContain('Café Lumière');
    expect(since.stdout).not.toContain('Acme Shoes');
    const none = await runCli(['report', '--html', '-', '--since', 'today', '--account', 'Acme Shoes'], { home });
    expect(none.stdout).toContain('No claims were filed since 20 Nov 2026, so there is nothing to chart.');
  });

  it('takes --force only with --html', async () => {
    const home = await twoAccounts();
    expect(await runCli(['report', '--force'], { home })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--force goes with --html'),
    });
  });
});
