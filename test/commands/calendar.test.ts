import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { claimFlags } from '../helpers/cli.js';
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
  it('writes one all-day event per open claim, with a stable UID, a reminder and the next commands', async () => {
    const home = tempDir();
    await buildEveryStatus(home);
    const result = await runCli(['calendar'], { home });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'Wrote 7 events to refund-claim.ics. Import it into your calendar app; importing a newer file updates the events.\n',
    );
    const text = readFileSync(join(home, 'refund-claim.ics'), 'utf8');
    const { calendar, events } = readCalendar(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//refund-claim//refund-claim//EN');
    // The seven open statuses, soonest due first, each on the day its next action is due.
    expect(events.map((e) => [e.uid, e.start, e.end])).toEqual([
      ['RC-0001-submit@refund-claim', '2026-11-03', '2026-11-04'],
      ['RC-0002-followup@refund-claim', '2026-11-13', '2026-11-14'],
      ['RC-0007-followup@refund-claim', '2026-11-16', '2026-11-17'],
      ['RC-0003-reply@refund-claim', '2026-11-18', '2026-11-19'],
      ['RC-0006-appeal@refund-claim', '2026-11-25', '2026-11-26'],
      ['RC-0004-confirm-refund@refund-claim', '2026-12-15', '2026-12-16'],
      ['RC-0005-confirm-refund@refund-claim', '2026-12-17', '2026-12-18'],
    ]);
    expect(events.every((e) => e.startIsDate)).toBe(true);
    expect(text).toContain('DTSTART;VALUE=DATE:20261113\r\n');
    for (const event of events) {
      expect(event.alarms).toEqual([{ action: 'DISPLAY', trigger: '-PT15H', related: null }]);
    }
    const followup = events.find((e) => e.uid === 'RC-0002-followup@refund-claim');
    expect(followup?.summary).toBe('RC-0002: follow up with support (ticket T-2)');
    expect(followup?.description).toBe(
      [
        'RC-0002: follow up with support, due 13 Nov 2026 (2026-11-13).',
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

  it('keeps the UID when the due date moves, so a calendar updates the event', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home, now: at('2026-11-02') });
    await runCli(['submit', '1', '--ticket', '7301', '--on', '2026-11-03'], { home, now: at('2026-11-03') });
    const out = join(home, 'claims.ics');
    await runCli(['calendar', '--out', out], { home, now: at('2026-11-03') });
    const before = readCalendar(readFileSync(out, 'utf8')).events;
    await runCli(['followup', '1', '--sent', '--on', '2026-11-06'], { home, now: at('2026-11-06') });
    // Regenerated over the previous file: that is expected, not refused.
    const again = await runCli(['calendar', '--out', out], { home, now: at('2026-11-06') });
    expect(again.code).toBe(0);
    const after = readCalendar(readFileSync(out, 'utf8')).events;
    expect(before.map((e) => [e.uid, e.start])).toEqual([['RC-0001-followup@refund-claim', '2026-11-06']]);
    expect(after.map((e) => [e.uid, e.start])).toEqual([['RC-0001-followup@refund-claim', '2026-11-11']]);
    expect(after[0]?.sequence).toBeGreaterThan(before[0]?.sequence ?? Infinity);
    // A new action is a new event beside the old one.
    await runCli(['decision', '1', 'denied', '--on', '2026-11-09'], { home, now: at('2026-11-09') });
    await runCli(['calendar', '--out', out], { home, now: at('2026-11-09') });
    expect(readCalendar(readFileSync(out, 'utf8')).events.map((e) => [e.uid, e.start])).toEqual([
      ['RC-0001-appeal@refund-claim', '2026-11-16'],
    ]);
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

  it('writes an empty calendar when nothing is open, and refuses a missing directory', async () => {
    const home = tempDir();
    const result = await runCli(['calendar'], { home });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('No open claims: wrote an empty calendar to refund-claim.ics.\n');
    expect(readCalendar(readFileSync(join(home, 'refund-claim.ics'), 'utf8')).events).toEqual([]);
    const bad = await runCli(['calendar', '--out', join(home, 'nope', 'x.ics')], { home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the directory');
    const dir = await runCli(['calendar', '--out', home], { home });
    expect(dir.code).toBe(2);
    writeFileSync(join(home, 'old.ics'), 'old');
    expect((await runCli(['calendar', '--out', 'old.ics'], { home })).code).toBe(0);
    expect(existsSync(join(home, 'old.ics'))).toBe(true);
    expect(readFileSync(join(home, 'old.ics'), 'utf8')).toContain('BEGIN:VCALENDAR');
  });
});
