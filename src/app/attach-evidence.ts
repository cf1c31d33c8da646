import type { Claim, Evidence } from '../domain/claim.js';
import { toLocalDate } from '../domain/dates.js';
import { ClaimNotFoundError } from '../domain/errors.js';
import type { Clock, ClaimStore, EvidenceInput, EvidenceStore } from './deps.js';
import { checkEvidenceFiles, copyEvidence, withoutDuplicates } from './import-evidence.js';
import type { SkippedEvidence } from './import-evidence.js';

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
  if (!deps.store.getClaim(id)) throw new ClaimNotFoundError(id);
  const files = await checkEvidenceFiles(deps.evidence, inputs);
  const now = deps.clock.now();
  const copies = await copyEvidence(deps.evidence, files, now.toISOString());

  let skipped: SkippedEvidence[] = [];
  let numbers: number[] = [];
  // Deduplicated against the claim as it is inside the transaction, not as it was read above.
  const claim = deps.store.changeClaim(id, (current) => {
    const result = withoutDuplicates(copies, current.evidence);
    ({ skipped, numbers } = result);
    if (result.added.length === 0) return {};
    return {
      evidence: result.added,
      events: [
        {
          type: 'evidence-added',
          on: toLocalDate(now),
          recordedAt: now.toISOString(),
          note: null,
          data: { evidence: numbers },
        },
      ],
    };
  });
  return { claim, added: claim.evidence.filter((item) => numbers.includes(item.seq)), skipped };
}
