/**
 * The claim's story as dated lines: shown by `show`, written to the bundle's timeline.txt and
 * summarised in the ticket. One rendering, so the three never disagree.
 */
import type { Claim, ClaimEvent, EventType } from '../domain/claim.js';
import { inOrder } from '../domain/lifecycle.js';
import { formatMoney } from '../domain/money.js';
import { approvedAmount, isPaid } from '../domain/settlement.js';

export interface TimelineEntry {
  on: string;
  type: EventType;
  title: string;
  /** The words of a message, or null. */
  body: string | null;
  note: string | null;
  /** Who recorded it; null for events recorded before version 2. */
  actor: string | null;
}

const DECISION_WORDS = { approved: 'approved', 'partially-approved': 'partially approved', denied: 'denied' };

function describe(event: ClaimEvent, claim: Claim): string {
  const money = (minor: number | null | undefined): string => (minor == null ? '' : formatMoney(minor, claim.currency));
  switch (event.type) {
    case 'created':
      return 'Claim drafted';
    case 'edited':
      if (event.data.fields === undefined) {
        return `Caption set: ${event.data.evidence.map((n) => `#${n}`).join(', ')}`;
      }
      return `Details corrected: ${event.data.fields.join(', ')}`;
    case 'evidence-added':
      return `Evidence added: ${event.data.evidence.map((n) => `#${n}`).join(', ')}`;
    case 'submitted': {
      const { ticket } = event.data;
      return `Ticket filed with support${ticket ? ` (ticket ${ticket})` : ''}`;
    }
    case 'message':
      if (event.data.from === 'support')
        return event.data.infoRequested ? 'Support asked for more information' : 'Support wrote';
      return 'I wrote to support';
    case 'followup-sent':
      return 'Follow-up sent';
    case 'escalation-sent':
      return 'Escalation sent';
    case 'decision': {
      const { data } = event;
      const approved = approvedAmount(data, claim.requested);
      const amount = approved === null ? '' : `: ${money(approved)}`;
      const reason = data.reason ? ` (reason given: ${data.reason})` : '';
      return `Decision: ${DECISION_WORDS[data.decision]}${amount}${reason}`;
    }
    case 'appeal-sent':
      return 'Appeal sent';
    case 'closed': {
      const { data } = event;
      const recovered = isPaid(data.outcome) ? `, ${money(data.amount ?? claim.recovered)} recovered` : '';
      return `Closed: ${data.outcome}${recovered}`;
    }
  }
}

/** Every event, by the day it happened; on the same day, in the order it was recorded. */
export function timelineEntries(claim: Claim): TimelineEntry[] {
  return inOrder(claim.events).map((event) => ({
    on: event.on,
    type: event.type,
    title: describe(event, claim),
    body: event.type === 'message' ? (event.data.message ?? null) : null,
    note: event.note,
    actor: event.actor,
  }));
}

/** Plain text, one entry per line, message bodies indented beneath. */
export function formatTimeline(entries: readonly TimelineEntry[]): string {
  const lines: string[] = [];
  for (const entry of entries) {
    lines.push(`${entry.on}  ${entry.title}${entry.actor ? `  (by ${entry.actor})` : ''}`);
    for (const line of entry.body?.split('\n') ?? []) lines.push(`            > ${line}`);
    if (entry.note) lines.push(`            Note: ${entry.note}`);
  }
  return lines.join('\n');
}
