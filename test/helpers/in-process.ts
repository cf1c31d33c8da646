/**
 * Runs the command line inside the test's process: `main()` on its real dependencies, with the
 * environment `run()` gives the binary (own data directory, UTC, no colour, a fixed "now"), no
 * terminal, and stdout and stderr captured. The same result as `run()`, without starting Node.js.
 * With `terminal`, stdout says it is a terminal: the tables a person sees instead of TSV.
 */
import { Readable, Writable } from 'node:stream';
import type { ClaimJson } from '../../src/app/formats/claim-json.js';
import { main } from '../../src/cli/main.js';
import { claimFlags, cliEnv } from './cli.js';
import { writeEvidenceFiles } from './files.js';
import type { EvidenceFiles } from './files.js';
import type { RunOptions } from './cli.js';
import type { Prompter } from '../../src/cli/wizard/prompter.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it, as text. */
function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** A run changes the working directory and the time zone of the process: one at a time. */
let queue: Promise<unknown> = Promise.resolve();

export interface InProcessOptions extends RunOptions {
  terminal?: boolean;
  /** A person at a terminal answering from this script: stdin and stdout are terminals. */
  prompter?: Prompter;
  /** The terminal's width in columns (with `terminal` or `prompter`); 120 unless told. */
  columns?: number;
}

export function runCli(args: readonly string[], options: InProcessOptions): Promise<CliResult> {
  const result = queue.then(() => runOnce(args, options));
  queue = result.catch(() => undefined);
  return result;
}

async function runOnce(args: readonly string[], options: InProcessOptions): Promise<CliResult> {
  const env = { ...cliEnv(options.home, options.now), ...options.env };
  const input = options.input ?? '';
  const stdout = capture();
  if (options.terminal || options.prompter) {
    Object.assign(stdout.stream, { isTTY: true, columns: options.columns ?? 120 });
  }
  const stdin = Readable.from([input]);
  if (options.prompter) Object.assign(stdin, { isTTY: true });
  const stderr = capture();
  const cwd = process.cwd();
  const tz = process.env.TZ;
  // Paths on the command line are relative to the working directory; dates follow TZ.
  process.chdir(options.cwd ?? options.home);
  setTimeZone(env.TZ);
  try {
    const code = await main(['node', 'refund-claim', ...args], {
      io: { stdin, stdout: stdout.stream, stderr: stderr.stream, env },
      ...(options.prompter ? { createPrompter: () => options.prompter as Prompter } : {}),
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    process.chdir(cwd);
    setTimeZone(tz);
  }
}

/** Node.js reads TZ again whenever it is set or deleted. */
function setTimeZone(zone: string | undefined): void {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
}

/** `show <id> --json`, parsed. */
export async function showClaim(home: string, id = '1', now?: string): Promise<ClaimJson> {
  const result = await runCli(['show', id, '--json'], { home, now });
  if (result.code !== 0) throw new Error(`show ${id} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ClaimJson;
}

/** A complete incorrect-charge claim (RC-0001) with one file of each kind a bundle deflates or stores. */
export async function claimWithEvidence(home: string): Promise<EvidenceFiles> {
  const files = writeEvidenceFiles(home);
  const result = await runCli(
    [
      ...claimFlags(),
      '--receipt',
      files.pdf,
      '--screenshot',
      files.png,
      '--report',
      files.csv,
      '--correspondence',
      files.eml,
      '--attach',
      files.txt,
    ],
    { home },
  );
  if (result.code !== 0) throw new Error(`new failed: ${result.stderr}`);
  return files;
}
