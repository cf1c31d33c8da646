import { describe, expect, it } from 'vitest';
import { formatTimeline, timelineEntries } from '../../../src/app/timeline.js';
import type { ClaimEvent, EventDataByType, EventType } from '../../../src/domain/claim.js';

/** Any event's data: these tests build events of every type from a table. */
type EventData = EventDataByType[EventType];
import { claim } from '../../helpers/claims.js';

let seq = 0;
const event = (type: EventType, on: string, data: EventData = {}, note: string | null = null): ClaimEvent =>
  ({ seq: ++seq, type, on, recordedAt: '2026-11-20T12:00:00.000Z', note, data }) as ClaimEvent;

/** The claim's one line for a single event; requested USD 200.00, recovered USD 150.00. */
const titleOf = (type: EventType, data: EventData = {}): string | undefined =>
  timelineEntries(claim({ recovered: 15000, events: [event(type, '2026-11-20', data)] }))[0]?.title;

describe('timelineEntries and formatTimeline', () => {
  it('tells the story by date, same-day steps in recorded order, with bodies and notes beneath', () => {
    const events = [
      event('created', '2026-11-01'),
      event('submitted', '2026-11-02', { ticket: 'T-1' }),
      event(
        'message',
        '2026-11-05',
        { from: 'support', infoRequested: true, message: 'Send the invoice.\nAnd the page.' },
        'by email',
      ),
      // Recorded later, but it happened first.
      event('message', '2026-11-04', { from: 'me', message: 'Any news?' }),
      event('decision', '2026-11-10', { decision: 'partially-approved', amount: 12000, reason: 'Only part' }),
      event('closed', '2026-11-10', { outcome: 'credited', amount: null }),
    ];
    const text = formatTimeline(timelineEntries(claim({ recovered: 12000, events })));
    expect(text).toBe(
      [
        '2026-11-01  Claim drafted',
        '2026-11-02  Ticket filed with support (ticket T-1)',
        '2026-11-04  I wrote to support',
        '            > Any news?',
        '2026-11-05  Support asked for more information',
        '            > Send the invoice.',
        '            > And the page.',
        '            Note: by email',
        '2026-11-10  Decision: partially approved: USD 120.00 (reason given: Only part)',
        '2026-11-10  Closed: credited, USD 120.00 recovered',
      ].join('\n'),
    );
  });

  it.each<[EventType, EventData, string]>([
    ['edited', { fields: ['description', 'requested'] }, 'Details corrected: description, requested'],
    ['evidence-added', { evidence: [3, 4] }, 'Evidence added: #3, #4'],
    ['submitted', {}, 'Ticket filed with support'],
    ['message', { from: 'support', message: 'Hi' }, 'Support wrote'],
    ['followup-sent', {}, 'Follow-up sent'],
    ['escalation-sent', {}, 'Escalation sent'],
    ['decision', { decision: 'approved', amount: null }, 'Decision: approved: USD 200.00'],
    ['decision', { decision: 'denied', reason: 'Too late' }, 'Decision: denied (reason given: Too late)'],
    ['appeal-sent', {}, 'Appeal sent'],
    ['closed', { outcome: 'refunded', amount: 9000 }, 'Closed: refunded, USD 90.00 recovered'],
    ['closed', { outcome: 'refunded', amount: null }, 'Closed: refunded, USD 150.00 recovered'],
    ['closed', { outcome: 'withdrawn' }, 'Closed: withdrawn'],
  ])('describes %s %j as "%s"', (type, data, title) => {
    expect(titleOf(type, data)).toBe(title);
  });

  it('gives a body only to messages', () => {
    const [entry] = timelineEntries(claim({ events: [event('followup-sent', '2026-11-20', { message: 'x' })] }));
    expect(entry).toEqual({ on: '2026-11-20', type: 'followup-sent', title: 'Follow-up sent', body: null, note: null });
  });
});
