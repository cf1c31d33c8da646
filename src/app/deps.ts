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
  pendingClaims(): ClaimSummary[];
  findAccount(query: { advertiserId?: string | null; name?: string | null }): Account | null;
  /** For each of the given SHA-256 sums, the other claims whose evidence has the same content. */
  claimsSharingEvidence(claimId: number, sha256s: readonly string[]): Map<string, number[]>;
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

/** One evidence file on its way into a bundle. */
export interface BundleFile {
  /** Entry name inside the zip, the same as in the ticket's evidence list: `evidence/01-receipt-invoice.pdf`. */
  entryName: string;
  /** The stored copy, streamed from disk and re-hashed on the way. */
  path: string;
  evidence: Evidence;
}

/** Everything a bundle holds, ready to be written. */
export interface BundleContent {
  claim: Claim;
  /** Entry dates and the manifest's `createdAt`. */
  createdAt: Date;
  ticket: string;
  timeline: string;
  files: BundleFile[];
}

export interface BundleProgress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

export interface WriteBundleOptions {
  /** Replace an existing file at the target; without it an existing file is an error (exit 1). */
  overwrite: boolean;
  /** Aborting stops the write and removes the temporary file; the target is left as it was. */
  signal?: AbortSignal;
  onProgress?: (progress: BundleProgress) => void;
}

export interface WrittenBundle {
  path: string;
  bytes: number;
  entries: number;
}

export type BundleProblemKind = 'missing' | 'extra' | 'altered' | 'malformed';

/** One thing wrong with a bundle, about one entry (or the archive itself when `entry` is null). */
export interface BundleProblem {
  kind: BundleProblemKind;
  entry: string | null;
  detail: string;
}

export interface BundleReport {
  /** The claim the manifest names, when it could be read. */
  claimId: string | null;
  /** Entries read and hashed. */
  entries: number;
  problems: BundleProblem[];
}

export interface BundleWriter {
  /**
   * Writes the zip to a temporary file beside `target` and renames it into place only when it is
   * complete and flushed. Refuses (UserError) when a stored copy no longer matches its SHA-256.
   */
  write(target: string, content: BundleContent, options: WriteBundleOptions): Promise<WrittenBundle>;
  /** Reads a finished bundle back and checks every entry against its SHA256SUMS and manifest. */
  verify(path: string): Promise<BundleReport>;
}
