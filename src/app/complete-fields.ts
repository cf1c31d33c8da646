/**
 * The fields of a new claim given all at once (flags, no one at the terminal): a saved account
 * fills in the name and email the flags left out, then every required field must be there.
 */
import type { ClaimFields, FieldKey } from '../domain/claim.js';
import { missingFields, withDefaults } from '../domain/completeness.js';
import { onlyChannelFor } from '../domain/reasons.js';
import type { Account, Adapters } from './deps.js';

export type CompletedFields =
  | { ok: true; fields: ClaimFields; account: Account | null }
  /** Every missing field at once, so a script learns them all from one run. */
  | { ok: false; missing: FieldKey[]; account: Account | null };

/** Reads no data directory that does not exist yet: a missing value is found before one is made. */
export async function completeFields(
  deps: Pick<Adapters, 'existingStore'>,
  given: Partial<ClaimFields>,
): Promise<CompletedFields> {
  // Without a channel: the only one the reason fits, else Ads Manager.
  const channel = given.channel ?? (given.reason ? onlyChannelFor(given.reason) : null) ?? 'tiktok-ads';
  const filled: Partial<ClaimFields> = { ...given, channel };
  // An unspent balance has no promotion: the ID holds the account's balance reference.
  if (given.reason === 'unspent-balance') filled.promotionId ??= given.advertiserId ?? undefined;
  const account = await savedAccount(deps, filled);
  if (account) {
    filled.accountName ??= account.name;
    filled.email ??= account.email;
    // Saved with the account by its last claim, and reused until a flag says otherwise.
    filled.agency ??= account.agency ?? undefined;
    filled.salesRep ??= account.salesRep ?? undefined;
  }
  const missing = missingFields(filled);
  return missing.length > 0 ? { ok: false, missing, account } : { ok: true, fields: withDefaults(filled), account };
}

/**
 * The saved account whose advertiser ID or name matches, when the name, email, agency or sales
 * representative is left out.
 */
async function savedAccount(
  deps: Pick<Adapters, 'existingStore'>,
  given: Partial<ClaimFields>,
): Promise<Account | null> {
  const complete = (['accountName', 'email', 'agency', 'salesRep'] as const).every((key) => given[key] !== undefined);
  if (complete) return null;
  const store = await deps.existingStore();
  if (!store) return null;
  return (
    (given.advertiserId ? await store.findAccount({ advertiserId: given.advertiserId }) : null) ??
    (given.accountName ? await store.findAccount({ name: given.accountName }) : null)
  );
}
