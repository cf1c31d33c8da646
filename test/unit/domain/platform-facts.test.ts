import { describe, expect, it } from 'vitest';
import { ticketView, tiktokOneView } from '../../../src/app/formats/ticket-view.js';
import {
  ADS_MANAGER_UNSPENT_BALANCE,
  PLATFORM_FACTS,
  SUSPENSION_APPEAL,
  TIKTOK_ONE,
  unspentBalanceWarning,
} from '../../../src/domain/platform-facts.js';
import { UNSPENT_BALANCE_WARNING } from '../../../src/domain/reasons.js';
import { claim } from '../../helpers/claims.js';

describe("TikTok's platform facts", () => {
  it('states each fact of SPEC once, with its source', () => {
    expect(ADS_MANAGER_UNSPENT_BALANCE.refundWithinDays).toBe(60);
    expect(SUSPENSION_APPEAL.appealWithinDays).toBe(180);
    expect(TIKTOK_ONE.manualReviewApprovedAfterDays).toBe(14);
    expect(TIKTOK_ONE.refunds.map((r) => r.share)).toEqual([1, 1, 1, 0.9]);
    for (const fact of Object.values(PLATFORM_FACTS)) {
      expect(fact.source).toMatch(/TikTok/);
      expect(fact.checked).toMatch(/^\d{4}-\d{2}$/);
    }
  });

  it("feeds the wizard's unspent-balance warning", () => {
    expect(UNSPENT_BALANCE_WARNING).toBe(unspentBalanceWarning());
    expect(UNSPENT_BALANCE_WARNING).toContain('within about 60 days');
    expect(unspentBalanceWarning({ ...ADS_MANAGER_UNSPENT_BALANCE, refundWithinDays: 45 })).toContain(
      'within about 45 days',
    );
  });

  it('reaches templates through the ticket view, with the facts, agency, sales rep, paid-via and as-credit', () => {
    const view = ticketView(
      claim({
        channel: 'creator',
        paidVia: 'tiktok-one',
        asCredit: true,
        agency: 'Northwind Media',
        salesRep: 'Dana Lee',
        cancelledOn: '2026-11-03',
      }),
    );
    expect(view).toMatchObject({
      paidVia: 'tiktok-one',
      asCredit: true,
      agency: 'Northwind Media',
      salesRep: 'Dana Lee',
      account: {
        agency: 'Northwind Media',
        salesRep: 'Dana Lee',
        signature: `Northwind Media on behalf of ${claim().accountName}`,
      },
      facts: { cancelledOn: '2026-11-03', invoice: null },
    });
    expect(view.platform.tiktokOne.manualReviewApprovedAfterDays).toBe(14);
    expect(ticketView(claim()).account.signature).toBe(claim().accountName);
  });

  it("gives a creator claim paid through TikTok One the policy's shares, from this module only", () => {
    const view = ticketView(
      claim({
        channel: 'creator',
        reason: 'creator-no-delivery',
        paidVia: 'tiktok-one',
        deliverablesDue: '2026-11-15',
      }),
    );
    expect(view.tiktokOne).toEqual({
      refunds: [
        {
          percent: '100%',
          when:
            'when the brand ended the collaboration before the creator submitted content, ' +
            'when the creator missed the deadline, or when the creator ended the collaboration',
        },
        {
          percent: '90%',
          when: 'when the brand ended the collaboration after the content was submitted but before it was approved',
        },
      ],
      manualReviewDays: 14,
      applies: 'This is a missed deadline (the content was due on 15 Nov 2026), which TikTok One refunds at 100%.',
    });
    // A corrected policy changes the draft with no other edit.
    const corrected = tiktokOneView(
      { reason: 'campaign-cancelled', deliverablesDue: null },
      { ...TIKTOK_ONE, refunds: [{ when: 'the brand ended it', share: 0.8 }], manualReviewApprovedAfterDays: 10 },
    );
    expect(corrected).toEqual({
      refunds: [{ percent: '80%', when: 'when the brand ended it' }],
      manualReviewDays: 10,
      applies: null,
    });
    expect(
      ticketView(claim({ channel: 'creator', reason: 'creator-no-delivery', paidVia: 'direct' })).tiktokOne,
    ).toBeNull();
  });
});
