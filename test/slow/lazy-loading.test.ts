/**
 * What each command loads. Start-up time is measured by `npm run bench`; this holds the reasons
 * for it in place: `--help` loads no command, and the read commands load no date library, no
 * template engine, no prompts, no zip writer, no type detection, and no chalk when piped.
 *
 * The build bundles src/ and its dependencies into chunks (scripts/build.js): a command "loads" a
 * module when it loads the chunk that holds it (test/helpers/loaded-modules.ts).
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/program.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimFlags } from '../helpers/cli.js';
import { ACKNOWLEDGEMENT, DENIAL } from '../helpers/emails.js';
import { chunkInputs, chunksOf, loadedModules, loadedUrls, sourcesOf } from '../helpers/loaded-modules.js';
import { runCli } from '../helpers/in-process.js';
import { freshDatabaseUrl, postgresServer } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp.js';

const matching = (modules: readonly string[], pattern: RegExp): string[] => modules.filter((url) => pattern.test(url));

// string-width too: measuring text in terminal columns is for tables on a terminal, never a pipe.
const HEAVY =
  /node_modules\/(date-fns|@inquirer|handlebars|archiver|file-type|chalk|string-width|@observablehq|linkedom|d3)\/|src\/(render|bundle|evidence)\//;

/** A command's own module, by its file name: `status.ts`. */
const commandsIn = (modules: readonly string[]): string[] =>
  matching(modules, /src\/cli\/(commands\/|how-to-run)/).map((path) => path.replace(/^.*\//, ''));

describe('the build', () => {
  it('maps every chunk to the source files it holds', () => {
    const outputs = chunkInputs();
    expect(Object.keys(outputs['dist/cli/main.js']?.inputs ?? {})).toContain('src/cli/main.ts');
    // Each lazily loaded library sits in chunks of its own, apart from the start chunk.
    const start = Object.keys(outputs['dist/cli/main.js']?.inputs ?? {});
    expect(matching(start, /node_modules\/(?!commander\/)/)).toEqual([]);
  });

  it("imports no Node.js built-in statically: each comes from process.getBuiltinModule (an ES import builds the module's facade, loading its lazy parts)", () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const statements = /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;
    const found = Object.keys(chunkInputs()).flatMap((chunk) =>
      [...readFileSync(join(root, chunk), 'utf8').matchAll(statements)]
        .map((match) => match[1] ?? match[2] ?? '')
        .filter((specifier) => isBuiltin(specifier))
        .map((specifier) => `${chunk}: ${specifier}`),
    );
    expect(found).toEqual([]);
    expect(readFileSync(join(root, 'dist/cli/main.js'), 'utf8')).toContain('getBuiltinModule("node:fs")');
  });
});

describe('start-up loading', () => {
  it('--help loads the start chunk alone: no command, no store, no dependency but commander', () => {
    const urls = loadedUrls(tempDir(), ['--help']);
    expect(chunksOf(urls).map((url) => url.replace(/^.*\/dist\//, ''))).toEqual(['cli/main.js']);
    const modules = sourcesOf(urls);
    expect(matching(modules, /src\/cli\/main\.ts$/)).not.toEqual([]);
    expect(matching(modules, /src\/(cli\/commands|store|app)\//)).toEqual([]);
    expect(matching(modules, /node_modules\/(?!commander\/)/)).toEqual([]);
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
    expect(commandsIn(modules)).toEqual([`${args[0]}.ts`]);
  });

  it('new --no-input works out how the user runs refund-claim (for its next steps), without prompts', () => {
    const modules = loadedModules(tempDir(), claimFlags());
    expect(matching(modules, /src\/cli\/how-to-run\.ts$/)).not.toEqual([]);
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
    postgres: /node_modules\/postgres\/|src\/store\/postgres\//,
  };
  const loadedLibraries = (modules: readonly string[]): string[] =>
    Object.entries(LIBRARIES)
      .filter(([, pattern]) => modules.some((url) => pattern.test(url)))
      .map(([name]) => name);

  it.each(COMMANDS.map((entry) => entry.name))('%s --help loads that command alone and no heavy library', (name) => {
    const modules = loadedModules(tempDir(), [name, '--help']);
    expect(loadedLibraries(modules)).toEqual([]);
    expect(commandsIn(modules)).toEqual([`${name}.ts`]);
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
    expect(
      matching(modules, /src\/store\/sqlite\//)
        .map((url) => url.replace(/^.*\//, ''))
        .sort(),
    ).toEqual(['aliases.ts', 'rows.ts']);
  });
});
