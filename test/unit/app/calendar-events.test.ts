import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  CALENDAR_NAME,
  calendarEntry,
  cancelledEntry,
  exportCalendar,
  sequenceEntries,
} from '../../../src/app/calendar-events.js';
import type { CalendarDraft } from '../../../src/app/calendar-events.js';
import { recordStep } from '../../../src/app/record-event.js';
import { fakeCalendar, savedClaim, useCaseDeps } from '../../helpers/use-case-deps.js';

async function setup() {
  const deps = useCaseDeps();
  // RC-0001: filed on Monday 16 Nov, recorded the next day; a follow-up is due Thursday the 19th.
  const { id } = await savedClaim(deps.store);
  const nextDay = { ...deps, clock: { now: () => new Date('2026-11-21T09:30:00Z') } };
  await recordStep(nextDay, id, { type: 'submitted', on: '2026-11-16', note: null, data: { ticket: 'T-1' } });
  // RC-0002: a creator claim, due on its filing deadline.
  await savedClaim(deps.store, {
    channel: 'creator',
    reason: 'creator-no-delivery',
    advertiserId: null,
    promotionName: null,
    fileBy: '2026-11-25',
  });
  // RC-0003: closed, so nothing is due.
  await savedClaim(deps.store, {}, [
    { type: 'submitted', on: '2026-11-18', data: { ticket: 'T-3' } },
    { type: 'closed', on: '2026-11-19', data: { outcome: 'withdrawn' } },
  ]);
  return deps;
}

describe('calendarEntry', () => {
  it('makes one all-day entry on the due day, under one UID per claim', async () => {
    const deps = await setup();
    const claim = await deps.store.getClaim(1);
    expect(claim && calendarEntry(claim, '2026-11-18')).toEqual({
      uid: 'RC-0001@refund-claim',
      date: '2026-11-19',
      summary: 'RC-0001: follow up with support (ticket T-1) · Acme Shoes',
      description: [
        'RC-0001: follow up with support, due 19 Nov 2026 (2026-11-19).',
        '',
        'Claim: RC-0001 (submitted), incorrect-charge on tiktok-ads',
        'Account: Acme Shoes (advertiser 7012345678901)',
        'Promotion: 1790000001 (Summer sale)',
        'Requested: USD 200.00',
        'Ticket: T-1',
        '',
        'Next step:',
        '  refund-claim followup RC-0001',
        '  refund-claim followup RC-0001 --sent',
      ].join('\n'),
      lastModified: '2026-11-21T09:30:00.000Z',
      cancelled: false,
    });
  });

  it('puts an overdue action on today, saying how late it is', async () => {
    const claim = await (await setup()).store.getClaim(1);
    const entry = claim && calendarEntry(claim, '2026-11-23');
    expect(entry).toMatchObject({
      date: '2026-11-23',
      summary: 'OVERDUE 4d RC-0001: follow up with support (ticket T-1) · Acme Shoes',
    });
    expect(entry?.description.split('\n')[0]).toBe(
      'RC-0001: follow up with support, due 19 Nov 2026 (2026-11-19), 4 days overdue.',
    );
  });

  it('leaves out what a claim does not have', async () => {
    const deps = await setup();
    const claim = await deps.store.getClaim(2);
    const entry = claim && calendarEntry(claim, '2026-11-20');
    expect(entry).toMatchObject({
      uid: 'RC-0002@refund-claim',
      date: '2026-11-25',
      summary: 'RC-0002: send the request to the creator · Acme Shoes',
      lastModified: '2026-11-20T12:00:00.000Z',
    });
    expect(entry?.description.split('\n').slice(3, 6)).toEqual([
      'Account: Acme Shoes',
      'Promotion: 1790000001',
      'Requested: USD 200.00',
    ]);
    expect(entry?.description).not.toContain('Ticket:');
  });

  it('makes none for a closed claim, but a cancelled one while it closed recently', async () => {
    const claim = await (await setup()).store.getClaim(3);
    if (!claim) throw new Error('no RC-0003');
    expect(calendarEntry(claim, '2026-11-20')).toBeNull();
    expect(cancelledEntry(claim, '2026-11-19')).toMatchObject({
      uid: 'RC-0003@refund-claim',
      date: '2026-11-19',
      cancelled: true,
    });
    expect(cancelledEntry(claim, '2026-11-20')).toBeNull();
  });
});

describe('sequenceEntries', () => {
  const draft = (uid: string, date: string): CalendarDraft => ({
    uid,
    date,
    summary: 's',
    description: 'd',
    lastModified: '2026-11-20T12:00:00.000Z',
    cancelled: false,
  });

  it('starts at 0, keeps the number while the content stays, and raises it by one when it changes', () => {
    const first = sequenceEntries([draft('a', '2026-11-20')], [], []);
    expect(first.entries.map((e) => e.sequence)).toEqual([0]);
    expect(first.changed).toEqual([{ uid: 'a', fingerprint: 'open\n2026-11-20\ns', sequence: 0 }]);
    const same = sequenceEntries([draft('a', '2026-11-20')], [], first.changed);
    expect(same).toEqual({ entries: first.entries, changed: [] });
    const moved = sequenceEntries([draft('a', '2026-11-21')], [], first.changed);
    expect(moved.entries.map((e) => e.sequence)).toEqual([1]);
    // Back to an earlier content is still a change: the number never goes down.
    const back = sequenceEntries([draft('a', '2026-11-20')], [], moved.changed);
    expect(back.entries.map((e) => e.sequence)).toEqual([2]);
  });

  it("writes version 1's cancellations only while the store has no mark of them", () => {
    const old = { ...draft('RC-0001-submit@refund-claim', '2026-11-20'), cancelled: true, baseSequence: 4 };
    const first = sequenceEntries([], [old], []);
    expect(first.entries.map((e) => [e.uid, e.sequence])).toEqual([['RC-0001-submit@refund-claim', 5]]);
    expect(sequenceEntries([], [old], first.changed)).toEqual({ entries: [], changed: [] });
  });
});

describe('buildCalendar and exportCalendar', () => {
  it('holds the open claims, soonest due first, stamped by the clock', async () => {
    const calendar = await buildCalendar(await setup());
    expect(calendar.name).toBe(CALENDAR_NAME);
    expect(calendar.stamp).toEqual(new Date('2026-11-20T12:00:00Z'));
    // RC-0001 was due yesterday: it is on today. RC-0003 closed yesterday: cancelled.
    expect(calendar.entries.map((entry) => [entry.uid, entry.date, entry.sequence, entry.cancelled])).toEqual([
      ['RC-0001@refund-claim', '2026-11-20', 0, false],
      ['RC-0002@refund-claim', '2026-11-25', 0, false],
      ['RC-0003@refund-claim', '2026-11-19', 0, true],
    ]);
  });

  it('hands the writer that calendar and counts its entries', async () => {
    const deps = await setup();
    const writer = fakeCalendar();
    const { text, count, cancelled } = await exportCalendar({ ...deps, writer });
    expect([count, cancelled]).toEqual([2, 1]);
    expect(text).toBe('refund-claim: next actions: 3 entries');
    expect(writer.calls).toEqual([await buildCalendar(deps)]);
  });
});
