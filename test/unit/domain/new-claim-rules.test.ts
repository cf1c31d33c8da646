import { describe, expect, it } from 'vitest';
import { CHANNELS, REASONS } from '../../../src/domain/claim.js';
import { crossFieldProblems, missingFields, withDefaults } from '../../../src/domain/completeness.js';
import { needsUnspentBalanceConsent } from '../../../src/domain/reasons.js';
import { fields } from '../../helpers/claims.js';

describe('what a new claim still lacks', () => {
  it('asks for the reason first, then what every claim on the channel needs', () => {
    expect(missingFields({})).toEqual([
      'reason',
      'advertiserId',
      'accountName',
      'email',
      'promotionId',
      'charged',
      'description',
    ]);
    expect(missingFields({ channel: 'tiktok-promote', accountName: 'A' })).toEqual([
      'reason',
      'email',
      'promotionId',
      'charged',
      'description',
    ]);
  });

  it("adds the reason's own fields, and never the currency (USD by default)", () => {
    const given = { channel: 'creator' as const, reason: 'creator-no-delivery' as const, charged: 1 };
    expect(missingFields(given)).toEqual([
      'accountName',
      'email',
      'promotionId',
      'description',
      'creator',
      'deliverables',
      'deliverablesDue',
    ]);
    const complete = {
      ...fields(),
      reason: 'technical-issue' as const,
      start: '2026-11-01',
      end: '2026-11-02',
      failure: 'delivery stopped',
    };
    expect(missingFields(complete)).toEqual([]);
  });

  it('fills what need not be given: channel, currency, the requested amount, nulls', () => {
    expect(withDefaults({ reason: 'incorrect-charge', charged: 500, expected: 300 })).toMatchObject({
      channel: 'tiktok-ads',
      currency: 'USD',
      requested: 200,
      promotionName: null,
      fileBy: null,
    });
    expect(withDefaults({ reason: 'campaign-cancelled', charged: 500, requested: 100 }).requested).toBe(100);
  });
});

describe('cross-field problems as answers to a question', () => {
  it('words each problem for the person answering that field', () => {
    const problems = crossFieldProblems(
      fields({ charged: 50000, expected: 60000, requested: 70000, start: '2026-11-10', end: '2026-11-01' }),
    );
    expect(problems.map((p) => [p.field, p.answer])).toEqual([
      ['requested', 'It cannot be more than was charged (USD 500.00).'],
      ['expected', 'It must be less than the amount charged (USD 500.00).'],
      ['end', 'The promotion cannot end before it starts (2026-11-10).'],
    ]);
  });
});

describe('the unspent-balance consent', () => {
  it('is needed for an unspent-balance request on Ads Manager only', () => {
    const needing = CHANNELS.flatMap((channel) =>
      REASONS.filter((reason) => needsUnspentBalanceConsent({ channel, reason })).map((r) => `${channel}/${r}`),
    );
    expect(needing).toEqual(['tiktok-ads/unspent-balance']);
  });
});
