import type { Claim } from '../domain/claim.js';
import { checkClaim } from '../domain/completeness.js';
import type { Finding } from '../domain/completeness.js';
import { toLocalDate } from '../domain/dates.js';
import type { ClaimStore, Clock, EvidenceStore, IntegrityState } from './deps.js';

export interface CheckDeps {
  store: ClaimStore;
  evidence: EvidenceStore;
  clock: Clock;
}

/**
 * The completeness check of a stored claim. `verifyFiles` re-hashes every stored copy (what
 * `check` does); `bundle` skips it because it re-hashes each copy while packing it.
 */
export async function checkStoredClaim(
  deps: CheckDeps,
  claim: Claim,
  options: { verifyFiles: boolean },
): Promise<Finding[]> {
  let integrity: Map<number, IntegrityState> | null = null;
  if (options.verifyFiles) {
    integrity = new Map();
    for (const item of claim.evidence) integrity.set(item.number, await deps.evidence.verify(item.sha256));
  }
  const sharedBySha = await deps.store.claimsSharingEvidence(
    claim.id,
    claim.evidence.map((item) => item.sha256),
  );
  const shared = new Map<number, number[]>();
  for (const item of claim.evidence) {
    const others = sharedBySha.get(item.sha256);
    if (others) shared.set(item.number, others);
  }
  return checkClaim(claim, { today: toLocalDate(deps.clock.now()), integrity, shared });
}
