/**
 * The iCalendar (RFC 5545) writer, on ical-generator: it escapes text, folds lines at 75 octets
 * without splitting a UTF-8 character, and writes CRLF line ends. Loaded only by `calendar`.
 *
 * ical-generator escapes `\\`, `;`, `,` and line breaks, but passes other control characters
 * through, which RFC 5545 forbids in text and a terminal would run (`calendar --out -`): the
 * summary and description are made printable first, the description keeping its lines.
 */
import type { CalendarFile, CalendarWriter } from '../app/deps.js';
import { addDaysTo } from '../domain/dates.js';
import { printable } from '../domain/text.js';

/**
 * The reminder: 09:00 on the event's day, nine hours after its start at midnight (ical-generator
 * writes a negative "seconds before" as a trigger after it: `TRIGGER;RELATED=START:PT9H`). An overdue
 * action sits on today, so its reminder still fires.
 */
export const REMINDER_SECONDS_BEFORE = -9 * 60 * 60;

export async function loadCalendarWriter(): Promise<CalendarWriter> {
  const {
    default: ical,
    ICalAlarmRelatesTo,
    ICalAlarmType,
    ICalCalendarMethod,
    ICalEventStatus,
    ICalEventTransparency,
  } = await import('ical-generator');
  return {
    write(calendar: CalendarFile): string {
      const file = ical({
        name: calendar.name,
        prodId: { company: 'refund-claim', product: 'refund-claim', language: 'EN' },
        method: ICalCalendarMethod.PUBLISH,
      });
      for (const entry of calendar.entries) {
        const summary = printable(entry.summary);
        const event = file.createEvent({
          id: entry.uid,
          // A date string is read as UTC midnight, and all-day dates are written from UTC fields:
          // the day stays the same in every time zone the file is made in or opened in.
          start: entry.date,
          end: addDaysTo(entry.date, 1),
          allDay: true,
          summary,
          description: printable(entry.description, { multiline: true }),
          sequence: entry.sequence,
          stamp: calendar.stamp,
          lastModified: new Date(entry.lastModified),
          // A reminder to act, not a meeting: it never shows the day as busy.
          transparency: ICalEventTransparency.TRANSPARENT,
          // A calendar that imports a cancelled event removes the one it holds under that UID.
          status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        });
        if (entry.cancelled) continue;
        const alarm = event.createAlarm({
          type: ICalAlarmType.display,
          trigger: REMINDER_SECONDS_BEFORE,
          description: summary,
        });
        // Said outright (the option is not read on creation): left alone, ical-generator relates a
        // trigger after the start to the END, which for an all-day event is the next day.
        alarm.relatesTo(ICalAlarmRelatesTo.start);
      }
      // RFC 5545 ends every line, the last one too, with CRLF.
      const text = file.toString();
      return text.endsWith('\r\n') ? text : `${text}\r\n`;
    },
  };
}
