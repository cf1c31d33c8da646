/**
 * `accounts` and `--account`: the saved accounts (the address book `new` fills), each with its
 * claims counted and its amounts summed per currency, and the one account a command is limited to.
 */
import type { ClaimFields } from '../domain/claim.js';
import { isTerminal } from '../domain/claim.js';
import { closeAccounts, describeAccount, matchAccount, ownsClaim, unknownAccountError } from '../domain/accounts.js';
import { toLocalDate } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import type { Account, AccountRecord, ClaimStore, ClaimSummary, Clock } from './deps.js';

export interface CurrencyTotals {
  currency: string;
  /** Minor units, over all the account's claims. */
  requested: number;
  recovered: number;
}

export interface AccountSummary extends Account {
  open: number;
  total: number;
  /** One entry per currency its claims are in, alphabetically. */
  amounts: CurrencyTotals[];
}

/**
 * The saved account `--account <name|advertiser ID>` names (or, `byOption` false, the argument
 * of `accounts show|edit`); exit 1 naming close ones when none does.
 */
export async function findAccount(store: ClaimStore, query: string, byOption = true): Promise<AccountRecord> {
  const accounts = await store.listAccounts();
  const found = matchAccount(accounts, query, byOption);
  if (found) return found;
  // Only a mistyped name pays for loading the edit-distance library.
  const { default: leven } = await import('leven');
  throw unknownAccountError(query, closeAccounts(accounts, query, leven), byOption);
}

/** `--account` on a read-only command: the account, or null without the option. */
export async function accountFilter(store: ClaimStore | null, query: string | undefined): Promise<Account | null> {
  if (query === undefined) return null;
  if (store === null) throw unknownAccountError(query, []);
  return findAccount(store, query);
}

/** Every saved account with its claims counted and summed; `claims` is every claim (`listClaims({})`). */
export function summariseAccounts(accounts: readonly Account[], claims: readonly ClaimSummary[]): AccountSummary[] {
  return accounts.map((account) =>
    summariseAccount(
      account,
      claims.filter((claim) => ownsClaim(account, claim)),
    ),
  );
}

export function summariseAccount(account: Account, claims: readonly ClaimSummary[]): AccountSummary {
  const amounts = new Map<string, CurrencyTotals>();
  for (const claim of claims) {
    const totals = amounts.get(claim.currency) ?? { currency: claim.currency, requested: 0, recovered: 0 };
    totals.requested += claim.requested;
    totals.recovered += claim.recovered ?? 0;
    amounts.set(claim.currency, totals);
  }
  return {
    ...stripRecord(account),
    open: claims.filter((claim) => !isTerminal(claim.status)).length,
    total: claims.length,
    amounts: [...amounts.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

export async function listAccountSummaries(store: ClaimStore): Promise<AccountSummary[]> {
  const [accounts, claims] = await Promise.all([store.listAccounts(), store.listClaims({})]);
  return summariseAccounts(accounts, claims);
}

/** `accounts show`: one account, counted and summed, and its claims by ID. */
export async function showAccount(
  store: ClaimStore,
  query: string,
): Promise<{ account: AccountSummary; claims: ClaimSummary[] }> {
  const account = await findAccount(store, query, false);
  const claims = (await store.listClaims({})).filter((claim) => ownsClaim(account, claim));
  return { account: summariseAccount(account, claims), claims };
}

/** What `accounts edit` may correct. */
export type AccountChanges = Partial<Pick<Account, 'name' | 'email' | 'advertiserId' | 'agency' | 'salesRep'>>;

const CLAIM_FIELD: Record<keyof AccountChanges, keyof ClaimFields> = {
  name: 'accountName',
  email: 'email',
  advertiserId: 'advertiserId',
  agency: 'agency',
  salesRep: 'salesRep',
};

/**
 * Corrects a saved account; its open claims follow, each with an `edited` event naming the fields
 * that changed on it. Closed claims keep what they were filed with.
 */
export async function editAccount(
  deps: { store: ClaimStore; clock: Clock },
  query: string,
  changes: AccountChanges,
): Promise<{ account: Account; claims: number[]; changed: (keyof AccountChanges)[] }> {
  const account = await findAccount(deps.store, query, false);
  const next: Account = { ...stripRecord(account), ...changes };
  const changed = (Object.keys(changes) as (keyof AccountChanges)[]).filter((key) => next[key] !== account[key]);
  if (changed.length === 0) return { account: next, claims: [], changed };
  if (changes.advertiserId !== undefined && changes.advertiserId !== account.advertiserId) {
    const owner = (await deps.store.listAccounts()).find((other) => other.advertiserId === changes.advertiserId);
    if (owner)
      throw new UserError(
        `Advertiser ID ${changes.advertiserId} already belongs to the account ${describeAccount(owner)}.`,
        'Check the ID; an advertiser ID names one account.',
      );
  }
  const now = deps.clock.now();
  const claims = await deps.store.editAccount(account, next, now.toISOString(), (claim) => {
    const fields = changed.map((key) => CLAIM_FIELD[key]).filter((field) => claim[field] !== next[keyOf(field)]);
    if (fields.length === 0) return {};
    return {
      fields: Object.fromEntries(fields.map((field) => [field, next[keyOf(field)]])),
      events: [
        {
          type: 'edited',
          on: toLocalDate(now),
          recordedAt: now.toISOString(),
          note: `account corrected: ${describeAccount(account)}`,
          data: { fields },
        },
      ],
    };
  });
  return { account: next, claims, changed };
}

function keyOf(field: keyof ClaimFields): keyof AccountChanges {
  const entry = Object.entries(CLAIM_FIELD).find(([, value]) => value === field);
  if (!entry) throw new Error(`${field} is not an account field`);
  return entry[0] as keyof AccountChanges;
}

function stripRecord(account: Account): Account {
  return {
    name: account.name,
    advertiserId: account.advertiserId,
    email: account.email,
    agency: account.agency,
    salesRep: account.salesRep,
  };
}
