/**
 * What a command can reach: output streams, the clock, the global options, and the adapters the
 * composition root (`main.ts`) builds on first use. Chalk is loaded only for a terminal.
 */
import type { Adapters, ClaimStore, Clock, EvidenceStore } from '../app/deps.js';
import { join } from 'node:path';
import { toLocalDate } from '../domain/dates.js';
import { UsageError } from '../domain/errors.js';
import { printable } from '../domain/text.js';
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
  /** Who is running the command: recorded on every event (`REFUND_CLAIM_USER`, else the login name). */
  actor: string | null;
  version: string;
  /** The package's built-in `templates/` directory. */
  builtinTemplates: string;
  /** The platform's data directory for refund-claim, when neither flag nor env names one. */
  platformDataDir(): Promise<string>;
  createPrompter(io: Io): Prompter;
  /** The adapters over one data directory; tests swap in their own. */
  createAdapters(settings: AdapterSettings): Adapters;
  /**
   * Standard input, for `--…-file -` and `import -`, as bytes as they arrive: the reader decides
   * how much to take and how to decode it.
   */
  readStdin(): AsyncIterable<Uint8Array>;
  /**
   * Turns Ctrl-C, SIGTERM and SIGHUP into an aborted signal while a command has something to clean
   * up (a half-written bundle). Absent where nothing can interrupt (tests that build their deps).
   */
  watchInterrupts?(): Interrupts;
  /**
   * How the user runs refund-claim, for commands printed as next steps (`refund-claim`,
   * `npx refund-claim`, `npx .`); absent means `refund-claim` (tests that build their deps).
   */
  howToRun?(): Promise<string>;
}

export interface AdapterSettings {
  dataDir: string;
  /** A team database's URL (`--database` > `REFUND_CLAIM_DATABASE_URL`); null: SQLite in the data directory. */
  databaseUrl: string | null;
  clock: Clock;
  actor: string | null;
  /** The package's built-in `templates/` directory. */
  builtinTemplates: string;
  /** This refund-claim's version: the team database records which release migrated it. */
  version: string;
  /** Tells the user something on stderr (a directory made private, …). */
  notice: (text: string) => void;
}

export interface Interrupts {
  signal: AbortSignal;
  /** Gives the signals back to Node's default handling. */
  stop(): void;
}

export interface GlobalOptions {
  dataDir?: string;
  database?: string;
  color: boolean;
  debug: boolean;
}

/**
 * The team database's URL, when one is named: `postgres://` or `postgresql://`. Anything else is a
 * mistake on the command line (exit 2), named without its content, which may hold a password.
 */
export function databaseUrlOf(flag: string | undefined, env: string | undefined): string | null {
  const [url, source] = flag !== undefined ? [flag, '--database'] : [env ?? '', 'REFUND_CLAIM_DATABASE_URL'];
  if (flag === undefined && url.trim() === '') return null;
  if (/^postgres(ql)?:\/\/./i.test(url.trim())) return url.trim();
  throw new UsageError(
    `${source} must be a PostgreSQL URL starting with postgres:// or postgresql://.`,
    'For example postgresql://alice@db.example.com:5432/refund_claims; leave it out to use SQLite in the data directory.',
  );
}

export class CommandContext {
  private globals: GlobalOptions = { color: true, debug: false };
  private resolvedDataDir: string | undefined;
  private databaseUrl: string | null = null;
  private built: Adapters | undefined;
  private colors: Colors = PLAIN;
  /** Set by a command that finished but must report something through its exit code. */
  exitCode = 0;

  constructor(readonly deps: CliDeps) {}

  /** Takes the global options before a command's action runs; loads chalk for a terminal. */
  async configure(globals: GlobalOptions): Promise<void> {
    this.globals = globals;
    const { env } = this.deps.io;
    // `--data-dir` > `REFUND_CLAIM_HOME` > the platform's data directory.
    this.resolvedDataDir = globals.dataDir ?? env.REFUND_CLAIM_HOME ?? (await this.deps.platformDataDir());
    // `--database` > `REFUND_CLAIM_DATABASE_URL` > SQLite in the data directory.
    this.databaseUrl = databaseUrlOf(globals.database, env.REFUND_CLAIM_DATABASE_URL);
    const off = !globals.color || !this.stdoutIsTerminal || (env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb';
    this.colors = off ? PLAIN : new (await import('chalk')).Chalk({ level: 1 });
  }

  /** Where claims are kept, for messages: the SQLite file, or the team database (never its password). */
  get storedIn(): string {
    if (this.databaseUrl === null) return printable(join(this.dataDir, 'claims.db'));
    const url = new URL(this.databaseUrl);
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || decodeURIComponent(url.username);
    return printable(`the team database "${database}" on ${url.hostname || 'localhost'}:${url.port || '5432'}`);
  }

  get debug(): boolean {
    return this.globals.debug;
  }

  get dataDir(): string {
    if (this.resolvedDataDir === undefined) throw new Error('CommandContext used before configure()');
    return this.resolvedDataDir;
  }

  /** The data directory once the options are read; for naming it in error messages. */
  get dataDirIfKnown(): string | undefined {
    return this.resolvedDataDir;
  }

  /** The store, evidence, templates, bundles and writers over the data directory. */
  get adapters(): Adapters {
    this.built ??= this.deps.createAdapters({
      dataDir: this.dataDir,
      databaseUrl: this.databaseUrl,
      clock: this.deps.clock,
      actor: this.deps.actor,
      builtinTemplates: this.deps.builtinTemplates,
      version: this.deps.version,
      notice: (text) => this.err(text),
    });
    return this.built;
  }

  /** What most use cases take: the store, the evidence store and the clock. */
  async useCaseDeps(): Promise<{ store: ClaimStore; evidence: EvidenceStore; clock: Clock }> {
    const [store, evidence] = await Promise.all([this.adapters.store(), this.adapters.evidence()]);
    return { store, evidence, clock: this.deps.clock };
  }

  now(): Date {
    return this.deps.clock.now();
  }

  today(): string {
    return toLocalDate(this.now());
  }

  /** Columns a table may take on the terminal: what it reports, else 80. */
  get terminalWidth(): number {
    const reported = this.deps.io.stdout.columns;
    return reported !== undefined && Number.isFinite(reported) && reported >= 20 ? Math.floor(reported) : 80;
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

  async howToRun(): Promise<string> {
    return (await this.deps.howToRun?.()) ?? 'refund-claim';
  }

  prompter(): Prompter {
    return this.deps.createPrompter(this.deps.io);
  }

  async close(): Promise<void> {
    await this.built?.close();
  }
}
