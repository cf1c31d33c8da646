/**
 * Which account a claim is filed under. An account with an advertiser ID owns every claim with
 * that ID, whatever name the claim was drafted with; an account without one owns the claims
 * without one that bear its name, in any letter case (as the address book matches names).
 */
import { UserError } from './errors.js';

export interface AccountKey {
  name: string;
  advertiserId: string | null;
}

export interface ClaimAccount {
  accountName: string;
  advertiserId: string | null;
}

export function ownsClaim(account: AccountKey, claim: ClaimAccount): boolean {
  if (account.advertiserId !== null) return claim.advertiserId === account.advertiserId;
  return claim.advertiserId === null && sameName(claim.accountName, account.name);
}

/** Names compare in any letter case, as the address book matches them. */
export function sameName(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** How a list of accounts names one: `Acme (advertiser 7012345678901234567)`. */
export function describeAccount(account: AccountKey): string {
  return account.advertiserId === null ? account.name : `${account.name} (advertiser ${account.advertiserId})`;
}

/**
 * The account `--account <name|advertiser ID>` means: the one with that advertiser ID, else the
 * one with that name. Several with that name: refused, listing them (the advertiser ID tells
 * them apart). Null when none matches: the caller names the close ones. `byOption` says the
 * query came as `--account` (status, list…), not as the argument of `accounts show|edit`.
 */
export function matchAccount<T extends AccountKey>(accounts: readonly T[], query: string, byOption = true): T | null {
  const wanted = query.trim();
  const byId = accounts.find((account) => account.advertiserId !== null && account.advertiserId === wanted);
  if (byId) return byId;
  const named = accounts.filter((account) => sameName(account.name, wanted));
  if (named.length > 1) {
    throw new UserError(
      `${named.length} accounts are named "${wanted}": ${named.map(describeAccount).join(', ')}.`,
      `Give the advertiser ID instead, e.g. ${byOption ? '--account ' : ''}${named.find((a) => a.advertiserId !== null)?.advertiserId ?? wanted}.`,
    );
  }
  return named[0] ?? null;
}

/**
 * The accounts a mistyped `--account` most likely meant: names within a few edits of it (by
 * `distance`, an edit distance), or containing it, or advertiser IDs starting with it.
 */
export function closeAccounts<T extends AccountKey>(
  accounts: readonly T[],
  query: string,
  distance: (a: string, b: string) => number,
): T[] {
  const wanted = query.trim().toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  return accounts
    .map((account) => {
      const name = account.name.toLowerCase();
      const score =
        name.includes(wanted) || (wanted.length >= 3 && wanted.includes(name))
          ? 0
          : account.advertiserId?.startsWith(wanted) && wanted.length >= 4
            ? 0
            : distance(name, wanted);
      return { account, score };
    })
    .filter(({ score }) => score <= limit)
    .sort((a, b) => a.score - b.score)
    .slice(0, 5)
    .map(({ account }) => account);
}

/** `--account` (or `accounts show|edit`) named no saved account: exit 1, with the close matches. */
export function unknownAccountError(query: string, close: readonly AccountKey[], byOption = true): UserError {
  return new UserError(
    `No saved account matches ${byOption ? '--account ' : ''}"${query}".`,
    close.length > 0
      ? `Did you mean ${close.map((account) => `"${describeAccount(account)}"`).join(', ')}? Run \`refund-claim accounts\` for the list.`
      : 'Run `refund-claim accounts` for the saved accounts (a name or an advertiser ID).',
  );
}
