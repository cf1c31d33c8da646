/**
 * `report --by account|month` for an agency: two accounts, three currencies, claims on both
 * sides of a month boundary, money approved but not yet received. Every figure is worked out by
 * hand in the comments.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimFlags, promoteFlags } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';

const at = (day: string): string => `${day}T12:00:00.000Z`;

/**
 * Acme Shoes (advertiser 7012345678901):
 *   RC-0001 USD 200 requested, drafted 28 Oct, filed 30 Oct (October), approved 6 Nov (7 days),
 *           refunded 10 Nov: USD 200 recovered.
 *   RC-0002 EUR 40, drafted 31 Oct, filed 2 Nov (November: the filing counts, not the draft),
 *           partially approved EUR 25 on 12 Nov (10 days), not yet paid: EUR 25 approved.
 *   RC-0005 USD 50, drafted and filed 5 Nov, approved 9 Nov (4 days), not yet paid: USD 50 approved.
 * Café Lumière (no advertiser ID):
 *   RC-0003 JPY 5000, drafted 3 Nov, filed 4 Nov, denied 6 Nov (2 days).
 *   RC-0004 JPY 3000, drafted 15 Oct, never filed: counts in October.
 */
const SCRIPT: [string[], string][] = [
  [claimFlags({ '--promotion-id': 'P1' }), '2026-10-28'],
  [claimFlags({ '--promotion-id': 'P2', '--charged': '100', '--expected': '60', '--currency': 'EUR' }), '2026-10-31'],
  [promoteFlags('PRM-3', '5000'), '2026-11-03'],
  // Charged the day before it was drafted: a charge date is never in the future.
  [promoteFlags('PRM-4', '3000', '2026-10-14'), '2026-10-15'],
  [claimFlags({ '--promotion-id': 'P5', '--charged': '80', '--expected': '30' }), '2026-11-05'],
  [['submit', '1', '--ticket', 'T1', '--on', '2026-10-30'], '2026-11-20'],
  [['decision', '1', 'approved', '--on', '2026-11-06'], '2026-11-20'],
  [['close', '1', '--outcome', 'refunded', '--on', '2026-11-10'], '2026-11-20'],
  [['submit', '2', '--ticket', 'T2', '--on', '2026-11-02'], '2026-11-20'],
  [['decision', '2', 'partially-approved', '--amount', '25', '--on', '2026-11-12'], '2026-11-20'],
  [['submit', '3', '--ticket', 'T3', '--on', '2026-11-04'], '2026-11-20'],
  [['decision', '3', 'denied', '--on', '2026-11-06'], '2026-11-20'],
  [['submit', '5', '--ticket', 'T5', '--on', '2026-11-05'], '2026-11-20'],
  [['decision', '5', 'approved', '--on', '2026-11-09'], '2026-11-20'],
];

let home: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'refund-claim-report-by-'));
  for (const [args, day] of SCRIPT) {
    const result = await runCli(args, { home, now: at(day) });
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  }
}, 60_000);

afterAll(() => rmSync(home, { recursive: true, force: true }));

async function report(...args: string[]) {
  const result = await runCli(['report', ...args, '--json'], { home });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { groups: Record<string, unknown>[]; totals: Record<string, unknown>[] };
}

/** Per currency over all five claims. */
const TOTALS = [
  // RC-0002: 40 requested, 25 approved and on its way; answered and approved.
  {
    currency: 'EUR',
    claims: 1,
    requested: '40.00',
    recovered: '0.00',
    approved: '25.00',
    recoveryRate: 0,
    approvalRate: 1,
  },
  // RC-0003 and RC-0004: 8000 requested, nothing back; one answered, denied.
  { currency: 'JPY', claims: 2, requested: '8000', recovered: '0', approved: '0', recoveryRate: 0, approvalRate: 0 },
  // RC-0001 and RC-0005: 250 requested, 200 back (0.8), 50 approved not yet paid; both approved.
  {
    currency: 'USD',
    claims: 2,
    requested: '250.00',
    recovered: '200.00',
    approved: '50.00',
    recoveryRate: 0.8,
    approvalRate: 1,
  },
];

