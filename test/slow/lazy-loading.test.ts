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
import { claimFlags } from '../helpers/cli.js';
import { chunkInputs, chunksOf, loadedModules, loadedUrls, sourcesOf } from '../helpers/loaded-modules.js';
import { runCli } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

const matching = (modules: readonly string[], pattern: RegExp): string[] => modules.filter((url) => pattern.test(url));

const HEAVY =
  /node_modules\/(date-fns|@inquirer|handlebars|archiver|file-type|chalk)\/|src\/(render|bundle|evidence)\//;

/** A command's own module, by its file name: `status.ts`. */
const commandsIn = (modules: readonly string[]): string[] =>
  matching(modules, /src\/cli\/commands\//).map((path) => path.replace(/^.*\//, ''));

describe('the build', () => {
  it('maps every chunk to the source files it holds', () => {
    const outputs = chunkInputs();
    expect(Object.keys(outputs['dist/cli/main.js']?.inputs ?? {})).toContain('src/cli/main.ts');
    // Each lazily loaded library sits in chunks of its own, apart from the start chunk.
    const start = Object.keys(outputs['dist/cli/main.js']?.inputs ?? {});
    expect(matching(start, /node_modules\/(?!commander\/)/)).toEqual([]);
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

  it.each([['status'], ['status', '--json'], ['list'], ['show', '1']])(
    '%s loads its own command and nothing heavy',
    async (...args) => {
      const home = tempDir();
      expect((await runCli(claimFlags(), { home })).code).toBe(0);
      const modules = loadedModules(home, args);
      expect(matching(modules, HEAVY)).toEqual([]);
      expect(commandsIn(modules)).toEqual([`${args[0]}.ts`]);
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
});
