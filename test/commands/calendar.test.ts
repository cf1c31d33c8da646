import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { claimFlags, dataDirOf, promoteFlags } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { buildEveryStatus } from '../helpers/every-status.js';
import { tempDir } from '../helpers/temp.js';

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  startIsDate: boolean;
  end: string;
  sequence: number;
  status: string;
  alarms: { action: string; trigger: string; related: string | null }[];
}

/** Reads an .ics file with ical.js, a reader that shares nothing with the writer. */
function readCalendar(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      startIsDate: event.startDate.isDate,
      end: event.endDate.toString(),
      sequence: event.sequence,
      status: String(component.getFirstPropertyValue('status')),
      alarms: component.getAllSubcomponents('valarm').map((alarm) => {
        const trigger = alarm.getFirstProperty('trigger');
        return {
          action: String(alarm.getFirstPropertyValue('action')),
          trigger: String(trigger?.getFirstValue()),
          related: (trigger?.getParameter('related') as string | undefined) ?? null,
        };
      }),
    };
  });
  return { calendar, events };
}

const at = (day: string): string => `${day}T12:00:00.000Z`;

describe('calendar', () => {
  it('prints one all-day event per open claim under one UID per claim, overdue ones on today', async () => {
    const home = tempDir();
    await buildEveryStatus(home);
    // Run on Friday 20 November 2026.
    const result = await runCli(['calendar'], { home });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      'Wrote 7 events and 4 cancellations (removing old events) to standard output. Import it into your calendar app; importing a newer file updates the events.\n',
    );
    expect(existsSync(join(home, 'refund-claim.ics'))).toBe(false);
    const text = result.stdout;
    const { calendar, events } = readCalendar(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//refund-claim//refund-claim//EN');
    const open = events.filter((e) => e.status !== 'CANCELLED');
    // The seven open statuses, soonest first: what was due before today is on today, saying so.
    expect(open.map((e) => [e.uid, e.start, e.end, e.summary.split(':')[0]])).toEqual([
      ['RC-0001@refund-claim', '2026-11-20', '2026-11-21', 'OVERDUE 17d RC-0001'],
      ['RC-0002@refund-claim', '2026-11-20', '2026-11-21', 'OVERDUE 7d RC-0002'],
      ['RC-0003@refund-claim', '2026-11-20', '2026-11-21', 'OVERDUE 2d RC-0003'],
      ['RC-0007@refund-claim', '2026-11-20', '2026-11-21', 'OVERDUE 4d RC-0007'],
      ['RC-0006@refund-claim', '2026-11-25', '2026-11-26', 'RC-0006'],
      ['RC-0004@refund-claim', '2026-12-15', '2026-12-16', 'RC-0004'],
      ['RC-0005@refund-claim', '2026-12-17', '2026-12-18', 'RC-0005'],
    ]);
    expect(events.every((e) => e.startIsDate)).toBe(true);
    expect(text).toContain('DTSTART;VALUE=DATE:20261120\r\n');
    // The reminder: 09:00 on the event's own day, so an overdue action's fires this morning.
    for (const event of open) {
      expect(event.alarms).toEqual([{ action: 'DISPLAY', trigger: 'PT9H', related: 'START' }]);
      expect(event.sequence).toBe(0);
    }
    const followup = open.find((e) => e.uid === 'RC-0002@refund-claim');
    expect(followup?.summary).toBe('OVERDUE 7d RC-0002: follow up with support (ticket T-2) · Acme Shoes');
    expect(followup?.description).toBe(
      [
        'RC-0002: follow up with support, due 13 Nov 2026 (2026-11-13), 7 days overdue.',
        '',
        'Claim: RC-0002 (submitted), incorrect-charge on tiktok-ads',
        'Account: Acme Shoes (advertiser 7012345678901)',
        'Promotion: 1790000002 (Summer sale)',
        'Requested: USD 200.00',
        'Ticket: T-2',
        '',
        'Next step:',
        '  refund-claim followup RC-0002',
        '  refund-claim followup RC-0002 --sent',
      ].join('\n'),
    );
    // The four closed claims (all within 90 days) come cancelled, with no reminder.
    const cancelled = events.filter((e) => e.status === 'CANCELLED');
    expect(cancelled.map((e) => e.uid)).toEqual([
      'RC-0008@refund-claim',
      'RC-0009@refund-claim',
      'RC-0010@refund-claim',
      'RC-0011@refund-claim',
    ]);
    for (const event of cancelled) expect(event.alarms).toEqual([]);
    // Every line ends CRLF and is at most 75 octets (RFC 5545 §3.1).
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('folds long lines without breaking UTF-8 characters, and reads back the same text', async () => {
    const home = tempDir();
    const name = `Campagne d'été — ${'éèêë ☀️ 日本語のテキスト '.repeat(8)}fin`;
    await runCli(
      claimFlags({ '--promotion-name': name, '--account-name': 'Société Générale des Chaussures Ünïcödé' }),
      {
        home,
      },
    );
    const result = await runCli(['calendar', '--out', '-'], { home });
    expect(result.code).toBe(0);
    const raw = Buffer.from(result.stdout, 'utf8');
    // Folded lines are valid UTF-8 on their own: no character is cut in half.
    const lines = result.stdout.split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(raw.toString('utf8')).toBe(result.stdout);
    const [event] = readCalendar(result.stdout).events;
    expect(event?.description).toContain(`Promotion: 1790000001 (${name})`);
    expect(event?.description).toContain('Account: Société Générale des Chaussures Ünïcödé (advertiser 7012345678901)');
  });

  it('keeps the UID as the action and date change, and raises SEQUENCE so a re-import moves the event', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home, now: at('2026-11-02') });
    await runCli(['submit', '1', '--ticket', '7301', '--on', '2026-11-03'], { home, now: at('2026-11-03') });
    const calendarOn = async (day: string) => {
      const result = await runCli(['calendar'], { home, now: at(day) });
      expect(result.code, result.stderr).toBe(0);
      return readCalendar(result.stdout).events.map((e) => [e.uid, e.start, e.sequence, e.status]);
    };
    const first = await calendarOn('2026-11-03');
    expect(first).toEqual([['RC-0001@refund-claim', '2026-11-06', 0, 'CONFIRMED']]);
    // The same content again: the same SEQUENCE (nothing to move).
    expect(await calendarOn('2026-11-04')).toEqual(first);
    await runCli(['followup', '1', '--sent', '--on', '2026-11-06'], { home, now: at('2026-11-06') });
    expect(await calendarOn('2026-11-06')).toEqual([['RC-0001@refund-claim', '2026-11-11', 1, 'CONFIRMED']]);
    // Overdue, it moves day by day, and SEQUENCE goes up each day it moves.
    expect(await calendarOn('2026-11-12')).toEqual([['RC-0001@refund-claim', '2026-11-12', 2, 'CONFIRMED']]);
    expect(await calendarOn('2026-11-13')).toEqual([['RC-0001@refund-claim', '2026-11-13', 3, 'CONFIRMED']]);
    // A new action: the same event, moved again.
    await runCli(['decision', '1', 'denied', '--on', '2026-11-13'], { home, now: at('2026-11-13') });
    expect(await calendarOn('2026-11-13')).toEqual([['RC-0001@refund-claim', '2026-11-20', 4, 'CONFIRMED']]);
    // Closed: cancelled, with a higher SEQUENCE still, for 90 days; then left out.
    await runCli(['close', '1', '--outcome', 'withdrawn', '--on', '2026-11-14'], { home, now: at('2026-11-14') });
    expect(await calendarOn('2026-11-14')).toEqual([['RC-0001@refund-claim', '2026-11-14', 5, 'CANCELLED']]);
    expect(await calendarOn('2027-02-12')).toEqual([['RC-0001@refund-claim', '2026-11-14', 5, 'CANCELLED']]);
    expect(await calendarOn('2027-02-13')).toEqual([]);
  });

  it('imported twice, the newer file replaces the event: same UID, higher SEQUENCE, one event left', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home, now: at('2026-11-02') });
    const older = (await runCli(['calendar'], { home, now: at('2026-11-02') })).stdout;
    await runCli(['submit', '1', '--ticket', '7301', '--on', '2026-11-03'], { home, now: at('2026-11-03') });
    const newer = (await runCli(['calendar'], { home, now: at('2026-11-03') })).stdout;
    // A calendar app's import, simulated: events keyed by UID, a higher SEQUENCE replaces.
    const imported = new Map<string, ParsedEvent>();
    for (const file of [older, newer, older]) {
      for (const event of readCalendar(file).events) {
        const held = imported.get(event.uid);
        if (!held || event.sequence > held.sequence) imported.set(event.uid, event);
      }
    }
    expect([...imported.values()].map((e) => [e.uid, e.start, e.summary])).toEqual([
      ['RC-0001@refund-claim', '2026-11-06', 'RC-0001: follow up with support (ticket 7301) · Acme Shoes'],
    ]);
  });

  it('cancels the per-action UIDs of version 1 once, for the claims drafted under it', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home, now: at('2026-11-02') });
    await runCli(['submit', '1', '--ticket', '7301', '--on', '2026-11-03'], { home, now: at('2026-11-03') });
    await runCli(claimFlags({ '--promotion-id': '1790000002' }), { home, now: at('2026-11-03') });
    // Claim 1 as version 1 drafted it (the facts migration marks those claims 1).
    const db = new Database(join(dataDirOf(home), 'claims.db'));
    db.prepare('UPDATE claims SET facts_version = 1 WHERE id = 1').run();
    db.close();
    const first = readCalendar((await runCli(['calendar'], { home, now: at('2026-11-04') })).stdout).events;
    expect(first.filter((e) => e.status === 'CANCELLED').map((e) => [e.uid, e.sequence])).toEqual([
      // Above version 1's SEQUENCE, which was the claim's count of events (2 now: created, submitted).
      ['RC-0001-submit@refund-claim', 3],
      ['RC-0001-followup@refund-claim', 3],
      ['RC-0001-escalate@refund-claim', 3],
    ]);
    expect(first.filter((e) => e.status !== 'CANCELLED').map((e) => e.uid)).toEqual([
      'RC-0002@refund-claim',
      'RC-0001@refund-claim',
    ]);
    const second = readCalendar((await runCli(['calendar'], { home, now: at('2026-11-04') })).stdout).events;
    expect(second.map((e) => e.uid)).toEqual(['RC-0002@refund-claim', 'RC-0001@refund-claim']);
  });

  it('limits the calendar to one account with --account, and names close matches for an unknown one', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home });
    await runCli(promoteFlags('PRM-1'), { home });
    const maple = await runCli(['calendar', '--account', 'café lumière'], { home });
    expect(maple.code, maple.stderr).toBe(0);
    expect(readCalendar(maple.stdout).events.map((e) => e.summary)).toEqual([
      'RC-0002: file the ticket with support · Café Lumière',
    ]);
    expect(await runCli(['calendar', '--account', 'Cafe Lumiere'], { home })).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: No saved account matches --account "Cafe Lumiere".\n' +
        '  Did you mean "Café Lumière"? Run `refund-claim accounts` for the list.\n',
    });
  });

  it('puts an event on the due day whatever the time zone', async () => {
    const home = tempDir();
    await runCli([...claimFlags(), '--file-by', '2026-11-27'], { home });
    for (const TZ of ['Pacific/Auckland', 'America/Los_Angeles', 'UTC']) {
      const result = await runCli(['calendar', '--out', '-'], { home, env: { TZ } });
      expect(
        readCalendar(result.stdout).events.map((e) => e.start),
        TZ,
      ).toEqual(['2026-11-27']);
    }
  });

  it('writes an empty calendar when nothing is open, --out to a file, and refuses a missing directory', async () => {
    const home = tempDir();
    const result = await runCli(['calendar'], { home });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('No open claims: wrote an empty calendar to standard output.\n');
    expect(readCalendar(result.stdout).events).toEqual([]);
    const bad = await runCli(['calendar', '--out', join(home, 'nope', 'x.ics')], { home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the directory');
    const dir = await runCli(['calendar', '--out', home], { home });
    expect(dir.code).toBe(2);
    writeFileSync(join(home, 'old.ics'), 'old');
    const out = await runCli(['calendar', '--out', 'old.ics'], { home });
    expect(out).toMatchObject({ code: 0, stdout: '' });
    expect(out.stderr).toBe('No open claims: wrote an empty calendar to old.ics.\n');
    expect(readFileSync(join(home, 'old.ics'), 'utf8')).toContain('BEGIN:VCALENDAR');
  });
});
