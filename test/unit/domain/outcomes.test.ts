import { describe, expect, it } from 'vitest';
import type { ClaimEvent, EventDataByType, EventType } from '../../../src/domain/claim.js';
import { claimOutcome } from '../../../src/domain/outcomes.js';

let seq = 0;
const event = <T extends EventType>(type: T, on: string, data: EventDataByType[T]): ClaimEvent<T> => ({
  seq: ++seq,
  type,
  on,
  recordedAt: '2026-11-20T12:00:00.000Z',
  note: null,
  actor: null,
  data,
});

describe('claimOutcome', () => {
  it('is all null for a draft', () => {
    expect(claimOutcome([event('created', '2026-11-01', {})])).toEqual({
      filedOn: null,
      decidedOn: null,
      approved: null,
      daysToDecision: null,
    });
  });

  it('counts from filing to the first answer, and approval from the latest one', () => {
    const events = [
      event('created', '2026-11-01', {}),
      event('submitted', '2026-11-02', { ticket: 'T' }),
      event('decision', '2026-11-09', { decision: 'denied' }),
      event('appeal-sent', '2026-11-10', {}),
      event('decision', '2026-11-20', { decision: 'partially-approved', amount: 100 }),
    ];
    expect(claimOutcome(events)).toEqual({
      filedOn: '2026-11-02',
      decidedOn: '2026-11-09',
      approved: true,
      daysToDecision: 7,
    });
  });

  it('takes a refund that arrived without a recorded decision as an approval on that day', () => {
    const events = [event('submitted', '2026-11-02', {}), event('closed', '2026-11-12', { outcome: 'credited' })];
    expect(claimOutcome(events)).toMatchObject({ decidedOn: '2026-11-12', approved: true, daysToDecision: 10 });
  });

  it('takes a rejection as a final no, and a withdrawal as no answer at all', () => {
    const rejected = [
      event('submitted', '2026-11-02', {}),
      event('decision', '2026-11-05', { decision: 'approved' }),
      event('decision', '2026-11-06', { decision: 'denied' }),
      event('closed', '2026-11-13', { outcome: 'rejected' }),
    ];
    expect(claimOutcome(rejected)).toMatchObject({ decidedOn: '2026-11-05', approved: false, daysToDecision: 3 });
    const withdrawn = [event('submitted', '2026-11-02', {}), event('closed', '2026-11-03', { outcome: 'withdrawn' })];
    expect(claimOutcome(withdrawn)).toMatchObject({ decidedOn: null, approved: null, daysToDecision: null });
  });

  it('orders by the day things happened, not the order they were recorded', () => {
    const events = [
      event('submitted', '2026-11-02', {}),
      event('decision', '2026-11-20', { decision: 'approved' }),
      // Recorded later, but happened first.
      event('decision', '2026-11-10', { decision: 'denied' }),
    ];
    expect(claimOutcome(events)).toMatchObject({ decidedOn: '2026-11-10', approved: true, daysToDecision: 8 });
  });
});
