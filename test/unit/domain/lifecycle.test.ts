import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../../src/domain/claim.js';
import type { ClaimEvent, EventDataByType, EventType, Status } from '../../../src/domain/claim.js';
import { UserError } from '../../../src/domain/errors.js';
import {
  assertMoveAllowed,
  assertStepFits,
  decisionProblem,
  foldEvents,
  MOVES,
} from '../../../src/domain/lifecycle.js';
import type { Move } from '../../../src/domain/lifecycle.js';

/** The whole transition table, written out: which move fits which status. */
const ALLOWED: Record<Move, readonly Status[]> = {
  submit: ['draft'],
  log: ['draft', 'submitted', 'info-requested', 'approved', 'partially-approved', 'denied', 'appealed'],
  'request-info': ['submitted', 'info-requested', 'appealed'],
  followup: ['submitted', 'appealed'],
  decision: ['submitted', 'info-requested', 'appealed'],
  appeal: ['denied', 'partially-approved'],
  'close-paid': ['submitted', 'info-requested', 'appealed', 'approved', 'partially-approved'],
  'close-rejected': ['denied'],
  'close-withdrawn': ['draft', 'submitted', 'info-requested', 'approved', 'partially-approved', 'denied', 'appealed'],
};

const cases = (Object.keys(MOVES) as Move[]).flatMap((move) =>
  STATUSES.map((status) => [move, status, ALLOWED[move].includes(status)] as const),
);

describe('the transition table', () => {
  it.each(cases)('%s from %s: allowed=%s', (move, status, allowed) => {
    const attempt = () => assertMoveAllowed(7, status, move);
    if (allowed) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(UserError);
  });

  it('names the moves that are allowed when refusing one', () => {
    expect(() => assertMoveAllowed(7, 'draft', 'followup')).toThrow(
      'RC-0007 is draft; `followup` does not fit that status.',
    );
    try {
      assertMoveAllowed(7, 'denied', 'submit');
    } catch (error) {
      expect((error as UserError).hint).toBe(
        'Allowed now: refund-claim log RC-0007 --from support|me --message <text>; refund-claim appeal RC-0007; refund-claim close RC-0007 --outcome rejected; refund-claim close RC-0007 --outcome withdrawn',
      );
    }
    expect(() => assertMoveAllowed(7, 'refunded', 'log')).toThrow(
      expect.objectContaining({ hint: 'RC-0007 is closed; nothing more can be recorded.' }),
    );
  });
});

let seq = 0;
const event = <T extends EventType>(type: T, data: EventDataByType[T], on = '2026-11-20'): ClaimEvent<T> => ({
  seq: ++seq,
  type,
  on,
  recordedAt: '2026-11-20T12:00:00Z',
  note: null,
  actor: null,
  data,
});

describe('folding events into the claim state', () => {
  const requested = 20000;
  it.each<[string, ClaimEvent[], Partial<ReturnType<typeof foldEvents>>]>([
    ['a new claim', [event('created', {})], { status: 'draft', ticketNumber: null }],
    [
      'a filed ticket',
      [event('created', {}), event('submitted', { ticket: 'T-9' })],
      { status: 'submitted', ticketNumber: 'T-9' },
    ],
    [
      'a request for information, then the reply',
      [event('submitted', { ticket: 'T' }), event('message', { from: 'support', infoRequested: true })],
      { status: 'info-requested' },
    ],
    [
      'a reply returns to submitted',
      [
        event('submitted', { ticket: 'T' }),
        event('message', { from: 'support', infoRequested: true }),
        event('message', { from: 'me' }),
      ],
      { status: 'submitted' },
    ],
    [
      'a reply during an appeal returns to appealed',
      [
        event('submitted', { ticket: 'T' }),
        event('decision', { decision: 'denied' }),
        event('appeal-sent', {}),
        event('message', { from: 'support', infoRequested: true }),
        event('message', { from: 'me' }),
      ],
      { status: 'appealed' },
    ],
    [
      'approval defaults to the requested amount',
      [event('submitted', {}), event('decision', { decision: 'approved' })],
      { status: 'approved', approved: requested },
    ],
    [
      'a partial approval keeps its amount, and the refund defaults to it',
      [
        event('submitted', {}),
        event('decision', { decision: 'partially-approved', amount: 12000 }),
        event('closed', { outcome: 'refunded' }),
      ],
      { status: 'refunded', approved: 12000, recovered: 12000 },
    ],
    [
      'a rejection recovers nothing',
      [event('decision', { decision: 'denied' }), event('closed', { outcome: 'rejected' })],
      { status: 'rejected', recovered: 0 },
    ],
    [
      'a credit with its own amount',
      [event('closed', { outcome: 'credited', amount: 5000 })],
      { status: 'credited', recovered: 5000 },
    ],
  ])('%s', (_, events, expected) => {
    expect(foldEvents(events, requested)).toMatchObject(expected);
  });
});

describe('a step placed by its date', () => {
  const history = [event('created', {}, '2026-11-02'), event('submitted', { ticket: 'T' }, '2026-11-03')];

  it('fits when the status on its date allows it, even if recorded late', () => {
    const reply = event('message', { from: 'me' }, '2026-11-19');
    expect(() =>
      assertStepFits(
        7,
        [...history, reply],
        { type: 'message', on: '2026-11-18', data: { from: 'support', infoRequested: true } },
        100,
      ),
    ).not.toThrow();
  });

  it('is refused when it does not fit the status of its day', () => {
    expect(() =>
      assertStepFits(7, history, { type: 'decision', on: '2026-11-01', data: { decision: 'denied' } }, 100),
    ).toThrow('On 2026-11-01 RC-0007 was draft; `decision approved|partially-approved|denied` does not fit then.');
  });

  it('is refused when a later step would no longer fit after it', () => {
    const later = event('decision', { decision: 'denied' }, '2026-11-20');
    expect(() =>
      assertStepFits(7, [...history, later], { type: 'closed', on: '2026-11-10', data: { outcome: 'withdrawn' } }, 100),
    ).toThrow(
      'With this step on 2026-11-10, the decision of 2026-11-20 would no longer fit: RC-0007 would be withdrawn then.',
    );
  });
});

describe('decision rules', () => {
  const base = { requested: 20000, expectBy: null, appealBy: null };
  it.each<[Parameters<typeof decisionProblem>[0], string | null]>([
    [{ ...base, decision: 'approved', amount: null }, null],
    [{ ...base, decision: 'approved', amount: 25000 }, null],
    [{ ...base, decision: 'partially-approved', amount: 12000 }, null],
    [
      { ...base, decision: 'partially-approved', amount: null },
      'a partial approval needs --amount: how much was approved',
    ],
    [
      { ...base, decision: 'partially-approved', amount: 20000 },
      '--amount of a partial approval is less than the requested amount; record it as approved',
    ],
    [
      { ...base, decision: 'partially-approved', amount: 0 },
      '--amount of a partial approval is more than zero; record it as denied',
    ],
    [
      { ...base, decision: 'denied', amount: 5 },
      '--amount goes with approved or partially-approved; a denial approves nothing',
    ],
    [
      { ...base, decision: 'denied', amount: null, expectBy: '2026-12-01' },
      '--expect-by goes with approved or partially-approved: it is when the money should arrive',
    ],
    [
      { ...base, decision: 'approved', amount: null, appealBy: '2026-12-01' },
      '--appeal-by goes with denied: it is the last day to appeal',
    ],
  ])('%j → %s', (input, problem) => {
    expect(decisionProblem(input)).toBe(problem);
  });
});
