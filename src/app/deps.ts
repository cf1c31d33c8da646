/**
 * What the use cases need from the outside world. `store/`, `evidence/`, `render/` and `bundle/`
 * implement these; tests pass in-memory or temp-directory versions of the same implementations.
 */
import type {
  Channel,
  Claim,
  ClaimEvent,
  ClaimFields,
  Evidence,
  EvidenceKind,
  Reason,
  Status,
} from '../domain/claim.js';
import type { Action } from '../domain/deadlines.js';

export interface Clock {
  now(): Date;
}

/** An event before the store gives it its sequence number. */
export type NewEvent = Omit<ClaimEvent, 'seq'>;
/** Evidence before the store numbers it within its claim. */
export type NewEvidence = Omit<Evidence, 'seq'>;

export interface NewClaim {
  fields: ClaimFields;
  createdAt: string;
  createdOn: string;
  evidence: NewEvidence[];
}

/** What a change made inside a write transaction adds to a claim. */
export interface ClaimChange {
  fields?: Partial<ClaimFields>;
  events?: NewEvent[];
  evidence?: NewEvidence[];
}

export interface Account {
  name: string;
  advertiserId: string | null;
  email: string;
}

export interface ClaimSummary {
  id: number;
  status: Status;
  channel: Channel;
  reason: Reason;
  accountName: string;
  advertiserId: string | null;
  promotionId: string;
  promotionName: string | null;
  currency: string;
  charged: number;
  requested: number;
  recovered: number | null;
  ticketNumber: string | null;
  nextAction: Action | null;
  nextDue: string | null;
  createdAt: string;
}

/** An open claim as `status` lists it: its next action, and the promotion and amount it is about. */
export interface PendingClaim {
  id: number;
  status: Status;
  nextAction: Action;
  nextDue: string;
  promotionId: string;
  promotionName: string | null;
  currency: string;
  requested: number;
}

export interface ClaimFilter {
  status?: Status;
  reason?: Reason;
  channel?: Channel;
}

export interface ClaimStore {
  /**
   * Saves a new claim and its first event in one IMMEDIATE transaction, allocating its ID there.
   * Refuses an open claim with the same channel, promotion ID and reason unless `allowDuplicate`.
   */
  insertClaim(claim: NewClaim, options: { allowDuplicate: boolean }): Claim;
  /** Open claims with the same channel, promotion ID and reason. */
  findOpenDuplicates(channel: Channel, promotionId: string, reason: Reason): ClaimSummary[];
  getClaim(id: number): Claim | null;
  /** The ID the next claim will most likely get; only for previews, never for saving. */
  peekNextId(): number;
  /**
   * Reads the claim, lets `change` decide what to add (it may throw to refuse), and saves it, all
   * in one IMMEDIATE transaction, so two processes never both act on the same old state.
   */
  changeClaim(id: number, change: (claim: Claim) => ClaimChange): Claim;
  listClaims(filter: ClaimFilter): ClaimSummary[];
  /** Every open claim with its next action, soonest due first. */
  pendingClaims(): PendingClaim[];
  findAccount(query: { advertiserId?: string | null; name?: string | null }): Account | null;
  /** For each of the given SHA-256 sums, the other claims whose evidence has the same content. */
  claimsSharingEvidence(claimId: number, sha256s: readonly string[]): Map<string, number[]>;
  /**
   * Runs `work` — several inserts and changes — as one IMMEDIATE transaction: all of them are
   * saved, or none. Restoring a backup needs this, and so does loading many claims quickly: one
   * commit instead of one per claim. A change that throws inside `work` undoes only itself when
   * `work` catches the error.
   */
  transaction<T>(work: () => T): T;
  close(): void;
}

/** A user's file that passed the checks and can be imported. */
export interface InspectedFile {
  path: string;
  name: string;
  bytes: number;
  mime: string;
}

export interface StoredFile extends InspectedFile {
  sha256: string;
}

export type IntegrityState = 'ok' | 'missing' | 'altered';

export interface EvidenceStore {
  /** Checks a user's file: exists, regular, not empty, a supported type (by content). */
  inspect(path: string): Promise<InspectedFile>;
  /** Hashes and copies a checked file into the content-addressed store in one read pass. */
  importFile(file: InspectedFile): Promise<StoredFile>;
  /** Re-hashes the stored copy. */
  verify(sha256: string): Promise<IntegrityState>;
  /** Where the stored copy lives, for streaming it into a bundle. */
  pathOf(sha256: string): string;
}

export interface TemplateInfo {
  name: string;
  description: string;
  /** Path of the user's override, when there is one. */
  overriddenBy: string | null;
}

export interface Templates {
  render(name: string, view: object): string;
  list(): TemplateInfo[];
  /** Copies a built-in template into the user's template directory; returns its path. */
  eject(name: string): string;
}

export interface EvidenceInput {
  kind: EvidenceKind;
  path: string;
  caption?: string | null;
}
