/**
 * What a decision and a close mean in money: whether the claim was paid, and the amount approved
 * or recovered when the user states none. The claim's state and its timeline both read them here.
 */
import type { EventDataByType, Outcome } from './claim.js';

/** A close that gave money back: refunded, or credited to the account. */
export function isPaid(outcome: Outcome): boolean {
  return outcome === 'refunded' || outcome === 'credited';
}

/** What a decision approved: nothing for a denial; what was requested when it states no amount. */
export function approvedAmount(
  decision: Pick<EventDataByType['decision'], 'decision' | 'amount'>,
  requested: number,
): number | null {
  return decision.decision === 'denied' ? null : (decision.amount ?? requested);
}

/**
 * What a close recovered: nothing unless paid; else the amount it states, or what was approved,
 * or — paid without a recorded decision — what was requested.
 */
export function recoveredAmount(
  close: Pick<EventDataByType['closed'], 'outcome' | 'amount'>,
  approved: number | null,
  requested: number,
): number {
  return isPaid(close.outcome) ? (close.amount ?? approved ?? requested) : 0;
}

/** More than was requested happens (fees refunded too) but is usually a typo, so it is confirmed first. */
export function amountNeedsConfirmation(amount: number, requested: number): boolean {
  return amount > requested;
}
