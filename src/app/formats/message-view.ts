/**
 * The fields of the follow-up, escalation and appeal templates: everything of the ticket view,
 * plus where the conversation with support stands today.
 */
import { isEvent } from '../../domain/claim.js';
import type { Claim } from '../../domain/claim.js';
import { addDaysTo, daysBetween, formatDay } from '../../domain/dates.js';
import { currentRound, isSupportMessage } from '../../domain/deadlines.js';
import { inOrder } from '../../domain/lifecycle.js';
import { printableFields } from '../../domain/text.js';
import type { Decision } from '../../domain/claim.js';
import { ticketView } from './ticket-view.js';
import type { TicketView } from './ticket-view.js';

/** How long the recipient of a last reminder is given before the next step is taken. */
const LAST_REMINDER_DAYS = 7;

/** What follow-up, escalation and appeal templates see: the ticket's fields and the conversation. */
export interface MessageView extends TicketView {
  today: string;
  filedOn: string | null;
  appealedOn: string | null;
  waitingSince: string | null;
  /** The day support last answered, when that answer started the current wait. */
  answeredOn: string | null;
  daysWaiting: number;
  lastSupportReply: { on: string; message: string } | null;
  /** Follow-ups and escalations sent in the current round, oldest first. */
  followups: { on: string; escalation: boolean }[];
  /** The day the escalation of this round was sent, when it was: the follow-up is then on it. */
  escalatedOn: string | null;
  /** The follow-ups already sent this round, as words: `13 Nov 2026 and 18 Nov 2026`; null when none. */
  earlierFollowups: string | null;
  /** The date a last reminder asks for an answer by. */
  replyBy: string;
  /** The user's own answer to a denial reason, for the appeal. */
  answer: string | null;
  decision: { outcome: Decision; on: string; reason: string | null; amount: number | null } | null;
  /** What is still unpaid: everything after a denial, the rest after a partial approval. */
  outstanding: number;
}

export function messageView(claim: Claim, today: string, answer: string | null = null): MessageView {
  const events = inOrder(claim.events);
  const filed = events.findLast((e) => e.type === 'submitted');
  const appeal = events.findLast((e) => e.type === 'appeal-sent');
  const decision = events.findLast((e) => isEvent(e, 'decision'));
  const reply = events.findLast(isSupportMessage);
  // The same round the deadlines count: since filing, the appeal, or support's latest answer.
  const round = currentRound(events);
  const waitingSince = round.start;
  const followups = round.chasers.map((e) => ({ on: e.on, escalation: e.type === 'escalation-sent' }));
  // The conversation's text (a reply, a reason given, the answer) is made printable as the ticket's is.
  return printableFields({
    ...ticketView(claim),
    today,
    filedOn: filed?.on ?? null,
    appealedOn: appeal?.on ?? null,
    waitingSince: waitingSince?.on ?? null,
    answeredOn: waitingSince?.type === 'message' ? waitingSince.on : null,
    daysWaiting: waitingSince ? Math.max(0, daysBetween(waitingSince.on, today)) : 0,
    lastSupportReply: reply ? { on: reply.on, message: reply.data.message ?? '' } : null,
    followups,
    escalatedOn: followups.findLast((f) => f.escalation)?.on ?? null,
    earlierFollowups: listDays(followups.filter((f) => !f.escalation).map((f) => f.on)),
    replyBy: addDaysTo(today, LAST_REMINDER_DAYS),
    answer,
    decision: decision
      ? {
          outcome: decision.data.decision,
          on: decision.on,
          reason: decision.data.reason ?? null,
          amount: decision.data.amount ?? null,
        }
      : null,
    outstanding: claim.requested - (claim.status === 'partially-approved' ? (claim.approved ?? 0) : 0),
  });
}

/** `13 Nov 2026`; `4 Nov 2026, 9 Nov 2026 and 13 Nov 2026`. */
function listDays(days: readonly string[]): string | null {
  const words = days.map(formatDay);
  if (words.length === 0) return null;
  return words.length === 1 ? (words[0] ?? null) : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}
