import type { Claim } from '../domain/claim.js';
import { formatClaimId } from '../domain/claim.js';
import { ClaimNotFoundError, UserError } from '../domain/errors.js';
import type { ClaimStore } from './deps.js';

/** The claim with this ID, or the one "not found" error every command gives. */
export async function loadClaim(store: ClaimStore, id: number): Promise<Claim> {
  const claim = await store.getClaim(id);
  if (!claim) throw new ClaimNotFoundError(id);
  return claim;
}

export interface ResolvedClaimId {
  /** The claim the command works on. */
  id: number;
  /** What the user should know about the ID they gave (stderr); null when it is plainly a claim's. */
  note: string | null;
}

/**
 * The claim an ID the user gave means, for every command that takes one. A claim's own ID wins:
 * a renumbering import gives a claim a new ID exactly because its old one was taken here. Only an
 * ID no claim has leads to the claim that had it before an import (its alias); when several
 * claims had it, none is guessed. An ID that is neither is left for the "not found" error.
 */
export async function resolveClaimId(store: ClaimStore, id: number): Promise<ResolvedClaimId> {
  const holders = await store.claimsByAlias(id);
  if (holders.length === 0) return { id, note: null };
  const given = formatClaimId(id);
  const names = listed(holders.map(formatClaimId));
  if ((await store.getClaim(id)) !== null) {
    const which = holders.length === 1 ? `${names} for that one` : 'the new ID for one of those';
    return { id, note: `${given} is also the old ID of ${names} (imported); give ${which}.` };
  }
  const [only] = holders;
  if (holders.length === 1 && only !== undefined) return { id: only, note: `${given} is now ${formatClaimId(only)}.` };
  throw new UserError(
    `${given} is the old ID of several claims: ${names} (imported).`,
    `Give the new ID of the one you mean; \`refund-claim show ${formatClaimId(holders[0] ?? id)}\` shows one of them.`,
  );
}

/** "RC-0008", "RC-0008 and RC-0012", "RC-0008, RC-0012 and RC-0015". */
function listed(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
