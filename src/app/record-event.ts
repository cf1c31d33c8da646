/**
 * Records one step of the claim's life (submitted, a message, a follow-up, a decision, an
 * appeal, the close). The move is checked against the claim's status inside the same write
 * transaction that appends the event, so two processes can never both move the same claim.
 */
import type { Claim, EventData, EventType } from '../domain/claim.js';
import { ClaimNotFoundError } from '../domain/errors.js';
import { assertStepFits } from '../domain/lifecycle.js';
import type { NewStep } from '../domain/lifecycle.js';
import type { ClaimStore, Clock, EvidenceInput, EvidenceStore } from './deps.js';
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

/** Checks a step against the claim as it is now, before any file is copied for it. */
export function checkStep(store: ClaimStore, id: number, step: NewStep): Claim {
  const claim = store.getClaim(id);
  if (!claim) throw new ClaimNotFoundError(id);
  assertStepFits(id, claim.events, step, claim.requested);
  return claim;
}

export async function recordStep(
  deps: RecordDeps,
  id: number,
  step: StepInput,
  attachments: readonly EvidenceInput[] = [],
): Promise<StepResult> {
  checkStep(deps.store, id, step);
  const now = deps.clock.now();
  const files = await checkEvidenceFiles(deps.evidence, attachments);
  const copies = await copyEvidence(deps.evidence, files, now.toISOString());
  let skipped: SkippedEvidence[] = [];
  const claim = deps.store.changeClaim(id, (current) => {
    assertStepFits(id, current.events, step, current.requested);
    const result = withoutDuplicates(copies, current.evidence);
    skipped = result.skipped;
    const data = result.numbers.length > 0 ? { ...step.data, evidence: result.numbers } : step.data;
    return {
      evidence: result.added,
      events: [{ type: step.type, on: step.on, recordedAt: now.toISOString(), note: step.note, data }],
    };
  });
  return { claim, skipped };
}
