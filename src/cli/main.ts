/**
 * The composition root: builds the real dependencies, runs the command line, and turns errors
 * into one or two lines on stderr and an exit code. The only place that touches `process`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Adapters, ClaimStore } from '../app/deps.js';
import { CommanderError } from './commander.js';
import { UserError } from '../domain/errors.js';
import { printable } from '../domain/text.js';
import { CommandContext } from './context.js';
import type { AdapterSettings, CliDeps, Io } from './context.js';
import { makeDirectory, prepareDataDir } from './data-dir.js';
import { environmentError } from './environment-errors.js';
import type { RunningProcesses } from '../fs/atomic-file.js';
import { errnoCode } from '../fs/errno.js';
import { buildProgram } from './program.js';
import type { Prompter } from './wizard/prompter.js';

/** Exit code for a bug: EX_SOFTWARE from sysexits.h. */
export const EXIT_BUG = 70;

function realDeps(io: Io): CliDeps {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return {
    io,
    // REFUND_CLAIM_NOW pins "now" for reproducible runs (tests, demos); it is documented.
    clock: { now: () => (io.env.REFUND_CLAIM_NOW ? new Date(io.env.REFUND_CLAIM_NOW) : new Date()) },
    actor: actorOf(io.env),
    version,
    builtinTemplates: fileURLToPath(new URL('../../templates', import.meta.url)),
    // No suffix: `~/.local/share/refund-claim` (or under XDG_DATA_HOME), as SPEC says.
    // Loaded only when neither --data-dir nor REFUND_CLAIM_HOME says where the data is.
    platformDataDir: async () => (await import('env-paths')).default('refund-claim', { suffix: '' }).data,
    createPrompter: (streams) =>
      lazyPrompter(async () =>
        (await import('./wizard/prompter.js')).createInquirerPrompter(
          { input: streams.stdin, output: streams.stderr },
          { editor: io.env.VISUAL || io.env.EDITOR || undefined },
        ),
      ),
    createAdapters,
    // A stream, not readFileSync(0): that throws EAGAIN on a pipe whose writer is still busy.
    readStdin: () => bytesOf(io.stdin),
    watchInterrupts: () => {
      const controller = new AbortController();
      const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
      const onSignal = (name: NodeJS.Signals): void => controller.abort(name);
      // `once`: a second Ctrl-C while cleaning up ends the process the usual way.
      for (const name of signals) process.once(name, onSignal);
      return {
        signal: controller.signal,
        stop: () => {
          for (const name of signals) process.off(name, onSignal);
        },
      };
    },
  };
}

/** Who records events: `REFUND_CLAIM_USER`, else the login name (null when neither is known). */
function actorOf(env: Io['env']): string | null {
  const named = env.REFUND_CLAIM_USER?.trim();
  if (named) return named;
  try {
    return userInfo().username || null;
  } catch {
    // No passwd entry for the uid (some containers): nobody to name.
    return env.USER ?? env.USERNAME ?? null;
  }
}

/**
 * The real adapters over one data directory. Each module is imported on first use, so `--help`
 * loads none of them and `status` only the store: no evidence store, template engine or zip code.
 */
export function createAdapters(settings: AdapterSettings): Adapters {
  const { dataDir, builtinTemplates, notice, actor, databaseUrl } = settings;
  const database = join(dataDir, 'claims.db');
  let opened: ClaimStore | undefined;
  let team: ReturnType<typeof openTeamDatabase> | undefined;
  let templates: ReturnType<Adapters['templates']> | undefined;
  const fileEvidence = async (dir: string) =>
    new (await import('../evidence/evidence-store.js')).FileEvidenceStore(dir, runningProcesses);
  // The team database holds claims and evidence together; the driver loads only for it.
  const teamDatabase = (url: string) => (team ??= openTeamDatabase(url, actor, settings.version));
  const adapters: Adapters = {
    async store() {
      if (databaseUrl !== null) return (opened ??= (await teamDatabase(databaseUrl)).claims);
      if (!opened) {
        const { openStore } = await import('../store/sqlite/open-store.js');
        prepareDataDir(dataDir, notice);
        opened = openStore(database, { actor });
      }
      return opened;
    },
    async existingStore() {
      if (databaseUrl !== null) return adapters.store();
      return opened ?? (existsSync(database) ? adapters.store() : null);
    },
    evidence: async () =>
      databaseUrl !== null
        ? new (await import('../evidence/content-evidence-store.js')).ContentEvidenceStore(
            (await teamDatabase(databaseUrl)).content,
          )
        : fileEvidence(join(dataDir, 'evidence')),
    evidenceFolder: fileEvidence,
    templates() {
      templates ??= import('../render/templates.js').then(({ loadTemplates }) =>
        loadTemplates({
          builtin: builtinTemplates,
          user: join(dataDir, 'templates'),
          makeUserDir: (dir) => makeDirectory(dir, 'the template directory'),
        }),
      );
      return templates;
    },
    bundles: async () => (await import('../bundle/zip-bundles.js')).zipBundles,
    csv: async () => (await import('../render/csv.js')).loadCsvWriter(),
    xlsx: async () => (await import('../render/xlsx.js')).loadXlsxWriter(),
    calendar: async () => (await import('../render/calendar.js')).loadCalendarWriter(),
    async mail() {
      // The parser reads the types of attachments with the evidence store's detector.
      const [{ createMailReader }, { detectContentType }] = await Promise.all([
        import('../mail/read-email.js'),
        import('../evidence/detect-type.js'),
      ]);
      return createMailReader(detectContentType);
    },
    reportPage: async () => (await import('../render/report-page/render-page.js')).reportPageRenderer,
    async close() {
      if (opened) await opened.close();
      // Evidence alone (no store asked for) still holds the team database's connections.
      else if (team) await (await team.catch(() => null))?.claims.close();
    },
  };
  return adapters;
}

