/**
 * `npm run build`: bundles src/ and its dependencies into dist/ with Rollup, split into chunks.
 *
 * Why a bundle rather than tsc's one file per module: start-up is mostly module loading. Compiled
 * by tsc, `status` loaded ~60 files and resolved commander's through node_modules; bundled,
 * `--help` loads one file (dist/cli/main.js, commander inside) and `status` that and the chunks
 * of its own. Every `import()` stays a chunk boundary: the wizard (inquirer), the zip writer
 * (archiver), the template engine (handlebars) and every other dynamically imported part land in
 * chunks that only the commands needing them load.
 *
 * Why Rollup and not esbuild alone: esbuild puts every module that the start path shares with a
 * lazy part into a chunk of its own, so `--help` loaded eight files and `status` twenty; Rollup
 * knows that what the start chunk holds is already loaded when a lazy chunk runs, and keeps it
 * there (measured here: ~4 ms less CPU for `status`). esbuild still strips the types, file by
 * file (type checking is `npm run typecheck`). Gathering the small modules the commands share
 * into one chunk (`manualChunks`) was tried and measured slower: `status` then parses code it
 * never runs.
 *
 * - dist/cli/main.js is the entry bin/refund-claim.js imports; chunks are in dist/chunks/. Both sit
 *   two folders below the package root, so `new URL('../../package.json', import.meta.url)` finds
 *   the root from either (main.ts reads the version and the built-in templates that way).
 * - better-sqlite3 stays external: a native addon, loaded with `require` from node_modules.
 * - Source maps without the sources: with `--debug`, stack traces name src/ files and lines.
 * - .build/metafile.json (outside the package) lists the modules each chunk holds:
 *   test/slow/lazy-loading.test.ts reads it to tell what a command loaded.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, isBuiltin } from 'node:module';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';
import { rollup } from 'rollup';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = `${root}src${sep}`;

/** TypeScript to JavaScript with esbuild, one file at a time, with a source map. */
const typescript = {
  name: 'typescript',
  resolveId(source, importer) {
    // src/ names its own modules by their built name: `./claim.js` for claim.ts.
    if (importer?.endsWith('.ts') && source.startsWith('.') && source.endsWith('.js')) {
      return this.resolve(source.replace(/\.js$/, '.ts'), importer, { skipSelf: true });
    }
    return null;
  },
  async transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    const result = await transform(code, {
      loader: 'ts',
      format: 'esm',
      target: 'node20',
      sourcemap: true,
      sourcefile: id,
    });
    return { code: result.code, map: result.map };
  },
};

const builtins = new Set(builtinModules);
const external = new Set(['better-sqlite3', ...builtins]);

/**
 * A chunk's imports of built-in modules become `process.getBuiltinModule` calls. An ESM import of
 * a built-in makes Node.js build the module's ES facade, which reads every export, the lazy ones
 * too: `fs` then loads fs/promises (and with it readline), its streams, watchers and `Dir`;
 * `process` loads the diagnostic report. Measured on Node.js 24, eight built-ins imported as ESM
 * cost ~7 ms more than the same got as CommonJS — a sixth of `--help`. Each import is replaced
 * where it stands, on as many lines, so the source maps stay true. `getBuiltinModule` is in every supported Node.js
 * (20.16 and later).
 */
const builtinsWithoutFacade = {
  name: 'builtins-without-facade',
  renderChunk(code) {
    const edits = [];
    const builtin = (node) => typeof node.source?.value === 'string' && isBuiltin(node.source.value);
    for (const node of this.parse(code).body) {
      // Dynamic import()s of built-ins stay: they load on use, off the start path.
      if (node.type !== 'ImportDeclaration' && builtin(node)) {
        this.error(`${node.type} of a built-in module is not rewritten: import it, then export it`);
      }
      if (node.type !== 'ImportDeclaration' || !builtin(node)) continue;
      const module = `globalThis.process.getBuiltinModule(${JSON.stringify(node.source.value)})`;
      let base = module;
      const names = [];
      const declarations = [];
      for (const specifier of node.specifiers) {
        if (specifier.type === 'ImportSpecifier') {
          const imported = specifier.imported.name ?? specifier.imported.value;
          names.push(imported === specifier.local.name ? imported : `${imported}: ${specifier.local.name}`);
        } else {
          // The default export and the namespace are both the module object.
          declarations.push(`const ${specifier.local.name} = ${module};`);
          base = specifier.local.name;
        }
      }
      if (names.length > 0) declarations.push(`const { ${names.join(', ')} } = ${base};`);
      // As many lines as the import took (Rollup writes one), so later lines keep their numbers.
      const lines = '\n'.repeat(code.slice(node.start, node.end).split('\n').length - 1);
      edits.push({ start: node.start, end: node.end, text: (declarations.join(' ') || `${module};`) + lines });
    }
    if (edits.length === 0) return null;
    let result = code;
    for (const { start, end, text } of edits.reverse()) result = result.slice(0, start) + text + result.slice(end);
    // Only the import lines changed, and no line moved: the chunk's source map still holds.
    return { code: result, map: null };
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const bundle = await rollup({
  input: { 'cli/main': 'src/cli/main.ts' },
  external: (id) => id.startsWith('node:') || external.has(id),
  plugins: [
    typescript,
    nodeResolve({ exportConditions: ['node'], preferBuiltins: true }),
    json(),
    // A `require` of a built-in inside try/catch (inherits, iconv-lite) becomes an import too;
    // left as is, it would throw in ESM and quietly take a fallback. One of a package stays as
    // it is: such a package is optional (pg-native for pg), and a missing one must take the
    // fallback rather than fail the chunk's loading.
    commonjs({ ignoreTryCatch: (id) => !external.has(id.replace(/^node:/, '')) }),
    builtinsWithoutFacade,
  ],
  // The entry chunk may export what lazy chunks need from it, rather than re-export it from a
  // second file: `--help` then loads one file.
  preserveEntrySignatures: 'allow-extension',
  // src/ modules only declare things: one whose exports go unused can be left out.
  treeshake: { moduleSideEffects: (id, isExternal) => isExternal || !id.startsWith(src) },
  onwarn(warning, warn) {
    // Packages that import each other in a cycle (readable-stream, archiver's stack) work as
    // they do unbundled; unused imports of built-ins are theirs, not ours.
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'UNUSED_EXTERNAL_IMPORT') return;
    warn(warning);
  },
});
const { output } = await bundle.write({
  dir: 'dist',
  format: 'es',
  entryFileNames: '[name].js',
  chunkFileNames: 'chunks/[name]-[hash].js',
  sourcemap: true,
  sourcemapExcludeSources: true,
});
await bundle.close();

/** A module id as a path from the package root: `src/cli/main.ts`, `node_modules/commander/index.js`. */
const modulePath = (id) => {
  const path = id.replace(/^\0/, '').replace(/\?.*$/, '');
  return path.startsWith(root) ? relative(root, path).split(sep).join('/') : path;
};
const outputs = {};
for (const chunk of output) {
  if (chunk.type !== 'chunk') continue;
  const inputs = Object.fromEntries(Object.keys(chunk.modules).map((id) => [modulePath(id), {}]));
  outputs[`dist/${chunk.fileName}`] = { bytes: chunk.code.length, inputs, imports: chunk.imports };
}
mkdirSync(new URL('../.build', import.meta.url), { recursive: true });
writeFileSync(new URL('../.build/metafile.json', import.meta.url), JSON.stringify({ outputs }));
