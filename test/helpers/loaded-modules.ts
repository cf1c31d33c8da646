/**
 * What a run of the built binary loads. The build bundles src/ and its dependencies into chunks
 * (scripts/build.js), so the files Node.js loads are chunks; the build's metafile says which
 * source files and package modules each chunk holds. A run "loads" a module when it loads the
 * chunk that holds it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { BIN, dataDirOf, NOW } from './cli.js';

const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.LOADED_MODULES, url + '\\n');
  return next(url, context);
}
`;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

/** Which source files each built chunk holds, by the chunk's path from the package root. */
export function chunkInputs(): Metafile['outputs'] {
  return (JSON.parse(readFileSync(join(ROOT, '.build', 'metafile.json'), 'utf8')) as Metafile).outputs;
}

/**
 * The files loaded through the ESM loader, with each chunk of dist/ replaced by the source files
 * and package modules it holds (`src/cli/main.ts`, `node_modules/commander/lib/command.js`).
 */
export function sourcesOf(urls: readonly string[]): string[] {
  const outputs = chunkInputs();
  return urls.flatMap((url) => {
    if (!url.startsWith('file:')) return [url];
    const path = relative(ROOT, fileURLToPath(url)).split(sep).join('/');
    if (!path.startsWith('dist/')) return [path];
    const output = outputs[path];
    // A chunk the metafile does not know: dist/ and the metafile come from different builds.
    if (!output) throw new Error(`${path} is not in .build/metafile.json: run \`npm run build\``);
    return Object.keys(output.inputs);
  });
}

/** The chunks of dist/ a run loaded. */
export const chunksOf = (urls: readonly string[]): string[] => urls.filter((url) => url.includes('/dist/'));

/** The modules a run of the built binary loads through the ESM loader, as paths (see sourcesOf). */
export function loadedModules(home: string, args: readonly string[], exitCode = 0): string[] {
  return sourcesOf(loadedUrls(home, args, exitCode));
}

/** The URLs a run of the built binary loads through the ESM loader. */
export function loadedUrls(home: string, args: readonly string[], exitCode = 0): string[] {
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