async function openTeamDatabase(url: string, actor: string | null, release: string) {
  const { openPostgresStore } = await import('../store/postgres/open-store.js');
  return openPostgresStore(url, { actor, release });
}

/** Standard input's chunks as bytes; text chunks (a stream with an encoding set) as UTF-8. */
async function* bytesOf(stream: AsyncIterable<unknown>): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) {
    yield chunk instanceof Uint8Array ? chunk : Buffer.from(String(chunk), 'utf8');
  }
}

/**
 * Whether the process that wrote a temporary file still runs: EPERM means it does, as another
 * user; only ESRCH means it is gone.
 */
const runningProcesses: RunningProcesses = {
  pid: process.pid,
  isRunning(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return errnoCode(error) !== 'ESRCH';
    }
  },
};

/** The prompter, loaded at the first question: only the wizard asks any. */
function lazyPrompter(load: () => Promise<Prompter>): Prompter {
  let loaded: Promise<Prompter> | undefined;
  const prompter = (): Promise<Prompter> => (loaded ??= load());
  return {
    async input(question) {
      return (await prompter()).input(question);
    },
    async text(question) {
      return (await prompter()).text(question);
    },
    async select(question) {
      return (await prompter()).select(question);
    },
    async confirm(question) {
      return (await prompter()).confirm(question);
    },
  };
}

/**
 * Runs the command line. Without `overrides` it is the process's own run: it sets the exit code,
 * ends quietly on a closed pipe and watches for Ctrl-C. With them (tests), it runs in-process on
 * the real dependencies with the given ones replaced, and leaves the process alone.
 */
export async function main(argv: readonly string[] = process.argv, overrides?: Partial<CliDeps>): Promise<number> {
  const own = overrides === undefined;
  const io: Io = {
    // Only on first use: opening standard input on a file or /dev/null (cron, CI) loads Node.js's
    // file streams, fs/promises and readline — a few milliseconds that `--help` and `status` never need.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  };
  const deps = realDeps(overrides?.io ?? io);
  // Only the process's own run knows how it was started (npx, a clone, PATH).
  const howToRun = own
    ? async () => (await import('./how-to-run.js')).howToRun(io.env, argv[1], process.cwd())
    : undefined;
  const context = new CommandContext(
    own ? { ...deps, howToRun } : { ...deps, watchInterrupts: undefined, ...overrides },
  );
  if (own) {
    process.stdout.on('error', endQuietlyOnClosedPipe);
    process.stderr.on('error', endQuietlyOnClosedPipe);
  }
  const debug = argv.includes('--debug');
  let code: number;
  try {
    await buildProgram(context).parseAsync(argv);
    code = context.exitCode;
  } catch (error) {
    code = report(error, context, debug, await databaseSecrets(argv, deps.io.env));
  } finally {
    await context.close();
  }
  if (own) process.exitCode = code;
  return code;
}

/**
 * `refund-claim status | head -1`: the reader closed the pipe once it had what it wanted. That is
 * not a failure, and the rest of the output has nowhere to go: the write is dropped and the
 * command ends as it would have. Any other write error is still a crash.
 */
function endQuietlyOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}

/**
 * Every form of the team database's password, from `--database` and `REFUND_CLAIM_DATABASE_URL`:
 * no error, not even a `--debug` stack trace, prints it. The URL parser loads only when one is given.
 */
async function databaseSecrets(argv: readonly string[], env: Io['env']): Promise<string[]> {
  const urls = [env.REFUND_CLAIM_DATABASE_URL];
  argv.forEach((arg, index) => {
    if (arg === '--database') urls.push(argv[index + 1]);
    else if (arg.startsWith('--database=')) urls.push(arg.slice('--database='.length));
  });
  const given = urls.filter((url): url is string => url !== undefined && url.trim() !== '');
  if (given.length === 0) return [];
  const { passwordsIn } = await import('../store/postgres/database-url.js');
  return given.flatMap((url) => passwordsIn(url.trim()));
}

const scrub = (text: string, secrets: readonly string[]): string =>
  secrets.reduce((shown, secret) => shown.split(secret).join('***'), text);

function report(error: unknown, context: CommandContext, debug: boolean, secrets: readonly string[] = []): number {
  // Messages quote what they were given: an import file's values, a stored promotion ID; none
  // shows a database password.
  const say = (text: string): void => context.err(printable(scrub(text, secrets), { multiline: true }));
  if (error instanceof CommanderError) {
    // Commander has printed its message; help and --version end here with 0.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UserError) {
    say(`error: ${error.message}`);
    if (error.hint) say(`  ${error.hint}`);
    if (debug && error.stack) say(error.stack);
    return error.exitCode;
  }
  const environment = environmentError(error, context.dataDirIfKnown);
  if (environment) return report(environment, context, debug, secrets);
  const message = error instanceof Error ? error.message : String(error);
  say(`error: unexpected failure: ${message}`);
  say(
    debug && error instanceof Error && error.stack
      ? error.stack
      : '  This is a bug; please report it with the command you ran (add --debug for details).',
  );
  return EXIT_BUG;
}
