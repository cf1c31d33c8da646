/**
 * What a command can reach: output streams, the clock, and the data directory's stores. Modules
 * are loaded when a command first needs them, so that `--help` loads no store, and `status`
 * loads no evidence store, template engine or prompts — nor chalk when its output goes to a pipe.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { BundleWriter, ClaimStore, Clock, EvidenceStore, Templates } from '../app/deps.js';
import { toLocalDate } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import type { openStore } from '../store/open-store.js';
import type { Prompter } from './wizard/prompter.js';

/**
 * The styles the output uses. A chalk instance is one; `PLAIN` is the one for pipes, files,
 * `--no-color`, `NO_COLOR` and `TERM=dumb`, so that cron's `status` never loads chalk.
 */
export interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

const same = (text: string): string => text;

export const PLAIN: Colors = { bold: same, dim: same, red: same, yellow: same };

export interface OutputStream {
  write(text: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & OutputStream;
  stderr: NodeJS.WritableStream & OutputStream;
  env: Readonly<Record<string, string | undefined>>;
}

/** The outside world, built for real in `main.ts` and replaced piecemeal in tests. */
export interface CliDeps {
  io: Io;
  clock: Clock;
  version: string;
  /** The package's built-in `templates/` directory. */
  builtinTemplates: string;
  /** The platform's data directory for refund-claim, when neither flag nor env names one. */
  platformDataDir(): Promise<string>;
  createPrompter(io: Io): Prompter;
  /** All of standard input, for `--…-file -`. */
  readStdin(): string;
  /**
   * Turns Ctrl-C, SIGTERM and SIGHUP into an aborted signal while a command has something to clean
   * up (a half-written bundle). Absent where nothing can interrupt (tests that build their deps).
   */
  watchInterrupts?(): Interrupts;
}

export interface Interrupts {
  signal: AbortSignal;
  /** Gives the signals back to Node's default handling. */
  stop(): void;
}

export interface GlobalOptions {
  dataDir?: string;
  color: boolean;
  debug: boolean;
}

export class CommandContext {
  private globals: GlobalOptions = { color: true, debug: false };
  private resolvedDataDir: string | undefined;
  private open: typeof openStore | undefined;
  private openedStore: ClaimStore | undefined;
  private openedTemplates: Promise<Templates> | undefined;
  private colors: Colors = PLAIN;
  /** Set by a command that finished but must report something through its exit code. */
  exitCode = 0;

  constructor(readonly deps: CliDeps) {}

  /**
   * Takes the global options before a command's action runs, and loads what every action needs:
   * the store's code (opening the database waits for `store()`) and, for a terminal, chalk.
   */
  async configure(globals: GlobalOptions): Promise<void> {
    this.globals = globals;
    const { env } = this.deps.io;
    // `--data-dir` > `REFUND_CLAIM_HOME` > the platform's data directory.
    this.resolvedDataDir = globals.dataDir ?? env.REFUND_CLAIM_HOME ?? (await this.deps.platformDataDir());
    const off = !globals.color || !this.stdoutIsTerminal || (env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb';
    const [store, chalk] = await Promise.all([import('../store/open-store.js'), off ? undefined : import('chalk')]);
    this.open = store.openStore;
    this.colors = chalk ? new chalk.Chalk({ level: 1 }) : PLAIN;
  }

  get debug(): boolean {
    return this.globals.debug;
  }

  get dataDir(): string {
    if (this.resolvedDataDir === undefined) throw new Error('CommandContext used before configure()');
    return this.resolvedDataDir;
  }

  now(): Date {
    return this.deps.clock.now();
  }

  today(): string {
    return toLocalDate(this.now());
  }

  get stdoutIsTerminal(): boolean {
    return this.deps.io.stdout.isTTY === true;
  }

  /** Prompts only when a person is there: both ends are terminals and `--no-input` is absent. */
  canPrompt(input: boolean): boolean {
    return input && this.deps.io.stdin.isTTY === true && this.stdoutIsTerminal;
  }

  /** Colour only on a terminal, and never with `--no-color`, `NO_COLOR` or `TERM=dumb`. */
  get color(): Colors {
    return this.colors;
  }

  /** Data: one line (or block) on stdout. */
  out(text: string): void {
    this.deps.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Everything that is not data: progress, next steps, warnings. */
  err(text: string): void {
    this.deps.io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  store(): ClaimStore {
    if (!this.openedStore) {
      if (!this.open) throw new Error('CommandContext used before configure()');
      makeDirectory(this.dataDir, 'the data directory');
      this.openedStore = this.open(join(this.dataDir, 'claims.db'));
    }
    return this.openedStore;
  }

  /** The store when the data directory already has one; null rather than creating it. */
  existingStore(): ClaimStore | null {
    return this.openedStore ?? (existsSync(join(this.dataDir, 'claims.db')) ? this.store() : null);
  }

  /** What most use cases take: the store, the evidence store and the clock. */
  async useCaseDeps(): Promise<{ store: ClaimStore; evidence: EvidenceStore; clock: Clock }> {
    return { store: this.store(), evidence: await this.evidenceStore(), clock: this.deps.clock };
  }

  /**
   * The data directory's evidence store, or one over another folder (`--with-evidence`). Loaded
   * on first use: hashing and type detection are for the commands that take files.
   */
  async evidenceStore(dir = join(this.dataDir, 'evidence')): Promise<EvidenceStore> {
    const { FileEvidenceStore } = await import('../evidence/evidence-store.js');
    return new FileEvidenceStore(dir, this.deps.clock);
  }

  templates(): Promise<Templates> {
    this.openedTemplates ??= import('../render/templates.js').then(({ loadTemplates }) =>
      loadTemplates({
        builtin: this.deps.builtinTemplates,
        user: join(this.dataDir, 'templates'),
        makeUserDir: (dir) => makeDirectory(dir, 'the template directory'),
      }),
    );
    return this.openedTemplates;
  }

  /** Loaded on first use, so commands that never zip do not load the zip code. */
  async bundles(): Promise<BundleWriter> {
    return (await import('../bundle/zip-bundles.js')).zipBundles;
  }

  prompter(): Prompter {
    return this.deps.createPrompter(this.deps.io);
  }

  close(): void {
    this.openedStore?.close();
  }
}

/**
 * Creates `dir` and its missing parents, each private to the user (0700), or says in one line why
 * it cannot. Not `mkdirSync(dir, { recursive: true })`: Node's loops forever on a path it cannot
 * create inside a directory that exists (`/proc/nope`: ENOENT, then EEXIST for `/proc`, again and
 * again). This walks up to the first existing ancestor and creates the rest one level at a time.
 */
function makeDirectory(dir: string, role: string): void {
  try {
    const missing: string[] = [];
    let current = resolve(dir);
    let stats = statSync(current, { throwIfNoEntry: false });
    while (!stats) {
      missing.unshift(current);
      current = dirname(current);
      stats = statSync(current, { throwIfNoEntry: false });
    }
    if (!stats.isDirectory()) {
      throw Object.assign(new Error(`${current} is not a directory`), { code: 'ENOTDIR' });
    }
    for (const path of missing) {
      try {
        mkdirSync(path, { mode: 0o700 });
      } catch (error) {
        // Another refund-claim process may have just made it.
        const made = statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !made) throw error;
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'a file is in the way'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : (error as Error).message;
    throw new UserError(
      `Cannot use ${dir} as ${role}: ${why}.`,
      'Point --data-dir or REFUND_CLAIM_HOME at a directory you can write to.',
    );
  }
}
