/**
 * A data directory holding one claim in each of the eleven statuses, walked there through the
 * real commands (with notes, messages, decisions with amounts, an edit, evidence, a second
 * account without an advertiser ID and a currency without decimals), for round-trip tests.
 */
import { expect } from 'vitest';
import { claimFlags, promoteFlags, NOW } from './cli.js';
import { runCli } from './in-process.js';
import { writeEvidenceFiles } from './files.js';

export const EVERY_STATUS = [
  'draft',
  'submitted',
  'info-requested',
  'approved',
  'partially-approved',
  'denied',
  'appealed',
  'refunded',
  'credited',
  'rejected',
  'withdrawn',
] as const;

/** Steps after `new`, per status; claim N is the Nth status. */
const STEPS: Record<(typeof EVERY_STATUS)[number], string[][]> = {
  draft: [['edit', '@', '--promotion-name', 'Winter sale — édition spéciale']],
  submitted: [['submit', '@', '--ticket', 'T-2', '--on', '2026-11-10', '--note', 'Filed via the web form']],
  'info-requested': [
    ['submit', '@', '--ticket', 'T-3', '--on', '2026-11-10'],
    [
      'log',
      '@',
      '--from',
      'support',
      '--info-requested',
      '--message',
      'Please send the invoice.\nThanks, Support',
      '--on',
      '2026-11-12',
    ],
  ],
  approved: [
    ['submit', '@', '--ticket', 'T-4', '--on', '2026-11-10'],
    ['decision', '@', 'approved', '--expect-by', '2026-12-15', '--on', '2026-11-16'],
  ],
  'partially-approved': [
    ['submit', '@', '--ticket', 'T-5', '--on', '2026-11-10'],
    [
      'decision',
      '@',
      'partially-approved',
      '--amount',
      '120',
      '--reason',
      'Only one charge qualifies',
      '--on',
      '2026-11-17',
    ],
  ],
  denied: [
    ['submit', '@', '--ticket', 'T-6', '--on', '2026-11-09'],
    [
      'decision',
      '@',
      'denied',
      '--reason',
      'Outside the refund window',
      '--appeal-by',
      '2026-11-25',
      '--on',
      '2026-11-16',
    ],
  ],
  appealed: [
    ['submit', '@', '--ticket', 'T-7', '--on', '2026-11-02'],
    ['followup', '@', '--sent', '--on', '2026-11-06'],
    ['decision', '@', 'denied', '--on', '2026-11-09'],
    ['appeal', '@', '--sent', '--on', '2026-11-11'],
  ],
  refunded: [
    ['submit', '@', '--ticket', 'T-8', '--on', '2026-11-02'],
    ['decision', '@', 'approved', '--on', '2026-11-05'],
    ['close', '@', '--outcome', 'refunded', '--on', '2026-11-18'],
  ],
  credited: [
    ['submit', '@', '--ticket', 'T-9', '--on', '2026-11-03'],
    ['close', '@', '--outcome', 'credited', '--amount', '3000', '--on', '2026-11-19'],
  ],
  rejected: [
    ['submit', '@', '--ticket', 'T-10', '--on', '2026-11-03'],
    ['decision', '@', 'denied', '--on', '2026-11-06'],
    ['close', '@', '--outcome', 'rejected', '--on', '2026-11-13'],
  ],
  withdrawn: [['close', '@', '--outcome', 'withdrawn', '--note', 'Settled with the creator directly']],
};

/** The `new` flags of claim N: most on Ads Manager in USD; the credited one a Promote order in JPY. */
function newFlags(n: number, status: string): string[] {
  if (status === 'credited') return [...promoteFlags(`PRM-${n}`), '--screenshot', 'dashboard.png'];
  return [...claimFlags({ '--promotion-id': `17900000${String(n).padStart(2, '0')}` }), '--receipt', 'invoice.pdf'];
}

/** Fills `home` with RC-0001 … RC-0011, one per status, in EVERY_STATUS order. */
export async function buildEveryStatus(home: string, now = NOW): Promise<void> {
  writeEvidenceFiles(home);
  for (const [index, status] of EVERY_STATUS.entries()) {
    const n = index + 1;
    const created = await runCli(newFlags(n, status), { home, now: '2026-11-01T09:00:00.000Z' });
    expect(created.code, created.stderr).toBe(0);
    for (const step of STEPS[status]) {
      const result = await runCli(
        step.map((arg) => (arg === '@' ? String(n) : arg)),
        { home, now },
      );
      expect(result.code, `${step.join(' ')}: ${result.stderr}`).toBe(0);
    }
  }
  await runCli(
    ['log', '3', '--from', 'me', '--message', 'Invoice attached.', '--attach', 'notes.txt', '--on', '2026-11-13'],
    {
      home,
      now,
    },
  ).then((result) => expect(result.code, result.stderr).toBe(0));
  // That reply moved RC-0003 back to submitted: ask again, so it ends info-requested.
  await runCli(
    ['log', '3', '--from', 'support', '--info-requested', '--message', 'And the bank statement?', '--on', '2026-11-16'],
    {
      home,
      now,
    },
  ).then((result) => expect(result.code, result.stderr).toBe(0));
}
