/**
 * `calendar`: one all-day entry per open claim, on the due day of its next action. The UID is
 * the claim and the action, so a calendar that imports a regenerated file updates the entry
 * (a new due date, a new ticket number) instead of adding a second one.
 */
import type { Claim } from '../domain/claim.js';
import { formatClaimId } from '../domain/claim.js';
import { formatDay } from '../domain/dates.js';
import { nextAction } from '../domain/deadlines.js';
import { formatMoney } from '../domain/money.js';
import { nextStep } from '../domain/next-steps.js';
import type { CalendarEntry, CalendarFile, CalendarWriter, ClaimStore, Clock } from './deps.js';

export const CALENDAR_NAME = 'refund-claim: next actions';

export function calendarEntry(claim: Claim): CalendarEntry | null {
  const next = nextAction(claim);
  if (!next) return null;
  const id = formatClaimId(claim.id);
  const step = nextStep(next.action, claim);
  const promotion = claim.promotionName ? `${claim.promotionId} (${claim.promotionName})` : claim.promotionId;
  const ticket = claim.ticketNumber ? ` (ticket ${claim.ticketNumber})` : '';
  const description = [
    `${id}: ${step.words}, due ${formatDay(next.due)} (${next.due}).`,
    '',
    `Claim: ${id} (${claim.status}), ${claim.reason} on ${claim.channel}`,
    `Account: ${claim.accountName}${claim.advertiserId ? ` (advertiser ${claim.advertiserId})` : ''}`,
    `Promotion: ${promotion}`,
    `Requested: ${formatMoney(claim.requested, claim.currency)}`,
    ...(claim.ticketNumber ? [`Ticket: ${claim.ticketNumber}`] : []),
    '',
    'Next step:',
    ...step.commands.map((command) => `  ${command}`),
  ].join('\n');
  return {
    uid: `${id}-${next.action}@refund-claim`,
    date: next.due,
    summary: `${id}: ${step.words}${ticket}`,
    description,
    // Events are only ever appended, so their count grows with every change to the claim.
    sequence: claim.events.length,
    lastModified: claim.events.reduce((latest, e) => (e.recordedAt > latest ? e.recordedAt : latest), claim.createdAt),
  };
}

export async function buildCalendar(deps: { store: ClaimStore; clock: Clock }): Promise<CalendarFile> {
  const entries = (await deps.store.fullClaims({ openOnly: true }))
    .map(calendarEntry)
    .filter((entry) => entry !== null);
  return { name: CALENDAR_NAME, stamp: deps.clock.now(), entries };
}

/** The iCalendar text, and how many entries it holds. */
export async function exportCalendar(deps: { store: ClaimStore; clock: Clock; writer: CalendarWriter }): Promise<{
  text: string;
  count: number;
}> {
  const calendar = await buildCalendar(deps);
  return { text: deps.writer.write(calendar), count: calendar.entries.length };
}