describe('report --by', () => {
  it('month: by the day each claim was filed (a draft: drafted), across the October–November boundary', async () => {
    expect(await report('--by', 'month')).toEqual({
      groups: [
        {
          month: '2026-10',
          currency: 'JPY',
          claims: 1,
          requested: '3000',
          recovered: '0',
          approved: '0',
          recoveryRate: 0,
          approvalRate: null,
          medianDaysToDecision: null,
        },
        {
          month: '2026-10',
          currency: 'USD',
          claims: 1,
          requested: '200.00',
          recovered: '200.00',
          approved: '0.00',
          recoveryRate: 1,
          approvalRate: 1,
          medianDaysToDecision: 7,
        },
        {
          month: '2026-11',
          currency: 'EUR',
          claims: 1,
          requested: '40.00',
          recovered: '0.00',
          approved: '25.00',
          recoveryRate: 0,
          approvalRate: 1,
          medianDaysToDecision: 10,
        },
        {
          month: '2026-11',
          currency: 'JPY',
          claims: 1,
          requested: '5000',
          recovered: '0',
          approved: '0',
          recoveryRate: 0,
          approvalRate: 0,
          medianDaysToDecision: 2,
        },
        {
          month: '2026-11',
          currency: 'USD',
          claims: 1,
          requested: '50.00',
          recovered: '0.00',
          approved: '50.00',
          recoveryRate: 0,
          approvalRate: 1,
          medianDaysToDecision: 4,
        },
      ],
      totals: TOTALS,
    });
  });

  it('account: each account per currency, with the same totals', async () => {
    expect(await report('--by', 'account')).toEqual({
      groups: [
        {
          account: 'Acme Shoes',
          advertiserId: '7012345678901',
          currency: 'EUR',
          claims: 1,
          requested: '40.00',
          recovered: '0.00',
          approved: '25.00',
          recoveryRate: 0,
          approvalRate: 1,
          medianDaysToDecision: 10,
        },
        {
          // Days 7 and 4: median 5.5.
          account: 'Acme Shoes',
          advertiserId: '7012345678901',
          currency: 'USD',
          claims: 2,
          requested: '250.00',
          recovered: '200.00',
          approved: '50.00',
          recoveryRate: 0.8,
          approvalRate: 1,
          medianDaysToDecision: 5.5,
        },
        {
          account: 'Café Lumière',
          advertiserId: null,
          currency: 'JPY',
          claims: 2,
          requested: '8000',
          recovered: '0',
          approved: '0',
          recoveryRate: 0,
          approvalRate: 0,
          medianDaysToDecision: 2,
        },
      ],
      totals: TOTALS,
    });
  });

  it('--since counts claims filed from that day; --account one account; both with their own totals', async () => {
    // Filed on or after 1 Nov: RC-0002 (drafted 31 Oct), RC-0003, RC-0005. Not RC-0001 (30 Oct) nor RC-0004.
    const since = await report('--by', 'month', '--since', '2026-11-01');
    expect(since.groups.map((g) => [g.month, g.currency, g.claims])).toEqual([
      ['2026-11', 'EUR', 1],
      ['2026-11', 'JPY', 1],
      ['2026-11', 'USD', 1],
    ]);
    expect(since.totals.map((t) => [t.currency, t.requested, t.approved])).toEqual([
      ['EUR', '40.00', '25.00'],
      ['JPY', '5000', '0'],
      ['USD', '50.00', '50.00'],
    ]);
    const cafe = await report('--by', 'month', '--account', 'Café Lumière');
    expect(cafe.groups.map((g) => [g.month, g.requested])).toEqual([
      ['2026-10', '3000'],
      ['2026-11', '5000'],
    ]);
    expect(cafe.totals).toEqual([TOTALS[1]]);
  });

  it('shows money approved but not yet received as approved on a terminal, never as recovered', async () => {
    const { stdout } = await runCli(['report', '--by', 'account'], { home, terminal: true, columns: 120 });
    const lines = stdout.split('\n');
    expect(lines[1]).toMatch(/^ACCOUNT +CLAIMS +REQUESTED +RECOVERED +APPROVED/);
    expect(lines.find((line) => line.startsWith('Acme Shoes') && line.includes('EUR'))).toMatch(
      /EUR 40\.00 +EUR 0\.00 +EUR 25\.00/,
    );
    expect(lines.find((line) => line.startsWith('Total USD'))).toMatch(/USD 250\.00 +USD 200\.00 +USD 50\.00/);
    const piped = (await runCli(['report', '--by', 'month'], { home })).stdout.split('\n');
    expect(piped[0]).toBe(
      'month\tcurrency\tclaims\trequested\trecovered\tapproved\trecovery_rate\tapproval_rate\tmedian_days_to_decision',
    );
    expect(piped[1]).toBe('2026-10\tJPY\t1\t3000\t0\t0\t0\t\t');
    expect(piped.at(-2)).toBe('total\tUSD\t2\t250.00\t200.00\t50.00\t0.8\t1\t');
  });
});
