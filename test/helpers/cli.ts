/**
 * Runs the built binary the way a user does: `node bin/refund-claim.js …` in a child process,
 * with its own data directory, no terminal, and colour off. For the slow tier (test/slow/); the
 * fast tier runs the same command lines in-process with `runCli` (in-process.ts).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/refund-claim.js', import.meta.url));

/** A fixed "now" for reproducible dates: Friday 20 November 2026, noon UTC. */
export const NOW = '2026-11-20T12:00:00.000Z';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  home: string;
  cwd?: string;
  input?: string | Uint8Array;
  env?: Record<string, string | undefined>;
  now?: string | null;
  /** Kill the run after this many milliseconds (it then ends with code null): a hang fails the test. */
  timeout?: number;
}

/**
 * The data directory of a test's runs: a folder of its own inside the test's home, which holds
 * the user's files (a data directory beside other files is refused, as `--data-dir ~` is).
 */
export function dataDirOf(home: string): string {
  return join(home, 'data');
}

/** The environment every test run of the binary gets: its own data directory, UTC, no colour. */
export function cliEnv(home: string, now: string | null = NOW): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    TZ: 'UTC',
    NO_COLOR: '1',
    REFUND_CLAIM_HOME: dataDirOf(home),
    REFUND_CLAIM_USER: 'ana',
    ...(now === null ? {} : { REFUND_CLAIM_NOW: now }),
  };
}

export function run(args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? options.home,
      env: { ...cliEnv(options.home, options.now), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeout,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // A child that ends before reading its input (a usage error) closes the pipe: not a failure.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') reject(error);
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** The facts each reason requires (SPEC version 2), added by claimFlags unless overridden. */
export const REQUIRED_FACTS: Record<string, Record<string, string>> = {
  'technical-issue': { '--failure': 'delivery stopped while the budget kept being spent' },
  'campaign-cancelled': { '--cancelled-on': '2026-11-01', '--cancel-reason': 'The product launch was called off' },
  'creator-no-delivery': { '--deliverables-due': '2026-11-01' },
  'unspent-balance': { '--balance-shown-on': '2026-11-01' },
};

/** Flags for a complete incorrect-charge claim on Ads Manager; override or extend as needed. */
export function claimFlags(overrides: Record<string, string> = {}): string[] {
  const flags: Record<string, string> = {
    ...REQUIRED_FACTS[overrides['--reason'] ?? 'incorrect-charge'],
    '--reason': 'incorrect-charge',
    '--advertiser-id': '7012345678901',
    '--account-name': 'Acme Shoes',
    '--email': 'ads@acme.test',
    '--promotion-id': '1790000001',
    '--promotion-name': 'Summer sale',
    '--charged': '500.00',
    '--expected': '300.00',
    '--description': 'We were billed twice for the budget increase on 3 November.',
    ...overrides,
  };
  return [
    'new',
    '--no-input',
    ...Object.entries(flags).flatMap(([flag, value]) => (value === '' ? [flag] : [flag, value])),
  ];
}

/** Flags for an accidental Promote charge in JPY, a second currency and channel beside claimFlags. */
export function promoteFlags(promotionId: string, charged = '5000', chargeDate = '2026-11-01'): string[] {
  return [
    'new',
    '--no-input',
    '--channel',
    'tiktok-promote',
    '--reason',
    'accidental-charge',
    '--account-name',
    'Café Lumière',
    '--email',
    'hello@cafe.test',
    '--promotion-id',
    promotionId,
    '--charged',
    charged,
    '--currency',
    'JPY',
    '--charge-date',
    chargeDate,
    '--description',
    'A Promote boost was bought by accident from the shop phone.',
  ];
}
