import type { Claim, Evidence } from '../domain/claim.js';
import { toLocalDate } from '../domain/dates.js';
import type { Clock, ClaimStore, EvidenceInput, EvidenceStore, NewEvent } from './deps.js';
import { checkEvidenceFiles, copyEvidence, withoutDuplicates } from './import-evidence.js';
import type { SkippedEvidence } from './import-evidence.js';
import { loadClaim } from './load-claim.js';

export interface AttachEvidenceDeps {
  store: ClaimStore;
  evidence: EvidenceStore;
  clock: Clock;
}

export interface AttachResult {
  claim: Claim;
  added: Evidence[];
  skipped: SkippedEvidence[];
}

/** Adds evidence to a claim; files whose content the claim already holds are skipped. */
export async function attachEvidence(
  deps: AttachEvidenceDeps,
  id: number,
  inputs: readonly EvidenceInput[],
): Promise<AttachResult> {
  await loadClaim(deps.store, id);
  const files = await checkEvidenceFiles(deps.evidence, inputs);
  const now = deps.clock.now();
  const copies = await copyEvidence(deps.evidence, files, now.toISOString());

  // Deduplicated against the claim as it is inside the transaction, not as it was read above.
  const { claim, result } = await deps.store.changeClaim(id, (current) => {
    const { added, numbers, skipped } = withoutDuplicates(copies, current.evidence);
    const event: NewEvent<'evidence-added'> = {
      type: 'evidence-added',
      on: toLocalDate(now),
      recordedAt: now.toISOString(),
      note: null,
      data: { evidence: numbers },
    };
    return { change: added.length === 0 ? {} : { evidence: added, events: [event] }, result: { added, skipped } };
  });
  return { claim, ...result };
}
