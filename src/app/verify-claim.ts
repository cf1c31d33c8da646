/** `verify`: are the stored copies (or a finished bundle) still exactly what was attached? */
import type { Claim, Evidence } from '../domain/claim.js';
import { bundleFileNames } from '../domain/evidence-names.js';
import type { BundleReport, BundleWriter, ClaimStore, EvidenceStore, IntegrityState } from './deps.js';
import { loadClaim } from './load-claim.js';

export interface EvidenceIntegrity {
  evidence: Evidence;
  /** Its name in the ticket and the bundle. */
  fileName: string;
  state: IntegrityState;
}

/** Re-hashes every stored copy of the claim's evidence. */
export async function verifyClaimEvidence(
  deps: { store: ClaimStore; evidence: EvidenceStore },
  id: number,
): Promise<{ claim: Claim; results: EvidenceIntegrity[] }> {
  const claim = await loadClaim(deps.store, id);
  const names = bundleFileNames(claim.evidence);
  const results: EvidenceIntegrity[] = [];
  for (const [index, evidence] of claim.evidence.entries()) {
    results.push({
      evidence,
      fileName: names[index] ?? evidence.name,
      state: await deps.evidence.verify(evidence.sha256),
    });
  }
  return { claim, results };
}

/** Checks every entry of a bundle against its SHA256SUMS and manifest. */
export function verifyBundleFile(deps: { bundles: BundleWriter }, path: string): Promise<BundleReport> {
  return deps.bundles.verify(path);
}
