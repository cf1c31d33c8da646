import { describe, expect, it } from 'vitest';
import { buildCalendar, CALENDAR_NAME, calendarEntry, exportCalendar } from '../../../src/app/calendar-events.js';
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
  it('makes one all-day entry on the due day, stable by claim and action', async () => {
    const deps = await setup();
    const claim = await deps.store.getClaim(1);
    expect(claim && calendarEntry(claim)).toEqual({
      uid: 'RC-0001-followup@refund-claim',
      date: '2026-11-19',
      summary: 'RC-0001: follow up with support (ticket T-1)',
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
      sequence: 2,
      lastModified: '2026-11-21T09:30:00.000Z',
    });
  });

  it('leaves out what a claim does not have', async () => {
    const deps = await setup();
    const claim = await deps.store.getClaim(2);
    const entry = claim && calendarEntry(claim);
    expect(entry).toMatchObject({
      uid: 'RC-0002-submit@refund-claim',
      date: '2026-11-25',
      summary: 'RC-0002: send the request to the creator',
      sequence: 1,
      lastModified: '2026-11-20T12:00:00.000Z',
    });
    expect(entry?.description.split('\n').slice(3, 6)).toEqual([
      'Account: Acme Shoes',
      'Promotion: 1790000001',
      'Requested: USD 200.00',
    ]);
    expect(entry?.description).not.toContain('Ticket:');
  });

  it('makes none for a closed claim', async () => {
    const claim = await (await setup()).store.getClaim(3);
    expect(claim && calendarEntry(claim)).toBeNull();
  });
});

describe('buildCalendar and exportCalendar', () => {
  it('holds the open claims, soonest due first, stamped by the clock', async () => {
    const calendar = await buildCalendar(await setup());
    expect(calendar.name).toBe(CALENDAR_NAME);
    expect(calendar.stamp).toEqual(new Date('2026-11-20T12:00:00Z'));
    expect(calendar.entries.map((entry) => [entry.uid, entry.date])).toEqual([
      ['RC-0001-followup@refund-claim', '2026-11-19'],
      ['RC-0002-submit@refund-claim', '2026-11-25'],
    ]);
  });

  it('hands the writer that calendar and counts its entries', async () => {
    const deps = await setup();
    const writer = fakeCalendar();
    const { text, count } = await exportCalendar({ ...deps, writer });
    expect(count).toBe(2);
    expect(text).toBe('refund-claim: next actions: 2 entries');
    expect(writer.calls).toEqual([await buildCalendar(deps)]);
  });
});
