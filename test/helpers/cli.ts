/**
 * Runs the built binary the way a user does: `node bin/refund-claim.js …` in a child process,
 * with its own data directory, no terminal, and colour off.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ClaimJson } from '../../src/app/formats/claim-json.js';

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
}

/** The environment every test run of the binary gets: its own data directory, UTC, no colour. */
export function cliEnv(home: string, now: string | null = NOW): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    TZ: 'UTC',
    NO_COLOR: '1',
    REFUND_CLAIM_HOME: home,
    ...(now === null ? {} : { REFUND_CLAIM_NOW: now }),
  };
}

export function run(args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? options.home,
      env: { ...cliEnv(options.home, options.now), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Flags for a complete incorrect-charge claim on Ads Manager; override or extend as needed. */
export function claimFlags(overrides: Record<string, string> = {}): string[] {
  const flags: Record<string, string> = {
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

/** `show <id> --json`, parsed. */
export async function showClaim(home: string, id = '1', now?: string): Promise<ClaimJson> {
  const result = await run(['show', id, '--json'], { home, now });
  if (result.code !== 0) throw new Error(`show ${id} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ClaimJson;
}

/** Flags for an accidental Promote charge in JPY, a second currency and channel beside claimFlags. */
export function promoteFlags(promotionId: string, charged = '5000'): string[] {
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
    '2026-11-01',
    '--description',
    'A Promote boost was bought by accident from the shop phone.',
  ];
}
