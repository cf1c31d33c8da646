/**
 * What the use cases need from the outside world. `store/`, `evidence/`, `render/` and `bundle/`
 * implement these; tests pass in-memory or temp-directory versions of the same implementations.
 */
import type { Readable } from 'node:stream';
import type {
  Channel,
  Claim,
  ClaimEvent,
  ClaimFields,
  EventPick,
  Evidence,
  EventType,
  EvidenceKind,
  Reason,
  Status,
} from '../domain/claim.js';
import type { Action } from '../domain/deadlines.js';
import type { ClaimSummaryJson } from './formats/claim-json.js';
import type { ReportPageData } from './report-page-data.js';

export type { ClaimSummaryJson, ReportPageData };
export type {
  AccountClaim,
  AccountTable,
  CurrencyMonths,
  CurrencyTotals,
  DueWeek,
  MonthFigures,
  ReasonDays,
  StatusCount,
} from './report-page-data.js';

export interface Clock {
  now(): Date;
}

/**
 * An event before the store gives it its sequence number and its actor: the person the store was
 * opened for (the composition root reads who that is, as it reads the clock).
 */
export type NewEvent<T extends EventType = EventType> = EventPick<'type' | 'on' | 'recordedAt' | 'note' | 'data', T>;
export interface NewClaim {
  fields: ClaimFields;
  createdAt: string;
  createdOn: string;
  /** Numbered 1, 2, … in the order given. */
  evidence: Evidence[];
}

/** What a change made inside a write transaction adds to a claim. */
export interface ClaimChange {
  fields?: Partial<ClaimFields>;
  /** Numbered by the store after the claim's last event, under the claim's lock. */
  events?: NewEvent[];
  /** Numbered by the use case (`withoutDuplicates`) after the claim's last evidence item. */
  evidence?: Evidence[];
  /** New captions of evidence the claim already has, by evidence number. */
  captions?: { number: number; caption: string }[];
}

/** What `changeClaim`'s pure `decide` returns: the change to save, and what to hand back. */
export interface ClaimDecision<R> {
  change: ClaimChange;
  result: R;
}

export interface Account {
  name: string;
  advertiserId: string | null;
  email: string;
  /** The agency filing for it and its TikTok sales representative, reused by its next claim. */
  agency: string | null;
  salesRep: string | null;
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
  /** The account it is filed under: `status` prints the name and `--account` matches either. */
  accountName: string;
  advertiserId: string | null;
}

export interface ClaimFilter {
  status?: Status;
  reason?: Reason;
  channel?: Channel;
}

/**
 * The claims, their events and evidence metadata, and the address book. Shaped by what the use
 * cases need, not by one database: SQLite runs each method as one synchronous transaction behind
 * the promise; PostgreSQL as one transaction with the claim's row locked.
 */
