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
function loadedModules(home: string, args: readonly string[]): string[] {
  const hooks = join(home, 'hooks.mjs');
  const register = join(home, 'register.mjs');
  const list = join(home, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(hooks, HOOKS);
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  writeFileSync(list, '');
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, BIN, ...args], {
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
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(list, 'utf8').trim().split('\n');
}

const matching = (modules: readonly string[], pattern: RegExp): string[] => modules.filter((url) => pattern.test(url));

const HEAVY =
  /node_modules\/(date-fns|@inquirer|handlebars|archiver|file-type|chalk)\/|dist\/(render|bundle|evidence)\//;

describe('start-up loading', () => {
  it('--help loads no command, no store and no dependency through import', () => {
    const modules = loadedModules(tempDir(), ['--help']);
    expect(matching(modules, /dist\/cli\/main\.js$/)).not.toEqual([]);
    expect(matching(modules, /dist\/(cli\/commands|store|app)\//)).toEqual([]);
    // commander is required, not imported (src/cli/commander.ts).
    expect(matching(modules, /node_modules\//)).toEqual([]);
  });

  it.each([['status'], ['status', '--json'], ['list'], ['show', '1']])(
    '%s loads its own command and nothing heavy',
    async (...args) => {
      const home = tempDir();
      expect((await runCli(claimFlags(), { home })).code).toBe(0);
      const modules = loadedModules(home, args);
      expect(matching(modules, HEAVY)).toEqual([]);
      expect(matching(modules, /dist\/cli\/commands\//).map((url) => url.replace(/^.*\//, ''))).toEqual([
        `${args[0]}.js`,
      ]);
    },
  );

  // Each library only where its command needs it; `date-fns` one function at a time, never whole.
  const LIBRARIES = {
    archiver: /node_modules\/archiver\//,
    handlebars: /node_modules\/handlebars\//,
    icalGenerator: /node_modules\/ical-generator\//,
    csvStringify: /node_modules\/csv-stringify\//,
    fileType: /node_modules\/file-type\//,
    inquirer: /node_modules\/@inquirer\//,
    dateFnsRoot: /node_modules\/date-fns\/index\.js$/,
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
    [['export'], []],
    [['export', '--format', 'csv'], ['csvStringify']],
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

  it.runIf(postgresServer() !== '')('status on a team database loads its driver, and no SQLite store', async () => {
    const home = tempDir();
    const url = await freshDatabaseUrl();
    expect((await runCli(claimFlags(), { home, env: { REFUND_CLAIM_DATABASE_URL: url } })).code).toBe(0);
    const modules = loadedModules(home, ['--database', url, 'status']);
    expect(loadedLibraries(modules)).toEqual(['postgres']);
    // Only the row mapping both stores share; not the SQLite store, nor better-sqlite3.
    expect(matching(modules, /dist\/store\/sqlite\//).map((url) => url.replace(/^.*\//, ''))).toEqual(['rows.js']);
  });
});
