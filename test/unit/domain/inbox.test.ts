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

  it('matches an old ID quoted from before an import, and never guesses between its claims', () => {
    // RC-0002 is a claim here; claim 8 was RC-0002 in another data directory, claim 9 was RC-0005.
    const renumbered: MatchCandidate[] = [
      ...CLAIMS,
      { id: 8, status: 'submitted', ticketNumber: '7301555555', promotionId: '1790000008', aliases: [2] },
      { id: 9, status: 'submitted', ticketNumber: null, promotionId: '1790000009', aliases: [5] },
    ];
    expect(matchClaim('Your request [RC-0005]', '', renumbered)).toEqual({ id: 9, by: 'claim-id', ambiguous: [] });
    // Both claims answer to RC-0002: the promotion ID the email also gives decides (the ticket number
    // decides before any claim ID is looked at).
    expect(matchClaim('Your request [RC-0002]', 'About promotion 1790000008.', renumbered)).toEqual({
      id: 8,
      by: 'claim-id',
      ambiguous: [],
    });
    expect(matchClaim('Your request [RC-0002]', 'Ticket 7301555555.', renumbered)).toEqual({
      id: 8,
      by: 'ticket',
      ambiguous: [],
    });
    expect(matchClaim('Your request [RC-0002]', 'About promotion 1790000002.', renumbered).id).toBe(2);
    // Nothing else tells them apart: both are listed, even though only one of them is open.
    expect(matchClaim('Your request [RC-0002]', 'Thanks.', renumbered)).toEqual({
      id: null,
      by: null,
      ambiguous: [2, 8],
    });
    const closedHere = renumbered.map((claim) => (claim.id === 2 ? { ...claim, status: 'refunded' as const } : claim));
    expect(matchClaim('Your request [RC-0002]', 'Thanks.', closedHere).ambiguous).toEqual([2, 8]);
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
