import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimFlags, promoteFlags } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

const at = (day: string): string => `${day}T12:00:00.000Z`;

/** A cancelled campaign has no "expected" amount. */
function withoutExpected(flags: string[]): string[] {
  const at = flags.indexOf('--expected');
  return [...flags.slice(0, at), ...flags.slice(at + 2)];
}

/**
 * [command, day it is run]. Claims 1, 2 and 5 are drafted on 1 Nov, the others on 5 Nov.
 * Hand-computed below: days from filing to the first answer are 7 (RC-0001), 10 (RC-0002),
 * 2 (RC-0003), 10 (RC-0005, refunded without a recorded decision) and 5 (RC-0006).
 */
const SCRIPT: [string[], string][] = [
  [claimFlags({ '--promotion-id': 'P1' }), '2026-11-01'],
  [claimFlags({ '--promotion-id': 'P2', '--charged': '300', '--expected': '200' }), '2026-11-01'],
  [claimFlags({ '--promotion-id': 'P3', '--charged': '80', '--expected': '30' }), '2026-11-05'],
  [claimFlags({ '--promotion-id': 'P4', '--charged': '100', '--expected': '60', '--currency': 'EUR' }), '2026-11-05'],
  [promoteFlags('PRM-5', '5000'), '2026-11-01'],
  [promoteFlags('PRM-6', '3000'), '2026-11-05'],
  [
    withoutExpected(claimFlags({ '--promotion-id': 'P7', '--reason': 'campaign-cancelled', '--charged': '75' })),
    '2026-11-05',
  ],
  [['submit', '1', '--ticket', 'T1', '--on', '2026-11-02'], '2026-11-20'],
  [['decision', '1', 'approved', '--on', '2026-11-09'], '2026-11-20'],
  [['close', '1', '--outcome', 'refunded', '--on', '2026-11-16'], '2026-11-20'],
  [['submit', '2', '--ticket', 'T2', '--on', '2026-11-03'], '2026-11-20'],
  [['decision', '2', 'partially-approved', '--amount', '60', '--on', '2026-11-13'], '2026-11-20'],
  [['close', '2', '--outcome', 'credited', '--on', '2026-11-18'], '2026-11-20'],
  [['submit', '3', '--ticket', 'T3', '--on', '2026-11-04'], '2026-11-20'],
  [['decision', '3', 'denied', '--on', '2026-11-06'], '2026-11-20'],
  [['appeal', '3', '--sent', '--on', '2026-11-09'], '2026-11-20'],
  [['submit', '5', '--ticket', 'T5', '--on', '2026-11-02'], '2026-11-20'],
  [['close', '5', '--outcome', 'refunded', '--on', '2026-11-12'], '2026-11-20'],
  [['submit', '6', '--ticket', 'T6', '--on', '2026-11-05'], '2026-11-20'],
  [['decision', '6', 'denied', '--on', '2026-11-10'], '2026-11-20'],
  [['close', '6', '--outcome', 'rejected', '--on', '2026-11-12'], '2026-11-20'],
  [['close', '7', '--outcome', 'withdrawn'], '2026-11-20'],
];

let home: string;

// One data directory for the whole file (tempDir's are removed after each test).
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'refund-claim-report-'));
  for (const [args, day] of SCRIPT) {
    const result = await runCli(args, { home, now: at(day) });
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  }
}, 60_000);

afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('report', () => {
  it('sums per channel, reason and currency, with rates and median days checked by hand', async () => {
    const result = await runCli(['report', '--json'], { home });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      groups: [
        {
          channel: 'tiktok-ads',
          reason: 'incorrect-charge',
          currency: 'EUR',
          claims: 1,
          requested: '40.00',
          recovered: '0.00',
          approved: '0.00',
          recoveryRate: 0,
          approvalRate: null,
          medianDaysToDecision: null,
        },
        {
          // 200 + 100 + 50 requested; 200 refunded + 60 credited; approved 2 of 3 answered;
          // days 7, 10, 2 → median 7. Rates rounded to 4 decimals.
          channel: 'tiktok-ads',
          reason: 'incorrect-charge',
          currency: 'USD',
          claims: 3,
          requested: '350.00',
          recovered: '260.00',
          approved: '0.00',
          recoveryRate: 0.7429,
          approvalRate: 0.6667,
          medianDaysToDecision: 7,
        },
        {
          // Withdrawn: nothing recovered, never answered.
          channel: 'tiktok-ads',
          reason: 'campaign-cancelled',
          currency: 'USD',
          claims: 1,
          requested: '75.00',
          recovered: '0.00',
          approved: '0.00',
          recoveryRate: 0,
          approvalRate: null,
          medianDaysToDecision: null,
        },
        {
          // 5000 + 3000 requested, 5000 refunded; 1 of 2 approved; days 10 and 5 → 7.5.
          channel: 'tiktok-promote',
          reason: 'accidental-charge',
          currency: 'JPY',
          claims: 2,
          requested: '8000',
          recovered: '5000',
          approved: '0',
          recoveryRate: 0.625,
          approvalRate: 0.5,
          medianDaysToDecision: 7.5,
        },
      ],
      totals: [
        {
          currency: 'EUR',
          claims: 1,
          requested: '40.00',
          recovered: '0.00',
          approved: '0.00',
          recoveryRate: 0,
          approvalRate: null,
        },
        {
          currency: 'JPY',
          claims: 2,
          requested: '8000',
          recovered: '5000',
          approved: '0',
          recoveryRate: 0.625,
          approvalRate: 0.5,
        },
        // 350 + 75 requested, 260 recovered (0.61176…); RC-0007's withdrawal is no answer.
        {
          currency: 'USD',
          claims: 4,
          requested: '425.00',
          recovered: '260.00',
          approved: '0.00',
          recoveryRate: 0.6118,
          approvalRate: 0.6667,
        },
      ],
    });
  });

  it('counts only claims filed on or after --since (a draft: the day it was drafted)', async () => {
    const result = await runCli(['report', '--since', '2026-11-05', '--json'], { home });
    const groups = (JSON.parse(result.stdout) as { groups: Record<string, unknown>[] }).groups;
    expect(
      groups.map((g) => [
        g.currency,
        g.reason,
        g.claims,
        g.requested,
        g.recovered,
        g.approvalRate,
        g.medianDaysToDecision,
      ]),
    ).toEqual([
      // RC-0003, drafted on 5 Nov but filed on the 4th, is left out; RC-0004 and RC-0007 were never filed.
      ['EUR', 'incorrect-charge', 1, '40.00', '0.00', null, null],
      ['USD', 'campaign-cancelled', 1, '75.00', '0.00', null, null],
      ['JPY', 'accidental-charge', 1, '3000', '0', 0, 5],
    ]);
    const none = await runCli(['report', '--since', '2026-12-01'], { home });
    expect(none).toMatchObject({ code: 0, stdout: '', stderr: 'No claims filed since 2026-12-01.\n' });
  });

  it('prints tab-separated lines with a header when piped, in the JSON order, totals last', async () => {
    const lines = (await runCli(['report'], { home })).stdout.split('\n');
    expect(lines[0]).toBe(
      'channel\treason\tcurrency\tclaims\trequested\trecovered\tapproved\trecovery_rate\tapproval_rate\tmedian_days_to_decision',
    );
    expect(lines[1]).toBe('tiktok-ads\tincorrect-charge\tEUR\t1\t40.00\t0.00\t0.00\t0\t\t');
    expect(lines[2]).toBe('tiktok-ads\tincorrect-charge\tUSD\t3\t350.00\t260.00\t0.00\t0.7429\t0.6667\t7');
    expect(lines.slice(-4)).toEqual([
      'total\t\tEUR\t1\t40.00\t0.00\t0.00\t0\t\t',
      'total\t\tJPY\t2\t8000\t5000\t0\t0.625\t0.5\t',
      'total\t\tUSD\t4\t425.00\t260.00\t0.00\t0.6118\t0.6667\t',
      '',
    ]);
  });

  it('says when there is nothing to report, and refuses a bad --since with exit 2', async () => {
    const empty = tempDir();
    expect(await runCli(['report'], { home: empty })).toMatchObject({
      code: 0,
      stdout: '',
      stderr: 'No claims yet. Draft one with `refund-claim new`.\n',
    });
    expect(JSON.parse((await runCli(['report', '--json'], { home: empty })).stdout)).toEqual({
      groups: [],
      totals: [],
    });
    const bad = await runCli(['report', '--since', 'last month'], { home: empty });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'error: --since "last month" is not a date; use YYYY-MM-DD, a full ISO 8601 date-time, "today" or "yesterday".\n',
    );
  });
});
