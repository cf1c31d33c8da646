/** Records support's decision, with the amount approved when the user states none. */
import type { Decision } from '../domain/claim.js';
import { decisionProblem } from '../domain/lifecycle.js';
import { approvedAmount } from '../domain/settlement.js';
import { loadClaim } from './load-claim.js';
import { recordStep, usageProblem } from './record-event.js';
import type { RecordDeps, StepResult } from './record-event.js';

export interface DecisionStep {
  decision: Decision;
  /** The approved amount the user stated; null when none was. */
  amount: number | null;
  /** The reason support gave. */
  reason: string | null;
  expectBy: string | null;
  appealBy: string | null;
  on: string;
  note: string | null;
}

export async function recordDecision(deps: RecordDeps, id: number, step: DecisionStep): Promise<StepResult> {
  const { decision, amount, reason, expectBy, appealBy, on, note } = step;
  const { requested } = await loadClaim(deps.store, id);
  const problem = decisionProblem({ decision, amount, requested, expectBy, appealBy });
  if (problem) throw usageProblem(problem);
  return recordStep(deps, id, {
    type: 'decision',
    on,
    note,
    data: { decision, amount: approvedAmount({ decision, amount }, requested), reason, expectBy, appealBy },
  });
}
