#!/usr/bin/env node
// Built-ins come from process.getBuiltinModule, not `import`: an ESM import of one makes Node.js
// build its ES facade, which loads every lazy part of it (see scripts/build.js).
const module = process.getBuiltinModule('node:module');

// Node.js 22.1+ keeps the compiled code of the bundle on disk between runs (in its own folder in
// the temporary directory): start-up skips most parsing. Node.js 20 has no such cache.
module.enableCompileCache?.();
// Stack traces name src/ files and lines, through the bundle's source maps; only with --debug,
// as reading the maps costs start-up time.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);

const { main } = await import('../dist/cli/main.js');
await main();
