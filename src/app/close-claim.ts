/** Closes a claim as refunded, credited, rejected or withdrawn, and says what it recovered. */
import type { Claim, Outcome } from '../domain/claim.js';
import { closeProblem } from '../domain/lifecycle.js';
import { isPaid } from '../domain/settlement.js';
import { checkStep, recordStep, usageProblem } from './record-event.js';
import type { RecordDeps } from './record-event.js';

export interface CloseStep {
  outcome: Outcome;
  on: string;
  note: string | null;
  /**
   * Reads the recovered amount the user stated; null when none was. It runs once the claim is
   * known and the close fits it: the amount is in the claim's currency, and one above the
   * requested amount may need the user's confirmation.
   */
  readAmount: ((claim: Claim) => Promise<number>) | null;
}

export interface ClosedClaim {
  claim: Claim;
  /** What came back; null for a close that pays nothing (rejected, withdrawn). */
  recovered: number | null;
}

export async function closeClaim(deps: RecordDeps, id: number, step: CloseStep): Promise<ClosedClaim> {
  const { outcome, on, note } = step;
  const current = await checkStep(deps.store, id, { type: 'closed', on, data: { outcome } });
  const problem = closeProblem(outcome, step.readAmount !== null);
  if (problem) throw usageProblem(problem);
  const amount = step.readAmount === null ? null : await step.readAmount(current);
  const { claim } = await recordStep(deps, id, { type: 'closed', on, note, data: { outcome, amount } });
  return { claim, recovered: isPaid(outcome) ? claim.recovered : null };
}
