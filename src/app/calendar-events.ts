/**
 * `calendar`: one all-day event per open claim, under one UID per claim (`RC-0007@refund-claim`),
 * on its next action's due day, or on today when that day has passed (`OVERDUE 4d`), so that the
 * morning reminder still fires. Claims closed in the last 90 days come as cancelled events, so a
 * calendar that imports the file removes them. SEQUENCE grows exactly when an event's content
 * changes and never goes back: the store remembers what the last file said under each UID.
 *
 * Version 1 used one UID per claim and action (`RC-0007-followup@refund-claim`) and never
 * removed an event: the first file of this version cancels those once, for the claims drafted
 * under version 1.
 */
import type { Claim } from '../domain/claim.js';
import { formatClaimId, isTerminal } from '../domain/claim.js';
import { ownsClaim } from '../domain/accounts.js';
import { addDaysTo, daysBetween, formatDay, toLocalDate } from '../domain/dates.js';
import { ACTIONS, nextAction } from '../domain/deadlines.js';
import type { Action } from '../domain/deadlines.js';
import { formatMoney } from '../domain/money.js';
import { nextStep } from '../domain/next-steps.js';
import type { Account, CalendarEntry, CalendarFile, CalendarMark, CalendarWriter, ClaimStore, Clock } from './deps.js';

export const CALENDAR_NAME = 'refund-claim: next actions';

/** Closed claims stay in the file this long, as cancelled events, so every re-import removes them. */
export const CANCELLED_FOR_DAYS = 90;

/** An entry before its SEQUENCE is known. */
export type CalendarDraft = Omit<CalendarEntry, 'sequence'>;

export const claimUid = (id: number): string => `${formatClaimId(id)}@refund-claim`;
const versionOneUid = (id: number, action: Action): string => `${formatClaimId(id)}-${action}@refund-claim`;

function lastChange(claim: Claim): string {
  return claim.events.reduce((latest, e) => (e.recordedAt > latest ? e.recordedAt : latest), claim.createdAt);
}

/** The open claim's event: on its due day, or on `today` when overdue. */
export function calendarEntry(claim: Claim, today: string): CalendarDraft | null {
  const next = nextAction(claim);
  if (!next) return null;
  const id = formatClaimId(claim.id);
  const step = nextStep(next.action, claim);
  const overdueDays = Math.max(0, daysBetween(next.due, today));
  const promotion = claim.promotionName ? `${claim.promotionId} (${claim.promotionName})` : claim.promotionId;
  const ticket = claim.ticketNumber ? ` (ticket ${claim.ticketNumber})` : '';
  const description = [
    `${id}: ${step.words}, due ${formatDay(next.due)} (${next.due})${overdueDays > 0 ? `, ${overdueDays} days overdue` : ''}.`,
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
    uid: claimUid(claim.id),
    date: overdueDays > 0 ? today : next.due,
    summary: `${overdueDays > 0 ? `OVERDUE ${overdueDays}d ` : ''}${id}: ${step.words}${ticket} · ${claim.accountName}`,
    description,
    lastModified: lastChange(claim),
    cancelled: false,
  };
}

/** A claim closed on or after `since`: its event, cancelled, on the day it closed. */
export function cancelledEntry(claim: Claim, since: string): CalendarDraft | null {
  if (!isTerminal(claim.status)) return null;
  const closed = claim.events.findLast((event) => event.type === 'closed');
  if (!closed || closed.on < since) return null;
  const id = formatClaimId(claim.id);
  return {
    uid: claimUid(claim.id),
    date: closed.on,
    summary: `${id}: closed (${claim.status}) · ${claim.accountName}`,
    description: `${id} was closed on ${formatDay(closed.on)}: nothing left to do.`,
    lastModified: lastChange(claim),
    cancelled: true,
  };
}

/**
 * The per-action UIDs version 1 may have written for a claim drafted under it: one for each
 * action its history passed through. Cancelled on `today`.
 */
