/**
 * Records one step of the claim's life (submitted, a message, a follow-up, a decision, an
 * appeal, the close). The move is checked against the claim's status inside the same write
 * transaction that appends the event, so two processes can never both move the same claim.
 */
import type { Claim, EventData, EventType } from '../domain/claim.js';
import { UsageError } from '../domain/errors.js';
import { assertStepFits } from '../domain/lifecycle.js';
import type { NewStep } from '../domain/lifecycle.js';
import type { ClaimStore, Clock, EvidenceInput, EvidenceStore } from './deps.js';
import { loadClaim } from './load-claim.js';
import { checkEvidenceFiles, copyEvidence, withoutDuplicates } from './import-evidence.js';
import type { SkippedEvidence } from './import-evidence.js';

export interface RecordDeps {
  store: ClaimStore;
  evidence: EvidenceStore;
  clock: Clock;
}

export interface StepInput {
  type: Exclude<EventType, 'created' | 'edited' | 'evidence-added'>;
  /** The day it happened (`YYYY-MM-DD`). */
  on: string;
  note: string | null;
  data: EventData;
}

export interface StepResult {
  claim: Claim;
  skipped: SkippedEvidence[];
}

/** A rule's problem, a clause naming the option ("a partial approval needs --amount…"), as an error. */
export function usageProblem(problem: string): UsageError {
  return new UsageError(`${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`);
}

/** Checks a step against the claim as it is now, before any file is copied for it. */
export async function checkStep(store: ClaimStore, id: number, step: NewStep): Promise<Claim> {
  const claim = await loadClaim(store, id);
  assertStepFits(id, claim.events, step, claim.requested);
  return claim;
}

export async function recordStep(
  deps: RecordDeps,
  id: number,
  step: StepInput,
  attachments: readonly EvidenceInput[] = [],
): Promise<StepResult> {
  await checkStep(deps.store, id, step);
  const now = deps.clock.now();
  const files = await checkEvidenceFiles(deps.evidence, attachments);
  const copies = await copyEvidence(deps.evidence, files, now.toISOString());
  const { claim, result: skipped } = await deps.store.changeClaim(id, (current) => {
    assertStepFits(id, current.events, step, current.requested);
    const { added, numbers, skipped } = withoutDuplicates(copies, current.evidence);
    const data = numbers.length > 0 ? { ...step.data, evidence: numbers } : step.data;
    return {
      change: {
        evidence: added,
        events: [{ type: step.type, on: step.on, recordedAt: now.toISOString(), note: step.note, data }],
      },
      result: skipped,
    };
  });
  return { claim, skipped };
}
