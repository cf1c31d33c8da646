/**
 * The fields of the follow-up, escalation and appeal templates: everything of the ticket view,
 * plus where the conversation with support stands today.
 */
import type { Claim, ClaimEvent } from '../domain/claim.js';
import { daysBetween } from '../domain/dates.js';
import { ticketView } from './ticket-view.js';

const chronological = (events: readonly ClaimEvent[]): ClaimEvent[] =>
  [...events].sort((a, b) => (a.on === b.on ? a.seq - b.seq : a.on < b.on ? -1 : 1));

export function messageView(claim: Claim, today: string) {
  const events = chronological(claim.events);
  const last = (match: (e: ClaimEvent) => boolean) => events.findLast(match) ?? null;
  const filed = last((e) => e.type === 'submitted');
  const appeal = last((e) => e.type === 'appeal-sent');
  const decision = last((e) => e.type === 'decision');
  const reply = last((e) => e.type === 'message' && e.data.from === 'support');
  // Waiting since the ticket was filed, or since the appeal when there is one.
  const waitingSince = appeal ?? filed;
  const roundStart = waitingSince ? events.indexOf(waitingSince) : -1;
  const followups = events
    .slice(roundStart + 1)
    .filter((e) => e.type === 'followup-sent' || e.type === 'escalation-sent')
    .map((e) => ({ on: e.on, escalation: e.type === 'escalation-sent' }));
  return {
    ...ticketView(claim),
    today,
    filedOn: filed?.on ?? null,
    appealedOn: appeal?.on ?? null,
    waitingSince: waitingSince?.on ?? null,
    daysWaiting: waitingSince ? Math.max(0, daysBetween(waitingSince.on, today)) : 0,
    lastSupportReply: reply ? { on: reply.on, message: reply.data.message ?? '' } : null,
    followups,
    decision: decision
      ? {
          outcome: decision.data.decision ?? 'denied',
          on: decision.on,
          reason: decision.data.reason ?? null,
          amount: decision.data.amount ?? null,
        }
      : null,
    /** What is still unpaid: everything after a denial, the rest after a partial approval. */
    outstanding: claim.requested - (claim.status === 'partially-approved' ? (claim.approved ?? 0) : 0),
  };
}
