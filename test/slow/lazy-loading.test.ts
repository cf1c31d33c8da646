/**
 * What each command loads. Start-up time is measured by `npm run bench`; this holds the reasons
 * for it in place: `--help` loads no command, and the read commands load no date library, no
 * template engine, no prompts, no zip writer, no type detection, and no chalk when piped.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/program.js';
import { BIN, claimFlags, dataDirOf, NOW } from '../helpers/cli.js';
import { ACKNOWLEDGEMENT, DENIAL } from '../helpers/emails.js';
import { runCli } from '../helpers/in-process.js';
import { freshDatabaseUrl, postgresServer } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp.js';

const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.LOADED_MODULES, url + '\\n');
  return next(url, context);
}
`;

/** The modules a run of the built binary loads through the ESM loader, as paths. */
function loadedModules(home: string, args: readonly string[], exitCode = 0): string[] {
  const hooks = join(home, 'hooks.mjs');
  const register = join(home, 'register.mjs');
  const list = join(home, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(hooks, HOOKS);
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  writeFileSync(list, '');
  // In the test's home: a command that writes a file (export --out) writes it there.
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, BIN, ...args], {
    cwd: home,
    env: {
      PATH: process.env.PATH,
      HOME: home,
      REFUND_CLAIM_HOME: dataDirOf(home),
      REFUND_CLAIM_NOW: NOW,
      TZ: 'UTC',
      LOADED_MODULES: list,
    },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(exitCode);
  return readFileSync(list, 'utf8').trim().split('\n');
}

const matching = (modules: readonly string[], pattern: RegExp): string[] => modules.filter((url) => pattern.test(url));

// string-width too: measuring text in terminal columns is for tables on a terminal, never a pipe.
const HEAVY =
  /node_modules\/(date-fns|@inquirer|handlebars|archiver|file-type|chalk|string-width|@observablehq|linkedom|d3)\/|dist\/(render|bundle|evidence)\//;

describe('start-up loading', () => {
  it('--help loads no command, no store and no dependency through import', () => {
    const modules = loadedModules(tempDir(), ['--help']);
    expect(matching(modules, /dist\/cli\/main\.js$/)).not.toEqual([]);
    expect(matching(modules, /dist\/(cli\/commands|store|app)\//)).toEqual([]);
    // commander is required, not imported (src/cli/commander.ts).
    expect(matching(modules, /node_modules\//)).toEqual([]);
  });

  it.each([
    ['status'],
    ['status', '--json'],
    ['list'],
    ['show', '1'],
    ['accounts'],
    ['status', '--account', 'Acme Shoes'],
  ])('%s loads its own command and nothing heavy', async (...args) => {
    const home = tempDir();
    expect((await runCli(claimFlags(), { home })).code).toBe(0);
    const modules = loadedModules(home, args);
    expect(matching(modules, HEAVY)).toEqual([]);
    expect(matching(modules, /dist\/cli\/(commands\/|how-to-run)/).map((url) => url.replace(/^.*\//, ''))).toEqual([
      `${args[0]}.js`,
    ]);
  });

  it('new --no-input works out how the user runs refund-claim (for its next steps), without prompts', () => {
    const modules = loadedModules(tempDir(), claimFlags());
    expect(matching(modules, /dist\/cli\/how-to-run\.js$/)).not.toEqual([]);
    expect(matching(modules, /node_modules\/@inquirer\//)).toEqual([]);
  });

  // Each library only where its command needs it; `date-fns` one function at a time, never whole.
  const LIBRARIES = {
    archiver: /node_modules\/archiver\//,
    handlebars: /node_modules\/handlebars\//,
    icalGenerator: /node_modules\/ical-generator\//,
    csvStringify: /node_modules\/csv-stringify\//,
    fileType: /node_modules\/file-type\//,
    inquirer: /node_modules\/@inquirer\//,
    dateFnsRoot: /node_modules\/date-fns\/index\.js$/,
    postalMime: /node_modules\/postal-mime\//,
    htmlToText: /node_modules\/html-to-text\//,
    plot: /node_modules\/@observablehq\/plot\//,
    linkedom: /node_modules\/linkedom\//,
    d3: /node_modules\/d3(-[a-z]+)?\//,
    leven: /node_modules\/leven\//,
    writeExcelFile: /node_modules\/write-excel-file\//,
    // The team database's driver and store: never for SQLite, whatever the command.
    postgres: /node_modules\/postgres\/|dist\/store\/postgres\//,
  };
  const loadedLibraries = (modules: readonly string[]): string[] =>
    Object.entries(LIBRARIES)
      .filter(([, pattern]) => modules.some((url) => pattern.test(url)))
      .map(([name]) => name);

  it.each(COMMANDS.map((entry) => entry.name))('%s --help loads that command alone and no heavy library', (name) => {
    const modules = loadedModules(tempDir(), [name, '--help']);
    expect(loadedLibraries(modules)).toEqual([]);
    expect(matching(modules, /dist\/cli\/commands\//).map((url) => url.replace(/^.*\//, ''))).toEqual([`${name}.js`]);
  });

  it.each([
    [['report'], []],
    [['report', '--json'], []],
    [
      ['report', '--html', '-'],
      ['plot', 'linkedom', 'd3'],
    ],
    [['report', '--by', 'account', '--account', '7012345678901'], []],
    [['accounts', 'show', 'Acme Shoes'], []],
    [['export'], []],
    [['export', '--format', 'csv'], ['csvStringify']],
    [['export', '--format', 'xlsx', '--out', 'claims.xlsx'], ['writeExcelFile']],
    [['calendar', '--out', '-'], ['icalGenerator']],
    [['edit', '1', '--promotion-name', 'Autumn sale'], []],
    [['verify', '1'], []],
    [['ticket', '1'], ['handlebars']],
    [['submit', '1', '--ticket', '7301928374'], []],
  ])('%s loads only the libraries it uses: %s', async (args, expected) => {
    const home = tempDir();
    expect((await runCli(claimFlags(), { home })).code).toBe(0);
    expect(loadedLibraries(loadedModules(home, args))).toEqual(expected);
  });

  // The MIME parser only where an email is read; the HTML converter only for an HTML-only email.
  it.each([
    [['log', '1', '--from', 'me', '--message', 'Sent the invoice.'], []],
    [['log', '1', '--message-file', 'ack.eml'], ['postalMime']],
    [
      ['log', '1', '--message-file', 'denial.eml'],
      ['postalMime', 'htmlToText'],
    ],
    [['inbox', 'ack.eml', '--json'], ['postalMime']],
  ])('%s loads only the mail libraries it uses: %s', async (args, expected) => {
    const home = tempDir();
    expect((await runCli(claimFlags(), { home })).code).toBe(0);
    writeFileSync(join(home, 'ack.eml'), ACKNOWLEDGEMENT);
    writeFileSync(join(home, 'denial.eml'), DENIAL);
    const absolute = args.map((arg) => (arg.endsWith('.eml') ? join(home, arg) : arg));
    expect(loadedLibraries(loadedModules(home, absolute))).toEqual(expected);
  });

  it('loads the edit-distance library only to name the accounts a mistyped --account meant', async () => {
    const home = tempDir();
    expect((await runCli(claimFlags(), { home })).code).toBe(0);
    expect(loadedLibraries(loadedModules(home, ['status', '--account', 'Acme Shoes']))).toEqual([]);
    expect(loadedLibraries(loadedModules(home, ['status', '--account', 'Acme Shoez'], 1))).toEqual(['leven']);
  });

  it.runIf(postgresServer() !== '')('status on a team database loads its driver, and no SQLite store', async () => {
    const home = tempDir();
    const url = await freshDatabaseUrl();
    expect((await runCli(claimFlags(), { home, env: { REFUND_CLAIM_DATABASE_URL: url } })).code).toBe(0);
    const modules = loadedModules(home, ['--database', url, 'status']);
    expect(loadedLibraries(modules)).toEqual(['postgres']);
    // Only the row mapping and alias rules both stores share; not the SQLite store, nor better-sqlite3.
    expect(matching(modules, /dist\/store\/sqlite\//).map((url) => url.replace(/^.*\//, ''))).toEqual([
      'rows.js',
      'aliases.js',
    ]);
  });
});