export function versionOneCancels(claim: Claim, today: string): CalendarDraft[] {
  if (claim.factsVersion !== 1) return [];
  const types = new Set(claim.events.map((event) => event.type));
  const actions = ACTIONS.filter((action) => {
    switch (action) {
      case 'submit':
        return true;
      case 'followup':
      case 'escalate':
        return types.has('submitted');
      case 'reply':
        return types.has('message');
      case 'confirm-refund':
      case 'appeal':
        return types.has('decision');
    }
  });
  const id = formatClaimId(claim.id);
  return actions.map((action) => ({
    uid: versionOneUid(claim.id, action),
    date: today,
    summary: `${id}: ${action} (replaced by ${claimUid(claim.id)})`,
    description: `refund-claim now keeps one event per claim, ${claimUid(claim.id)}; this one is no longer used.`,
    lastModified: lastChange(claim),
    cancelled: true,
  }));
}

const fingerprint = (draft: CalendarDraft): string =>
  [draft.cancelled ? 'cancelled' : 'open', draft.date, draft.summary].join('\n');

/**
 * SEQUENCE for each draft from what the last file said under its UID: the same content keeps its
 * number, changed content gets the next one. Version 1's UIDs once cancelled are not written
 * again. Returns the entries and the marks to remember.
 */
export function sequenceEntries(
  drafts: readonly CalendarDraft[],
  versionOne: readonly (CalendarDraft & { baseSequence: number })[],
  marks: readonly CalendarMark[],
): { entries: CalendarEntry[]; changed: CalendarMark[] } {
  const known = new Map(marks.map((mark) => [mark.uid, mark]));
  const entries: CalendarEntry[] = [];
  const changed: CalendarMark[] = [];
  for (const draft of drafts) {
    const mark = known.get(draft.uid);
    const print = fingerprint(draft);
    const sequence = mark === undefined ? 0 : mark.fingerprint === print ? mark.sequence : mark.sequence + 1;
    entries.push({ ...draft, sequence });
    if (mark?.fingerprint !== print) changed.push({ uid: draft.uid, fingerprint: print, sequence });
  }
  for (const { baseSequence, ...draft } of versionOne) {
    if (known.has(draft.uid)) continue;
    // Above any SEQUENCE version 1 gave it (its count of events at the time).
    const sequence = baseSequence + 1;
    entries.push({ ...draft, sequence });
    changed.push({ uid: draft.uid, fingerprint: fingerprint(draft), sequence });
  }
  return { entries, changed };
}

export async function buildCalendar(deps: {
  store: ClaimStore | null;
  clock: Clock;
  account?: Account | null;
}): Promise<CalendarFile> {
  const now = deps.clock.now();
  const today = toLocalDate(now);
  const { store, account = null } = deps;
  if (store === null) return { name: CALENDAR_NAME, stamp: now, entries: [] };
  const since = addDaysTo(today, -CANCELLED_FOR_DAYS);
  const claims = (await store.fullClaims()).filter((claim) => account === null || ownsClaim(account, claim));
  const open = claims.map((claim) => calendarEntry(claim, today)).filter((entry) => entry !== null);
  // Soonest first, as `status` lists them; the cancelled ones after.
  open.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
  const closed = claims.map((claim) => cancelledEntry(claim, since)).filter((entry) => entry !== null);
  const versionOne = claims.flatMap((claim) =>
    versionOneCancels(claim, today).map((draft) => ({ ...draft, baseSequence: claim.events.length })),
  );
  const { entries, changed } = sequenceEntries([...open, ...closed], versionOne, await store.calendarMarks());
  if (changed.length > 0) await store.saveCalendarMarks(changed);
  return { name: CALENDAR_NAME, stamp: now, entries };
}

/** The iCalendar text, how many open claims it shows and how many events it cancels. */
export async function exportCalendar(deps: {
  store: ClaimStore | null;
  clock: Clock;
  writer: CalendarWriter;
  account?: Account | null;
}): Promise<{ text: string; count: number; cancelled: number }> {
  const calendar = await buildCalendar(deps);
  const cancelled = calendar.entries.filter((entry) => entry.cancelled).length;
  return { text: deps.writer.write(calendar), count: calendar.entries.length - cancelled, cancelled };
}
