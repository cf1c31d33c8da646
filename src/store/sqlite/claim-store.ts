import type {
  Account,
  AccountRecord,
  CalendarMark,
  ClaimChange,
  ClaimDecision,
  ClaimFilter,
  ClaimQuery,
  ClaimStore,
  ImportedClaim,
  ImportOptionsForStore,
  NewClaim,
} from '../../app/deps.js';
import type { Channel, Claim, Reason } from '../../domain/claim.js';
import type { SqliteClaims } from './sqlite-claims.js';

/**
 * The async store contract over the synchronous SQLite store. Each call runs its whole
 * transaction before the promise settles, so nothing awaits inside a transaction.
 */
export class SqliteClaimStore implements ClaimStore {
  constructor(
    /** The synchronous store, for the benchmark's batched loading and the query-plan tests. */
    readonly sync: SqliteClaims,
  ) {}

  insertClaim(claim: NewClaim, options: { allowDuplicate: boolean }) {
    return settle(() => this.sync.insertClaim(claim, options));
  }

  findOpenDuplicates(channel: Channel, promotionId: string, reason: Reason) {
    return settle(() => this.sync.findOpenDuplicates(channel, promotionId, reason));
  }

  getClaim(id: number) {
    return settle(() => this.sync.getClaim(id));
  }

  peekNextId() {
    return settle(() => this.sync.peekNextId());
  }

  changeClaim<R>(id: number, decide: (claim: Claim) => ClaimDecision<R>) {
    return settle(() => this.sync.changeClaim(id, decide));
  }

  changeClaimWithEmail<R>(id: number, emailKey: string, decide: (claim: Claim) => ClaimDecision<R>) {
    return settle(() => this.sync.changeClaimWithEmail(id, emailKey, decide));
  }

  loggedEmails(emailKeys: readonly string[]) {
    return settle(() => this.sync.loggedEmails(emailKeys));
  }

  loggedEmailsByClaim() {
    return settle(() => this.sync.loggedEmailsByClaim());
  }

  listClaims(filter: ClaimFilter) {
    return settle(() => this.sync.listClaims(filter));
  }

  pendingClaims() {
    return settle(() => this.sync.pendingClaims());
  }

  findAccount(query: { advertiserId?: string | null; name?: string | null }) {
    return settle(() => this.sync.findAccount(query));
  }

  claimsSharingEvidence(claimId: number, sha256s: readonly string[]) {
    return settle(() => this.sync.claimsSharingEvidence(claimId, sha256s));
  }

  fullClaims(query?: ClaimQuery) {
    return settle(() => this.sync.fullClaims(query));
  }

  listAccounts() {
    return settle(() => this.sync.listAccounts());
  }

  importClaims(claims: readonly ImportedClaim[], accounts: readonly AccountRecord[], options: ImportOptionsForStore) {
    return settle(() => this.sync.importClaims(claims, accounts, options));
  }

  claimAliases(claimIds?: readonly number[]) {
    return settle(() => this.sync.claimAliases(claimIds));
  }

  claimsByAlias(alias: number) {
    return settle(() => this.sync.claimsByAlias(alias));
  }

  editAccount(account: Account, next: Account, at: string, change: (claim: Claim) => ClaimChange) {
    return settle(() => this.sync.editAccount(account, next, at, change));
  }

  calendarMarks() {
    return settle(() => this.sync.calendarMarks());
  }

  saveCalendarMarks(marks: readonly CalendarMark[]) {
    return settle(() => this.sync.saveCalendarMarks(marks));
  }

  close() {
    return settle(() => this.sync.close());
  }
}

/** The result of synchronous work as a promise; the Promise constructor turns a throw into a rejection. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}
