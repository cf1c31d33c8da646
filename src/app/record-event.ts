/**
 * Records one step of the claim's life (submitted, a message, a follow-up, a decision, an
 * appeal, the close). The move is checked against the claim's status inside the same write
 * transaction that appends the event, so two processes can never both move the same claim.
 */
import type { Claim, EventDataByType, EventPick, EventType } from '../domain/claim.js';
import { UsageError } from '../domain/errors.js';
import { assertStepFits } from '../domain/lifecycle.js';
import type { NewStep } from '../domain/lifecycle.js';
import type { ClaimStore, Clock, EvidenceInput, EvidenceStore, NewEvent } from './deps.js';
import { loadClaim } from './load-claim.js';
import { checkEvidenceFiles, copyEvidence, withoutDuplicates } from './import-evidence.js';
import type { SkippedEvidence } from './import-evidence.js';

export interface RecordDeps {
  store: ClaimStore;
  evidence: EvidenceStore;
  clock: Clock;
}

/** The steps of a claim's life: each can carry the evidence added with it (`log --attach`). */
export type StepType = Exclude<EventType, 'created' | 'edited' | 'evidence-added'>;

/** A step to record, its `data` as its `type` has it; `on` is the day it happened (`YYYY-MM-DD`). */
export type StepInput<T extends StepType = StepType> = EventPick<'type' | 'on' | 'note' | 'data', T>;

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
    return {
      change: { evidence: added, events: [stepEvent(step, now.toISOString(), numbers)] },
      result: skipped,
    };
  });
  return { claim, skipped };
}

/** The numbers of the evidence added with a step: every step type's data has the key, or this fails to compile. */
type StepEvidence = NonNullable<EventDataByType[StepType]['evidence']>;

/** The event a step records, listing the evidence added with it, if any. */
function stepEvent<T extends StepType>(step: StepInput<T>, recordedAt: string, evidence: StepEvidence): NewEvent<T> {
  const data = evidence.length > 0 ? { ...step.data, evidence } : step.data;
  return { type: step.type, on: step.on, recordedAt, note: step.note, data };
}