export interface ClaimStore {
  /**
   * Saves a new claim and its first event in one transaction, allocating its ID there. Refuses an
   * open claim with the same channel, promotion ID and reason unless `allowDuplicate`.
   */
  insertClaim(claim: NewClaim, options: { allowDuplicate: boolean }): Promise<Claim>;
  /** Open claims with the same channel, promotion ID and reason. */
  findOpenDuplicates(channel: Channel, promotionId: string, reason: Reason): Promise<ClaimSummary[]>;
  getClaim(id: number): Promise<Claim | null>;
  /** The ID the next claim will most likely get; only for previews, never for saving. */
  peekNextId(): Promise<number>;
  /**
   * Reads and locks the claim, lets the pure `decide` choose what to add (it may throw to refuse),
   * and saves it, all in one transaction, so two processes never both act on the same old state.
   */
  changeClaim<R>(id: number, decide: (claim: Claim) => ClaimDecision<R>): Promise<{ claim: Claim; result: R }>;
  /**
   * `changeClaim` that also logs a saved email on the claim under `emailKey` (its Message-ID,
   * else its checksum), in the same transaction and before `decide` runs. A key logged before, on
   * any claim and by anyone, refuses the whole change with EmailLoggedError: the key is unique in
   * the database (SQL: a primary key, `INSERT … ON CONFLICT (email_key) DO NOTHING`, no row
   * inserted → refused), so two processes logging one email at once log it once.
   */
  changeClaimWithEmail<R>(
    id: number,
    emailKey: string,
    decide: (claim: Claim) => ClaimDecision<R>,
  ): Promise<{ claim: Claim; result: R }>;
  /** Of the given email keys, those logged already, with the claim each was logged on. */
  loggedEmails(emailKeys: readonly string[]): Promise<Map<string, number>>;
  /** Every logged email's key, by the claim it was logged on (keys ascending): for `export`. */
  loggedEmailsByClaim(): Promise<Map<number, string[]>>;
  listClaims(filter: ClaimFilter): Promise<ClaimSummary[]>;
  /** Every open claim with its next action, soonest due first. */
  pendingClaims(): Promise<PendingClaim[]>;
  findAccount(query: { advertiserId?: string | null; name?: string | null }): Promise<Account | null>;
  /** For each of the given SHA-256 sums, the other claims whose evidence has the same content. */
  claimsSharingEvidence(claimId: number, sha256s: readonly string[]): Promise<Map<string, number[]>>;
  /** Whole claims with their events and evidence: by ID, or with `openOnly` soonest due first. */
  fullClaims(query?: ClaimQuery): Promise<Claim[]>;
  /** The address book `new` offers accounts from, as `export` writes it. */
  listAccounts(): Promise<AccountRecord[]>;
  /**
   * Restores exported claims under their own IDs, with their events and evidence as they were,
   * and merges the address book (the newer entry wins), all in one transaction. Status and next
   * action are derived again from the events, as on every write. A renumbered claim keeps its ID
   * from the file as an alias, and every claim keeps the aliases it brought (`importedAt` is
   * recorded with the ones added) and its logged emails' keys (a key already logged here stays
   * with the claim it was logged on).
   */
  importClaims(
    claims: readonly ImportedClaim[],
    accounts: readonly AccountRecord[],
    options: ImportOptionsForStore,
  ): Promise<ImportOutcome>;
  /**
   * The old IDs (aliases) of the given claims, or of every claim without `claimIds`, ascending;
   * claims without any are absent from the map.
   */
  claimAliases(claimIds?: readonly number[]): Promise<Map<number, number[]>>;
  /** The claims that carry `alias` as an old ID, ascending. */
  claimsByAlias(alias: number): Promise<number[]>;
  /**
   * Corrects a saved account, all in one transaction: its address-book entry (found by advertiser
   * ID, else by name in any case) becomes `next`, and each of its open claims (next action set)
   * gets the change `change` decides for it. Returns the IDs of the claims changed, in order.
   */
  editAccount(account: Account, next: Account, at: string, change: (claim: Claim) => ClaimChange): Promise<number[]>;
  /** What the calendar last wrote for each event UID it remembers. */
  calendarMarks(): Promise<CalendarMark[]>;
  /** Remembers what the calendar wrote (insert, or replace by UID), in one transaction. */
  saveCalendarMarks(marks: readonly CalendarMark[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * What `calendar` last wrote under one event UID: a fingerprint of the event's content (action,
 * day, cancelled) and its SEQUENCE, so the next file raises SEQUENCE exactly when the content
 * changed, and never lowers it.
 */
export interface CalendarMark {
  uid: string;
  fingerprint: string;
  sequence: number;
}

export interface ClaimQuery {
  /** Only claims with a next action, soonest due first. */
  openOnly?: boolean;
  /** Only claims drafted on or after this day (`YYYY-MM-DD`). */
  createdSince?: string;
}

export interface AccountRecord extends Account {
  /** ISO-8601 UTC instant the entry was last confirmed by a claim. */
  updatedAt: string;
}

/** A claim as an export holds it: its original ID, and its events and evidence numbered as they were. */
export interface ImportOptionsForStore {
  onConflict: ImportConflict;
  /** When the import ran (ISO instant), recorded with each alias it adds. */
  importedAt?: string;
}

export interface ImportedClaim {
  id: number;
  /** The IDs the claim had before earlier renumbering imports; absent in files that predate aliases. */
  aliases?: readonly number[];
  /**
   * The keys of the saved emails logged on it (`domain/email.ts` emailKey), so that `log` and
   * `inbox` skip them after the import too; absent in files that predate them.
   */
  loggedEmails?: readonly string[];
  fields: ClaimFields;
  createdAt: string;
  createdOn: string;
  /** The facts rules it was drafted under (FACTS_VERSION; 1 for a version-1 export). */
  factsVersion: number;
  events: ClaimEvent[];
  evidence: Evidence[];
}

/** What `import` does with a claim whose ID is taken: refuse all, leave the existing one, or give it a new ID. */
export type ImportConflict = 'fail' | 'skip' | 'renumber';

export interface ImportOutcome {
  /** Each imported claim's ID in the file and in the data directory (they differ when renumbered). */
  imported: { from: number; to: number }[];
  /** IDs left alone because the data directory already had them (`skip`). */
  skipped: number[];
}

/** A user's file that passed the checks and can be imported. */
export interface InspectedFile {
  path: string;
  name: string;
  bytes: number;
  mime: string;
}

/** Content `put` stored: the SHA-256 it is named by, and its length. */
export interface StoredContent {
  sha256: string;
  bytes: number;
}

export interface StoredFile extends InspectedFile, StoredContent {}

export type IntegrityState = 'ok' | 'missing' | 'altered';

/**
 * Private copies of evidence, named by their SHA-256 and written and read only as streams, so a
 * folder of files and a database (chunked rows) are interchangeable; nothing outside the
 * implementation knows where a copy lives.
 */
export interface EvidenceStore {
  /** Checks a user's file: exists, regular, not empty, a supported type (by content). */
  inspect(path: string): Promise<InspectedFile>;
  /** Copies a checked user's file into the store: `put` of its content, read once. */
  importFile(file: InspectedFile): Promise<StoredFile>;
  /**
   * Stores the bytes of `source`, hashing them on the way, under their SHA-256; nothing is
   * visible under that name before all of it is stored. Content already held intact is not
   * written again; a damaged copy of it is replaced.
   */
  put(source: Readable): Promise<StoredContent>;
  /** The stored copy's bytes, or null when there is none. The caller reads or destroys it. */
  open(sha256: string): Promise<Readable | null>;
  /** The stored copy's length without reading it, or null when there is none. */
  size(sha256: string): Promise<number | null>;
  /** Re-hashes the stored copy. */
  verify(sha256: string): Promise<IntegrityState>;
  /** How messages name the stored copy (a file store: its path); for people, never for opening. */
  describe(sha256: string): string;
}

/**
 * What a store of bytes implements (a folder, or the team database's chunked rows); evidence/
 * adds the checks of users' files on top (`inspect`, `importFile`) to make an EvidenceStore.
 */
export type EvidenceContent = Omit<EvidenceStore, 'inspect' | 'importFile'>;

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
  /** The text of the template `render` uses: the user's copy, else the built-in one. */
  source(name: string): string;
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
  /** The stored copy, streamed into the zip and re-hashed on the way; null when it is gone. */
  open(): Promise<Readable | null>;
  /** The stored copy's length, or null when it is gone: a truncated copy stops the bundle before it starts. */
  size(): Promise<number | null>;
  evidence: Evidence;
}

/** Everything a bundle holds, ready to be written. */
export interface BundleContent {
  claim: Claim;
  /** The claim as the manifest describes it (the head of `show --json`). */
  summary: ClaimSummaryJson;
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

/**
 * `malformed`: the zip's structure is wrong (entries that overlap, sizes that lie), so the entry is
 * not read; `unsafe`: its name would unzip outside the target folder, whatever its checksum says.
 */
export type BundleProblemKind = 'missing' | 'extra' | 'altered' | 'malformed' | 'unsafe';

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

/** Writes rows as CSV: a header line, then one line per row, with spreadsheet formulas neutralised. */
export interface CsvWriter {
  write(header: readonly string[], rows: readonly (readonly (string | null)[])[]): string;
}

/**
 * A spreadsheet cell with its type: text is always text (never a formula, however it starts), a
 * number keeps its display format, a date (`YYYY-MM-DD`) is a date.
 */
export type XlsxCell =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number; format: string }
  | { kind: 'date'; value: string }
  | null;

/** Writes one sheet with a header row as an .xlsx workbook. */
export interface XlsxWriter {
  write(sheet: string, header: readonly string[], rows: readonly (readonly XlsxCell[])[]): Promise<Uint8Array>;
}

/** One all-day entry of an iCalendar file. */
export interface CalendarEntry {
  /** Stable across runs, so a calendar app updates the entry instead of adding another. */
  uid: string;
  /** The day (`YYYY-MM-DD`). */
  date: string;
  summary: string;
  description: string;
  /** Grows whenever the entry's content may have changed (RFC 5545 SEQUENCE). */
  sequence: number;
  /** ISO-8601 UTC instant of the last change behind the entry. */
  lastModified: string;
  /** `STATUS:CANCELLED`: a calendar that imports the file removes the event. */
  cancelled: boolean;
}

export interface CalendarFile {
  name: string;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
  entries: CalendarEntry[];
}

/** Writes an RFC 5545 iCalendar file. */
export interface CalendarWriter {
  write(calendar: CalendarFile): string;
}

/** A part of a saved email that is a file. */
export interface EmailAttachment {
  /** Its file name (made printable), or `attachment-N` when it has none. */
  name: string;
  /** Its type, from its content. */
  mime: string;
  content: Uint8Array;
  /**
   * Why it is not kept as evidence: "an inline image", "a signature", "a calendar invitation",
   * "empty", or the type it is when evidence cannot be of that type; null when it is kept.
   */
  skipped: string | null;
}

/** A saved email (`.eml`, RFC 5322 with MIME), read by a real MIME parser. */
export interface SavedEmail {
  /** The Message-ID header as written, or null when there is none. */
  messageId: string | null;
  /** When it was sent (its Date header); null when that is missing or unreadable. */
  date: Date | null;
  /** The sender's address, or null when it has none. */
  from: string | null;
  /** The subject, encoded words decoded; empty when there is none. */
  subject: string;
  /** The text body decoded from its charset; an HTML-only email's HTML as readable text. */
  text: string;
  attachments: EmailAttachment[];
  /** SHA-256 of the bytes as saved. */
  sha256: string;
  /** The bytes as saved, kept as correspondence evidence. */
  raw: Uint8Array;
}

/** Why some bytes are not a usable email: "not an email (…)", "a broken MIME structure (…)". */
export type EmailReading = { ok: true; email: SavedEmail } | { ok: false; problem: string };

export interface MailReader {
  read(raw: Uint8Array): Promise<EmailReading>;
}

/** Draws `report --html`: one self-contained HTML page (inline CSS and SVG, no scripts). */
export interface ReportPageRenderer {
  render(data: ReportPageData): string;
}

/**
 * Every adapter a command may use, built on first use by the composition root (`cli/main.ts`),
 * so that `--help` builds none and `status` only the store.
 */
export interface Adapters {
  /** The claims store, created (with the data directory) when it does not exist yet. */
  store(): Promise<ClaimStore>;
  /** The claims store when one exists; null rather than creating anything (read-only commands). */
  existingStore(): Promise<ClaimStore | null>;
  /** The data directory's evidence store. */
  evidence(): Promise<EvidenceStore>;
  /** An evidence folder outside the data directory (`export`/`import --with-evidence`). */
  evidenceFolder(dir: string): Promise<EvidenceStore>;
  templates(): Promise<Templates>;
  bundles(): Promise<BundleWriter>;
  csv(): Promise<CsvWriter>;
  xlsx(): Promise<XlsxWriter>;
  calendar(): Promise<CalendarWriter>;
  /** The MIME parser for saved emails (`log --message-file reply.eml`, `inbox`). */
  mail(): Promise<MailReader>;
  /** The charting library behind `report --html`, loaded only for it. */
  reportPage(): Promise<ReportPageRenderer>;
  /** Closes what was opened. */
  close(): Promise<void>;
}
