import { describe, expect, it } from 'vitest';
import { claimIdsIn, matchClaim, propose } from '../../../src/domain/inbox.js';
import type { MatchCandidate } from '../../../src/domain/inbox.js';

const CLAIMS: MatchCandidate[] = [
  { id: 1, status: 'submitted', ticketNumber: '7301928374', promotionId: '1790000001' },
  { id: 2, status: 'draft', ticketNumber: null, promotionId: '1790000002' },
  { id: 3, status: 'refunded', ticketNumber: null, promotionId: '1790000002' },
  { id: 4, status: 'draft', ticketNumber: null, promotionId: '12' },
];

describe('matchClaim', () => {
  it('trusts the ticket number first, then the claim ID, then the promotion ID', () => {
    expect(matchClaim('Re: [RC-0002] ticket 7301928374', '', CLAIMS)).toEqual({ id: 1, by: 'ticket', ambiguous: [] });
    expect(matchClaim('Your request [RC-0002]', 'promotion 1790000001', CLAIMS)).toEqual({
      id: 2,
      by: 'claim-id',
      ambiguous: [],
    });
    expect(matchClaim('Question', 'About campaign 1790000001.', CLAIMS)).toEqual({
      id: 1,
      by: 'promotion-id',
      ambiguous: [],
    });
  });

  it('prefers an open claim to a closed one, and guesses none of several', () => {
    expect(matchClaim('About 1790000002', '', CLAIMS).id).toBe(2);
    const twins = [...CLAIMS, { id: 5, status: 'submitted' as const, ticketNumber: null, promotionId: '1790000002' }];
    expect(matchClaim('About 1790000002', '', twins)).toEqual({ id: null, by: null, ambiguous: [2, 5] });
  });

  it('never matches a number inside a longer one, nor a promotion ID too short to mean anything', () => {
    expect(matchClaim('Invoice 17300000012345', 'order 73019283745', CLAIMS).id).toBeNull();
    expect(matchClaim('Top 12 tips', '', CLAIMS).id).toBeNull();
    expect(matchClaim('[RC-0099]', '', CLAIMS).id).toBeNull();
  });

  it('reads claim IDs in any spelling the tool accepts', () => {
    expect(claimIdsIn('[RC-0007] and rc-12, RC7, not ARC-9')).toEqual([7, 12]);
  });
});

describe('propose', () => {
  it('is at least 0.9 sure of a clear phrase matched by ticket or claim ID, below 0.8 by promotion ID', () => {
    const approval = { step: 'approved' as const, detail: 'USD 200.00', confidence: 0.95 };
    expect(propose(approval, 'ticket', 'submitted')).toEqual({
      step: 'approved',
      detail: 'USD 200.00',
      confidence: 0.95,
    });
    expect(propose(approval, 'claim-id', 'submitted').confidence).toBeGreaterThanOrEqual(0.9);
    expect(propose(approval, 'promotion-id', 'submitted').confidence).toBeLessThan(0.8);
    expect(propose({ step: null, detail: null, confidence: 1 }, 'claim-id', 'submitted')).toEqual({
      step: 'message',
      detail: null,
      confidence: 0.95,
    });
  });

  it('proposes a step only where the status allows it: a ticket number only while draft', () => {
    const ack = { step: 'submit' as const, detail: '7301928374', confidence: 0.95 };
    expect(propose(ack, 'claim-id', 'draft').step).toBe('submit');
    expect(propose(ack, 'claim-id', 'submitted')).toEqual({ step: 'message', detail: null, confidence: 0.95 });
    const info = { step: 'info-requested' as const, detail: null, confidence: 0.9 };
    expect(propose(info, 'ticket', 'draft').step).toBe('message');
    expect(propose({ ...info, confidence: 0.6 }, 'ticket', 'submitted').confidence).toBe(0.6);
  });
});
