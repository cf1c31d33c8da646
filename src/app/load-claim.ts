import type { Claim } from '../domain/claim.js';
import { ClaimNotFoundError } from '../domain/errors.js';
import type { ClaimStore } from './deps.js';

/** The claim with this ID, or the one "not found" error every command gives. */
export async function loadClaim(store: ClaimStore, id: number): Promise<Claim> {
  const claim = await store.getClaim(id);
  if (!claim) throw new ClaimNotFoundError(id);
  return claim;
}
