import type { Claim, ClaimFields } from '../domain/claim.js';
import { crossFieldProblems } from '../domain/completeness.js';
import { toLocalDate } from '../domain/dates.js';
import { DuplicateClaimError, UsageError } from '../domain/errors.js';
import { assertReasonFits } from '../domain/reasons.js';
import type { Clock, ClaimStore, EvidenceInput, EvidenceStore } from './deps.js';
import { checkEvidenceFiles, copyEvidence, withoutDuplicates } from './import-evidence.js';
import type { SkippedEvidence } from './import-evidence.js';

export interface CreateClaimDeps {
  store: ClaimStore;
  evidence: EvidenceStore;
  clock: Clock;
}

export interface CreateClaimInput {
  fields: ClaimFields;
  /** In command-line order: that order numbers the evidence. */
  evidence: readonly EvidenceInput[];
  allowDuplicate: boolean;
}

export interface CreateClaimResult {
  claim: Claim;
  skipped: SkippedEvidence[];
}

/** Refuses fields that contradict each other, naming every problem at once. */
export function assertConsistent(fields: ClaimFields): void {
  const problems = crossFieldProblems(fields);
  if (problems.length > 0) {
    throw new UsageError(
      `Cannot save the claim: ${problems.map((problem) => problem.message).join('; ')}.`,
      problems.find((problem) => problem.hint !== undefined)?.hint ?? 'Correct the amounts or dates and try again.',
    );
  }
}

/**
 * Saves a new draft claim with its evidence. Everything that can fail on the user's input is
 * checked before the first write; the claim itself is one transaction.
 */
export async function createClaim(deps: CreateClaimDeps, input: CreateClaimInput): Promise<CreateClaimResult> {
  const { fields } = input;
  assertReasonFits(fields.channel, fields.reason);
  assertConsistent(fields);
  if (!input.allowDuplicate) {
    const [existing] = await deps.store.findOpenDuplicates(fields.channel, fields.promotionId, fields.reason);
    if (existing) throw new DuplicateClaimError(existing);
  }
  const files = await checkEvidenceFiles(deps.evidence, input.evidence);
  const now = deps.clock.now();
  const copies = await copyEvidence(deps.evidence, files, now.toISOString());
  const { added, skipped } = withoutDuplicates(copies, []);
  const claim = await deps.store.insertClaim(
    { fields, createdAt: now.toISOString(), createdOn: toLocalDate(now), evidence: added },
    { allowDuplicate: input.allowDuplicate },
  );
  return { claim, skipped };
}
