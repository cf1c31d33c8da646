import { describe, expect, it } from 'vitest';
import type { ClaimEvent, EventDataByType, EventType, Status } from '../../../src/domain/claim.js';
import { dueState, nextAction, reminderDue } from '../../../src/domain/deadlines.js';

let seq = 0;
const at = <T extends EventType>(on: string, type: T, data: EventDataByType[T]): ClaimEvent<T> => ({
  seq: ++seq,
  type,
  on,
  recordedAt: `${on}T09:00:00Z`,
  note: null,
  actor: null,
  data,
});
const support = (on: string, infoRequested = false) =>
  at(on, 'message', { from: 'support', message: 'x', infoRequested });
const mine = (on: string) => at(on, 'message', { from: 'me', message: 'x' });

// November 2026: Mon 2, Fri 6, Mon 9, Fri 13, Mon 16, Fri 20, Mon 23, Fri 27, Mon 30; Tue 1 Dec.
const created = at('2026-11-02', 'created', {});
const next = (status: Status, events: ClaimEvent[], fileBy: string | null = null, createdOn = '2026-11-02') =>
  nextAction({ status, reason: 'incorrect-charge', createdOn, fileBy, events: [created, ...events] });

describe('next action and due date', () => {
  it.each<[string, Status, ClaimEvent[], string | null, string, string]>([
    ['draft: created + 2 business days', 'draft', [], null, 'submit', '2026-11-04'],
    ['draft: over a weekend', 'draft', [], null, 'submit', '2026-11-10'],
    ['draft: the filing deadline when known', 'draft', [], '2026-11-30', 'submit', '2026-11-30'],
    [
      'submitted: filed + 3 business days',
      'submitted',
      [at('2026-11-05', 'submitted', {})],
      null,
      'followup',
      '2026-11-10',
    ],
    [
      'submitted: a support message resets the clock',
      'submitted',
      [at('2026-11-05', 'submitted', {}), support('2026-11-12')],
      null,
      'followup',
      '2026-11-17',
    ],
    [
      'submitted: my own message counts as contact',
      'submitted',
      [at('2026-11-05', 'submitted', {}), mine('2026-11-09')],
      null,
      'followup',
      '2026-11-12',
    ],
    [
      'submitted: one follow-up moves the clock',
      'submitted',
      [at('2026-11-05', 'submitted', {}), at('2026-11-10', 'followup-sent', {})],
      null,
      'followup',
      '2026-11-13',
    ],
    [
      'submitted: two unanswered follow-ups → escalate',
      'submitted',
      [at('2026-11-05', 'submitted', {}), at('2026-11-10', 'followup-sent', {}), at('2026-11-13', 'followup-sent', {})],
      null,
      'escalate',
      '2026-11-18',
    ],
    [
      'submitted: a support answer after two follow-ups cancels the escalation',
      'submitted',
      [
        at('2026-11-05', 'submitted', {}),
        at('2026-11-10', 'followup-sent', {}),
        at('2026-11-13', 'followup-sent', {}),
        support('2026-11-16'),
      ],
      null,
      'followup',
      '2026-11-19',
    ],
    [
      'submitted: an escalation sent and unanswered → a follow-up on it, 5 business days later',
      'submitted',
      [
        at('2026-11-05', 'submitted', {}),
        at('2026-11-10', 'followup-sent', {}),
        at('2026-11-13', 'followup-sent', {}),
        at('2026-11-18', 'escalation-sent', {}),
      ],
      null,
      'followup',
      '2026-11-25',
    ],
    [
      'submitted: each follow-up on the escalation moves the clock 5 business days, never escalating again',
      'submitted',
      [
        at('2026-11-05', 'submitted', {}),
        at('2026-11-10', 'followup-sent', {}),
        at('2026-11-13', 'followup-sent', {}),
        at('2026-11-18', 'escalation-sent', {}),
        at('2026-11-25', 'followup-sent', {}),
        at('2026-12-02', 'followup-sent', {}),
      ],
      null,
      'followup',
      '2026-12-09',
    ],
    [
      'appealed: an escalation of the appeal, unanswered → a follow-up on it',
      'appealed',
      [
        at('2026-11-05', 'appeal-sent', {}),
        at('2026-11-10', 'followup-sent', {}),
        at('2026-11-13', 'followup-sent', {}),
        at('2026-11-19', 'escalation-sent', {}),
      ],
      null,
      'followup',
      '2026-11-26',
    ],
    [
      'submitted: support answering the escalation starts a new round',
      'submitted',
      [
        at('2026-11-05', 'submitted', {}),
        at('2026-11-10', 'followup-sent', {}),
        at('2026-11-13', 'followup-sent', {}),
        at('2026-11-18', 'escalation-sent', {}),
        support('2026-11-20'),
      ],
      null,
      'followup',
      '2026-11-25',
    ],
    [
      'submitted: across a month boundary',
      'submitted',
      [at('2026-11-27', 'submitted', {})],
      null,
      'followup',
      '2026-12-02',
    ],
    [
      'info-requested: request + 2 business days',
      'info-requested',
      [at('2026-11-05', 'submitted', {}), support('2026-11-12', true)],
      null,
      'reply',
      '2026-11-16',
    ],
    [
      'appealed: appeal sent + 3 business days, follow-ups before it do not count',
      'appealed',
      [
        at('2026-11-03', 'submitted', {}),
        at('2026-11-06', 'followup-sent', {}),
        at('2026-11-11', 'followup-sent', {}),
        at('2026-11-12', 'decision', { decision: 'denied' }),
        at('2026-11-13', 'appeal-sent', {}),
      ],
      null,
      'followup',
      '2026-11-18',
    ],
    [
      'approved: decision + 30 days',
      'approved',
      [at('2026-11-05', 'submitted', {}), at('2026-11-12', 'decision', { decision: 'approved' })],
      null,
      'confirm-refund',
      '2026-12-12',
    ],
    [
      'partially approved: --expect-by when given',
      'partially-approved',
      [at('2026-11-12', 'decision', { decision: 'partially-approved', expectBy: '2026-11-30' })],
      null,
      'confirm-refund',
      '2026-11-30',
    ],
    [
      'denied: decision + 7 days',
      'denied',
      [at('2026-11-27', 'decision', { decision: 'denied' })],
      null,
      'appeal',
      '2026-12-04',
    ],
    [
      'denied: --appeal-by when given',
      'denied',
      [at('2026-11-12', 'decision', { decision: 'denied', appealBy: '2026-11-14' })],
      null,
      'appeal',
      '2026-11-14',
    ],
  ])('%s', (name, status, events, fileBy, action, due) => {
    const createdOn = name.includes('weekend') ? '2026-11-06' : '2026-11-02';
    expect(next(status, events, fileBy, createdOn)).toEqual({ action, due });
  });

  it.each(['refunded', 'credited', 'rejected', 'withdrawn'] as const)('%s: nothing more to do', (status) => {
    expect(next(status, [at('2026-11-12', 'closed', { outcome: status })])).toBeNull();
  });

  it('orders by the day things happened, whatever order they were recorded in', () => {
    // The follow-up was recorded first but happened after support's reply.
    const events = [
      at('2026-11-05', 'submitted', {}),
      at('2026-11-13', 'followup-sent', {}),
      support('2026-11-10'),
      at('2026-11-16', 'followup-sent', {}),
    ];
    expect(next('submitted', events)).toEqual({ action: 'escalate', due: '2026-11-19' });
  });
});

