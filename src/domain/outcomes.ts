/**
 * What `report` counts about one claim: when it was filed, when the platform first answered, and
 * whether its final answer gave money back. One definition, so every number in a report agrees.
 */
import type { ClaimEvent } from './claim.js';
import { daysBetween } from './dates.js';
import { inOrder } from './lifecycle.js';

export interface ClaimOutcome {
  /** The day of the `submit` event; null for a claim never filed. */
  filedOn: string | null;
  /** The day of the platform's first answer; null while none has come. */
  decidedOn: string | null;
  /** Whether the platform's latest answer approved (fully or partly); null while none has come. */
  approved: boolean | null;
  /** Calendar days from filing to the first answer; null unless both happened. */
  daysToDecision: number | null;
}

/**
 * A platform's answer is a `decision` event, or a close as refunded, credited or rejected: money
 * that arrives without a recorded decision was approved all the same. A withdrawal is the
 * user's own step, not an answer.
 */
function answer(event: ClaimEvent): boolean | null {
  if (event.type === 'decision') return event.data.decision !== 'denied';
  if (event.type === 'closed' && event.data.outcome !== 'withdrawn') return event.data.outcome !== 'rejected';
  return null;
}

export function claimOutcome(events: readonly ClaimEvent[]): ClaimOutcome {
  const ordered = inOrder(events);
  const filedOn = ordered.find((event) => event.type === 'submitted')?.on ?? null;
  const answers = ordered.filter((event) => answer(event) !== null);
  const first = answers[0];
  const latest = answers.at(-1);
  const decidedOn = first?.on ?? null;
  return {
    filedOn,
    decidedOn,
    approved: latest ? answer(latest) : null,
    daysToDecision: filedOn !== null && decidedOn !== null ? daysBetween(filedOn, decidedOn) : null,
  };
}
