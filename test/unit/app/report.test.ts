import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/app/report.js';
import type { ClaimFields } from '../../../src/domain/claim.js';
import { newClaim } from '../../helpers/claims.js';
import { savedClaim, useCaseDeps } from '../../helpers/use-case-deps.js';

type Steps = Parameters<typeof savedClaim>[2];
const filed = (on: string) => ({ type: 'submitted' as const, on, data: { ticket: `T-${on}` } });
const decided = (on: string, decision: 'approved' | 'denied') => ({
  type: 'decision' as const,
  on,
  data: { decision },
});
const closed = (on: string, outcome: 'refunded' | 'credited' | 'withdrawn', amount: number | null = null) => ({
  type: 'closed' as const,
  on,
  data: { outcome, amount },
});

/** Saved in no particular order: the report sorts its groups itself. */
async function setup() {
  const { store } = useCaseDeps();
  const save = (fields: Partial<ClaimFields>, steps: Steps = []) => savedClaim(store, fields, steps);
  const creator = { channel: 'creator', reason: 'creator-no-delivery' } as const;
  await save(creator, [filed('2026-11-05'), closed('2026-11-06', 'withdrawn')]);
  // incorrect-charge in USD: approved after 10 days and refunded, denied after 4, one still a draft.
  await save({ requested: 20000 }, [
    filed('2026-11-02'),
    decided('2026-11-12', 'approved'),
    closed('2026-11-15', 'refunded'),
  ]);
  await save({ requested: 10000 }, [filed('2026-11-03'), decided('2026-11-07', 'denied')]);
  await save({ requested: 5000 });
  await save({ currency: 'EUR', requested: 8000 }, [filed('2026-11-04')]);
  // Credited without a recorded decision, 8 days after filing: an approval all the same.
  const technical = { reason: 'technical-issue', requested: 50000 } as const;
  await save(technical, [filed('2026-11-01'), closed('2026-11-09', 'credited', 30000)]);
  await store.insertClaim(newClaim({ channel: 'tiktok-promote', reason: 'non-performance' }, '2026-10-01'), {
    allowDuplicate: true,
  });
  return store;
}

describe('buildReport', () => {
  it('sums each channel, reason and currency apart, in the vocabulary’s order', async () => {
    const { groups } = await buildReport(await setup(), { since: null });
    expect(
      groups.map((g) => [
        g.key.by === 'channel-reason' && g.key.channel,
        g.key.by === 'channel-reason' && g.key.reason,
        g.currency,
        g.claims,
      ]),
    ).toEqual([
      ['tiktok-ads', 'technical-issue', 'USD', 1],
      ['tiktok-ads', 'incorrect-charge', 'EUR', 1],
      ['tiktok-ads', 'incorrect-charge', 'USD', 3],
      ['tiktok-promote', 'non-performance', 'USD', 1],
      ['creator', 'creator-no-delivery', 'USD', 1],
    ]);
  });

  it('counts amounts, answers and days to the first answer', async () => {
    const [technical, euros, dollars, , creator] = (await buildReport(await setup(), { since: null })).groups;
    expect(dollars).toMatchObject({
      requested: 35000,
      recovered: 20000,
      recoveryRate: 20000 / 35000,
      decided: 2,
      approvedClaims: 1,
      approvalRate: 0.5,
      medianDaysToDecision: 7,
    });
    expect(technical).toMatchObject({
      requested: 50000,
      recovered: 30000,
      recoveryRate: 0.6,
      decided: 1,
      approvedClaims: 1,
      medianDaysToDecision: 8,
    });
    expect(euros).toMatchObject({
      requested: 8000,
      recovered: 0,
      recoveryRate: 0,
      decided: 0,
      approvalRate: null,
      medianDaysToDecision: null,
    });
    // A withdrawal is the user's own step, not an answer.
    expect(creator).toMatchObject({ decided: 0, recovered: 0 });
  });

  it('counts only the claims filed on or after `since` (a draft: drafted)', async () => {
    const store = await setup();
    // Filed 5 Nov (creator), 4 Nov (EUR); the USD draft was drafted on 20 November. The day itself counts.
    const { groups } = await buildReport(store, { since: '2026-11-04' });
    expect(groups.map((g) => [g.key.by === 'channel-reason' && g.key.reason, g.currency, g.claims])).toEqual([
      ['incorrect-charge', 'EUR', 1],
      ['incorrect-charge', 'USD', 1],
      ['creator-no-delivery', 'USD', 1],
    ]);
    expect(await buildReport(store, { since: '2026-11-21' })).toEqual({ groups: [], totals: [] });
  });
});