describe('the reminder due', () => {
  const claim = (status: Status, events: ClaimEvent[]) => ({
    status,
    reason: 'incorrect-charge' as const,
    createdOn: '2026-11-02',
    fileBy: null,
    events,
  });
  const filed = at('2026-11-05', 'submitted', {});

  it('is a follow-up until two follow-ups go unanswered, then an escalation', () => {
    const chasers = [at('2026-11-10', 'followup-sent', {}), at('2026-11-13', 'followup-sent', {})];
    expect(reminderDue(claim('submitted', [filed]))).toBe('followup');
    expect(reminderDue(claim('submitted', [filed, ...chasers.slice(0, 1)]))).toBe('followup');
    expect(reminderDue(claim('submitted', [filed, ...chasers]))).toBe('escalation');
    expect(reminderDue(claim('appealed', [filed, at('2026-11-06', 'appeal-sent', {}), ...chasers]))).toBe('escalation');
  });

  it('is a follow-up on the escalation once it is sent', () => {
    const events = [
      filed,
      at('2026-11-10', 'followup-sent', {}),
      at('2026-11-13', 'followup-sent', {}),
      at('2026-11-18', 'escalation-sent', {}),
    ];
    expect(reminderDue(claim('submitted', events))).toBe('followup');
    expect(reminderDue(claim('submitted', [...events, at('2026-11-25', 'followup-sent', {})]))).toBe('followup');
  });

  it('is a follow-up again once support answers', () => {
    const events = [
      filed,
      at('2026-11-10', 'followup-sent', {}),
      at('2026-11-13', 'followup-sent', {}),
      support('2026-11-16'),
    ];
    expect(reminderDue(claim('submitted', events))).toBe('followup');
  });
});

describe('due labels', () => {
  it.each([
    ['2026-11-18', 'overdue 2d', true, -2],
    ['2026-11-20', 'due today', false, 0],
    ['2026-11-23', 'in 3d', false, 3],
  ])('%s is %s', (due, label, overdue, daysLeft) => {
    expect(dueState(due, '2026-11-20')).toEqual({ label, overdue, daysLeft });
  });
});

describe('refund expected after an approval', () => {
  it('is 30 days after the decision, 60 for an unspent balance (TikTok says about 60 days)', () => {
    const decided = [at('2026-11-05', 'submitted', {}), at('2026-11-10', 'decision', { decision: 'approved' })];
    const due = (reason: 'incorrect-charge' | 'unspent-balance') =>
      nextAction({ status: 'approved', reason, createdOn: '2026-11-02', fileBy: null, events: [created, ...decided] });
    expect(due('incorrect-charge')).toEqual({ action: 'confirm-refund', due: '2026-12-10' });
    expect(due('unspent-balance')).toEqual({ action: 'confirm-refund', due: '2027-01-09' });
  });
});
