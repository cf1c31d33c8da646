/**
 * How the user can run refund-claim again, so that the next steps we print run as typed:
 * `refund-claim …` when that name is on their PATH, else the way they started this run
 * (`npx refund-claim …` from the registry, `npx . …` in a clone, `node bin/refund-claim.js …`).
 */
import { accessSync, constants, existsSync, readFileSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join, relative, sep } from 'node:path';

export interface Invocation {
  /** `refund-claim` is an executable in a PATH directory that npm did not add for this run. */
  onPath: boolean;
  /** npm sets these for `npx` and `npm exec`/`npm run`: the run will not be on PATH afterwards. */
  npmLifecycleEvent: string | undefined;
  npmExecpath: string | undefined;
  /** process.argv[1], resolved: the script this process runs. */
  script: string;
  cwd: string;
  /** The folder of the refund-claim package that holds `script`, or null when not found. */
  packageRoot: string | null;
}

/** The command prefix to print: `refund-claim`, `npx refund-claim`, `npx .`, `node bin/refund-claim.js`. */
export function commandToRun(run: Invocation): string {
  if (run.onPath) return 'refund-claim';
  const viaNpm = run.npmLifecycleEvent !== undefined || run.npmExecpath !== undefined;
  const installed = run.packageRoot !== null && run.packageRoot.split(/[\\/]/).includes('node_modules');
  if (viaNpm) {
    if (run.packageRoot === null || installed) return 'npx refund-claim';
    // A clone: `npx .` there, or `npx <its path>` from elsewhere.
    // `./` keeps npx from reading `src/refund-claim` as a GitHub repository.
    const path = shortPath(run.cwd, run.packageRoot);
    return `npx ${quote(path === '.' || path.startsWith('/') ? path : `./${path}`)}`;
  }
  return `node ${quote(shortPath(run.cwd, run.script))}`;
}

/** Relative when it stays inside `cwd`, else absolute. */
function shortPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || rel.includes(':') ? path : rel;
}

function quote(path: string): string {
  return /^[\w./\\:-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}

/** This process's invocation, from its environment and the file system. */
export function currentInvocation(env: NodeJS.ProcessEnv, argv1: string | undefined, cwd: string): Invocation {
  const script = argv1 ? resolveReal(argv1) : '';
  return {
    onPath: isOnPath(env.PATH ?? '', env.PATHEXT),
    npmLifecycleEvent: env.npm_lifecycle_event || undefined,
    npmExecpath: env.npm_execpath || undefined,
    script,
    cwd,
    packageRoot: script ? packageRootOf(script) : null,
  };
}

/** Whether `refund-claim` runs from the user's own PATH; folders npm added for this run do not count. */
export function isOnPath(path: string, pathext: string | undefined): boolean {
  const names = [
    'refund-claim',
    ...(pathext ?? '')
      .split(';')
      .filter(Boolean)
      .map((ext) => `refund-claim${ext.toLowerCase()}`),
  ];
  return path
    .split(delimiter)
    .filter((dir) => dir !== '' && !dir.endsWith(`node_modules${sep}.bin`) && !dir.includes(`${sep}_npx${sep}`))
    .some((dir) =>
      names.some((name) => {
        try {
          accessSync(join(dir, name), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      }),
    );
}

function resolveReal(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The nearest folder above `script` whose package.json names refund-claim. */
function packageRootOf(script: string): string | null {
  let dir = dirname(script);
  for (let depth = 0; depth < 4; depth++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'refund-claim') return dir;
      } catch {
        return null;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/** The command prefix for this process (what `main` asks for when printing next steps). */
export function howToRun(env: NodeJS.ProcessEnv, argv1: string | undefined, cwd: string): string {
  // A script we cannot find (an in-process run) is told apart from a real one: the plain name.
  if (argv1 === undefined || !existsSync(argv1)) return 'refund-claim';
  return commandToRun(currentInvocation(env, argv1, cwd));
}
