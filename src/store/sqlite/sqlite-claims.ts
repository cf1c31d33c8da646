import type { Database, Statement } from 'better-sqlite3';
import type {
  Account,
  AccountRecord,
  CalendarMark,
  ClaimChange,
  ClaimDecision,
  ClaimFilter,
  ClaimQuery,
  ClaimSummary,
  ImportedClaim,
  ImportOptionsForStore,
  ImportOutcome,
  NewClaim,
  NewEvent,
  PendingClaim,
} from '../../app/deps.js';
import { formatClaimId, MAX_CLAIM_ID } from '../../domain/claim.js';
import type { Channel, Claim, ClaimEvent, ClaimFields, Evidence, Reason } from '../../domain/claim.js';
import { FACTS_VERSION } from '../../domain/claim.js';
import {
  ClaimIdTakenError,
  ClaimNotFoundError,
  DuplicateClaimError,
  EmailLoggedError,
  UserError,
} from '../../domain/errors.js';
import {
  accountFromRow,
  claimFromRows,
  columnValue,
  eventFromRow,
  evidenceFromRow,
  FIELD_COLUMNS,
  PENDING_COLUMNS,
  pendingFromValues,
  SUMMARY_COLUMNS,
  summaryFromValues,
  DERIVED_COLUMNS,
  derivedState,
} from './rows.js';
import type { AccountRow, ClaimRow, EventRow, EvidenceRow } from './rows.js';
import { aliasesToRecord, groupAliases, groupLoggedEmails, loggedEmailsToRecord } from './aliases.js';

/*
 * The reads that commands run on every use, exported so that a test checks each one's query plan
 * (test/unit/query-plans.test.ts): each is answered from an index, and `status` from the partial
 * index of open claims alone, whatever the number of closed claims.
 */

export const CLAIM_BY_ID = 'SELECT * FROM claims WHERE id = ?';

export const EVENTS_OF_CLAIM =
  'SELECT seq, type, happened_on, recorded_at, note, data, actor FROM events WHERE claim_id = ? ORDER BY seq';

export const EVIDENCE_OF_CLAIM =
  'SELECT seq, kind, name, caption, bytes, sha256, mime, added_at FROM evidence WHERE claim_id = ? ORDER BY seq';

/** Every column it reads is in the index `claims_pending`: no table row is visited. */
export const PENDING_CLAIMS = `SELECT ${PENDING_COLUMNS} FROM claims WHERE next_due IS NOT NULL ORDER BY next_due, id`;

export const OPEN_DUPLICATES = `SELECT ${SUMMARY_COLUMNS} FROM claims
  WHERE promotion_id = ? AND channel = ? AND reason = ? AND next_due IS NOT NULL ORDER BY id`;

export const NEXT_ID = 'SELECT COALESCE(MAX(id), 0) + 1 AS id FROM claims';

/** Every command that takes a claim ID runs this first: it must stay an index search. */
export const CLAIMS_BY_ALIAS = 'SELECT claim_id FROM claim_aliases WHERE alias_id = ? ORDER BY claim_id';

export const ALIASES_OF_CLAIM = 'SELECT alias_id, claim_id FROM claim_aliases WHERE claim_id = ? ORDER BY alias_id';

export const CLAIMS_SHARING_EVIDENCE = `SELECT DISTINCT sha256, claim_id FROM evidence
  WHERE sha256 IN (SELECT value FROM json_each(?)) AND claim_id != ? ORDER BY claim_id`;

export const ACCOUNT_BY_ADVERTISER_ID =
  'SELECT name, advertiser_id, email, agency, sales_rep FROM accounts WHERE advertiser_id = ?';

export const ACCOUNT_BY_NAME =
  'SELECT name, advertiser_id, email, agency, sales_rep FROM accounts WHERE name = ? COLLATE NOCASE ORDER BY updated_at DESC LIMIT 1';

/** `list` with its filters: status, reason and channel each have an index that keeps ID order. */
export function listQuery(filter: ClaimFilter): { sql: string; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  for (const key of ['status', 'reason', 'channel'] as const) {
    const value = filter[key];
    if (value !== undefined) {
      where.push(`${key} = ?`);
      params.push(value);
    }
  }
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM claims ${where.length > 0 ? `WHERE ${where.join(' AND ')} ` : ''}ORDER BY id`;
  return { sql, params };
}

/**
 * The claims in SQLite, synchronously: better-sqlite3 transactions cannot span an `await`, so
 * every method here is one transaction or one query. `SqliteClaimStore` puts the async contract
 * of app/deps.ts in front of it; the benchmark's loader batches these calls in `transaction`.
 */
export class SqliteClaims {
  private readonly statements = new Map<string, Statement>();

  /** `actor`: who every event recorded through this connection is by (null: not known). */
  constructor(
    readonly db: Database,
    private readonly actor: string | null = null,
  ) {}

  /** Prepares each SQL text once per process, on first use: `status` needs only two of them. */
  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  insertClaim(claim: NewClaim, options: { allowDuplicate: boolean }): Claim {
    const { fields } = claim;
    return this.db
      .transaction(() => {
        if (!options.allowDuplicate) {
          const [existing] = this.findOpenDuplicates(fields.channel, fields.promotionId, fields.reason);
          if (existing) throw new DuplicateClaimError(existing);
        }
        const columns = Object.values(FIELD_COLUMNS);
        const values = Object.keys(FIELD_COLUMNS).map((key) => columnValue(fields, key as keyof ClaimFields));
        // The ID is allocated here, inside the IMMEDIATE transaction: parallel processes queue
        // on the write lock and each gets the next free ID.
        const { lastInsertRowid } = this.sql(
          `INSERT INTO claims (${columns.join(', ')}, status, created_at, created_on, updated_at, facts_version)
           VALUES (${columns.map(() => '?').join(', ')}, 'draft', ?, ?, ?, ?)`,
        ).run(...values, claim.createdAt, claim.createdOn, claim.createdAt, FACTS_VERSION);
        const id = Number(lastInsertRowid);
        // An ID past RC-999999999 is one no command accepts: refuse it, and the insert rolls back.
        if (id > MAX_CLAIM_ID)
          throw new UserError(
            `No claim ID is left: ${formatClaimId(MAX_CLAIM_ID)} is the last one.`,
            'Export the claims and import them with --on-conflict renumber into a new data directory.',
          );
        this.appendEvents(id, 0, [
          { type: 'created', on: claim.createdOn, recordedAt: claim.createdAt, note: null, data: {} },
        ]);
        this.insertEvidence(id, claim.evidence);
        this.rememberAccount(fields, claim.createdAt);
        return this.refresh(id);
      })
      .immediate();
  }

  findOpenDuplicates(channel: Channel, promotionId: string, reason: Reason): ClaimSummary[] {
    return (this.sql(OPEN_DUPLICATES).raw(true).all(promotionId, channel, reason) as unknown[][]).map(
      summaryFromValues,
    );
  }

  getClaim(id: number): Claim | null {
    const row = this.sql(CLAIM_BY_ID).get(id) as ClaimRow | undefined;
    if (!row) return null;
    const events = this.sql(EVENTS_OF_CLAIM).all(id) as EventRow[];
    const evidence = this.sql(EVIDENCE_OF_CLAIM).all(id) as EvidenceRow[];
    return claimFromRows(row, events.map(eventFromRow), evidence.map(evidenceFromRow));
  }

  peekNextId(): number {
    return (this.sql(NEXT_ID).get() as { id: number }).id;
  }

  changeClaim<R>(id: number, decide: (claim: Claim) => ClaimDecision<R>): { claim: Claim; result: R } {
    return this.db
      .transaction(() => {
        // IMMEDIATE holds the write lock from here: the claim read is the one the change applies to.
        const claim = this.getClaim(id);
        if (!claim) throw new ClaimNotFoundError(id);
        const { change, result } = decide(claim);
        const { fields, events = [], evidence = [], captions = [] } = change;
        const setCaption = this.sql('UPDATE evidence SET caption = ? WHERE claim_id = ? AND seq = ?');
        for (const item of captions) setCaption.run(item.caption, id, item.number);
        if (fields && Object.keys(fields).length > 0) {
          const keys = Object.keys(fields) as (keyof ClaimFields)[];
          this.sql(`UPDATE claims SET ${keys.map((key) => `${FIELD_COLUMNS[key]} = ?`).join(', ')} WHERE id = ?`).run(
            ...keys.map((key) => columnValue(fields, key)),
            id,
          );
          this.rememberAccount({ ...claim, ...fields }, events.at(-1)?.recordedAt ?? claim.createdAt);
        }
        this.appendEvents(id, Math.max(0, ...claim.events.map((event) => event.seq)), events);
        this.insertEvidence(id, evidence);
        return { claim: this.refresh(id), result };
      })
      .immediate();
  }

  /**
   * The email's key goes in first, in the same IMMEDIATE transaction as the change: a second
   * process waits for the first to commit, then finds the key taken and changes nothing.
   */
  changeClaimWithEmail<R>(
    id: number,
    emailKey: string,
    decide: (claim: Claim) => ClaimDecision<R>,
  ): { claim: Claim; result: R } {
    return this.db
      .transaction(() => {
        if (this.sql('SELECT 1 FROM claims WHERE id = ?').get(id) === undefined) throw new ClaimNotFoundError(id);
        const { changes } = this.sql(
          'INSERT INTO logged_emails (email_key, claim_id) VALUES (?, ?) ON CONFLICT (email_key) DO NOTHING',
        ).run(emailKey, id);
        if (changes === 0) throw new EmailLoggedError(emailKey, this.loggedEmails([emailKey]).get(emailKey) ?? id);
        // Nested: better-sqlite3 runs it as a savepoint of this transaction.
        return this.changeClaim(id, decide);
      })
      .immediate();
  }

  loggedEmails(emailKeys: readonly string[]): Map<string, number> {
    const rows = this.sql(
      'SELECT email_key, claim_id FROM logged_emails WHERE email_key IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(emailKeys)) as { email_key: string; claim_id: number }[];
    return new Map(rows.map((row) => [row.email_key, row.claim_id]));
  }

  loggedEmailsByClaim(): Map<number, string[]> {
    return groupLoggedEmails(
      this.sql('SELECT email_key, claim_id FROM logged_emails').all() as { email_key: string; claim_id: number }[],
    );
  }

  listClaims(filter: ClaimFilter): ClaimSummary[] {
    const { sql, params } = listQuery(filter);
    return (
      this.sql(sql)
        .raw(true)
        .all(...params) as unknown[][]
    ).map(summaryFromValues);
  }

  pendingClaims(): PendingClaim[] {
    return (this.sql(PENDING_CLAIMS).raw(true).all() as unknown[][]).map(pendingFromValues);
  }

  findAccount(query: { advertiserId?: string | null; name?: string | null }): Account | null {
    const row = (
      query.advertiserId
        ? this.sql(ACCOUNT_BY_ADVERTISER_ID).get(query.advertiserId)
        : query.name
          ? this.sql(ACCOUNT_BY_NAME).get(query.name)
          : undefined
    ) as AccountRow | undefined;
    return row ? accountFromRow(row) : null;
  }

  claimsSharingEvidence(claimId: number, sha256s: readonly string[]): Map<string, number[]> {
    const rows = this.sql(CLAIMS_SHARING_EVIDENCE).all(JSON.stringify(sha256s), claimId) as {
      sha256: string;
      claim_id: number;
    }[];
    const shared = new Map<string, number[]>();
    for (const row of rows) shared.set(row.sha256, [...(shared.get(row.sha256) ?? []), row.claim_id]);
    return shared;
  }

  /**
   * Runs several inserts and changes as one IMMEDIATE transaction: the benchmark loads 100,000
   * claims with one commit per batch instead of one per claim. better-sqlite3 turns the
   * transactions of insertClaim and changeClaim inside into savepoints.
   */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  fullClaims(query: ClaimQuery = {}): Claim[] {
    const where: string[] = [];
    const params: string[] = [];
    if (query.openOnly) where.push('next_due IS NOT NULL');
    if (query.createdSince !== undefined) {
      where.push('created_on >= ?');
      params.push(query.createdSince);
    }
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const selected = `SELECT id FROM claims ${condition}`;
    // Three queries for any number of claims, instead of three per claim.
    const rows = this.sql(`SELECT * FROM claims ${condition} ORDER BY ${query.openOnly ? 'next_due, id' : 'id'}`).all(
      ...params,
    ) as ClaimRow[];
    const events = this.sql(
      `SELECT claim_id, seq, type, happened_on, recorded_at, note, data, actor FROM events
       WHERE claim_id IN (${selected}) ORDER BY claim_id, seq`,
    ).all(...params) as (EventRow & { claim_id: number })[];
    const evidence = this.sql(
      `SELECT claim_id, seq, kind, name, caption, bytes, sha256, mime, added_at FROM evidence
       WHERE claim_id IN (${selected}) ORDER BY claim_id, seq`,
    ).all(...params) as (EvidenceRow & { claim_id: number })[];
    const eventsOf = groupBy(events, (row) => row.claim_id, eventFromRow);
    const evidenceOf = groupBy(evidence, (row) => row.claim_id, evidenceFromRow);
    return rows.map((row) => claimFromRows(row, eventsOf.get(row.id) ?? [], evidenceOf.get(row.id) ?? []));
  }

  listAccounts(): AccountRecord[] {
    const rows = this.sql(
      'SELECT name, advertiser_id, email, agency, sales_rep, updated_at FROM accounts ORDER BY name COLLATE NOCASE, id',
    ).all() as (AccountRow & { updated_at: string })[];
    return rows.map((row) => ({ ...accountFromRow(row), updatedAt: row.updated_at }));
  }

  importClaims(
    claims: readonly ImportedClaim[],
    accounts: readonly AccountRecord[],
    options: ImportOptionsForStore,
  ): ImportOutcome {
    return this.transaction(() => {
      const exists = this.sql('SELECT 1 FROM claims WHERE id = ?');
      const taken = new Set(claims.filter((claim) => exists.get(claim.id) !== undefined).map((claim) => claim.id));
      if (taken.size > 0 && options.onConflict === 'fail') throw new ClaimIdTakenError([...taken]);
      const imported: ImportOutcome['imported'] = [];
      for (const claim of claims.filter((c) => !taken.has(c.id))) {
        this.restoreClaim(claim.id, claim);
        imported.push({ from: claim.id, to: claim.id });
      }
      if (options.onConflict === 'renumber') {
        // After the others have their own IDs, so a new ID never lands on one the file still needs.
        for (const claim of claims.filter((c) => taken.has(c.id))) {
          const id = this.peekNextId();
          this.restoreClaim(id, claim);
          imported.push({ from: claim.id, to: id });
        }
      }
      for (const account of accounts) this.restoreAccount(account);
      const alias = this.sql(
        'INSERT INTO claim_aliases (alias_id, claim_id, imported_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      );
      for (const [aliasId, claimId] of aliasesToRecord(claims, imported)) {
        alias.run(aliasId, claimId, options.importedAt ?? null);
      }
      const logged = this.sql(
        'INSERT INTO logged_emails (email_key, claim_id) VALUES (?, ?) ON CONFLICT (email_key) DO NOTHING',
      );
      for (const [emailKey, claimId] of loggedEmailsToRecord(claims, imported)) logged.run(emailKey, claimId);
      return {
        imported: imported.sort((a, b) => a.from - b.from),
        skipped: options.onConflict === 'skip' ? [...taken].sort((a, b) => a - b) : [],
      };
    });
  }

  claimAliases(claimIds?: readonly number[]): Map<number, number[]> {
    const rows = (
      claimIds === undefined
        ? this.sql('SELECT alias_id, claim_id FROM claim_aliases ORDER BY claim_id, alias_id').all()
        : claimIds.flatMap((id) => this.sql(ALIASES_OF_CLAIM).all(id))
    ) as { alias_id: number; claim_id: number }[];
    return groupAliases(rows);
  }

  claimsByAlias(alias: number): number[] {
    return (
      this.sql(CLAIMS_BY_ALIAS).all(alias) as {
        claim_id: number;
      }[]
    ).map((row) => row.claim_id);
  }

  editAccount(account: Account, next: Account, at: string, change: (claim: Claim) => ClaimChange): number[] {
    // An account is its advertiser ID, else its name in any case: the same rule as ownsClaim's.
    const where = (key: Account, nameColumn = 'name'): [string, string] =>
      key.advertiserId !== null
        ? ['advertiser_id = ?', key.advertiserId]
        : [`advertiser_id IS NULL AND ${nameColumn} = ? COLLATE NOCASE`, key.name];
    const save = (key: Account): void => {
      const [condition, value] = where(key);
      this.sql(
        `UPDATE accounts SET name = ?, advertiser_id = ?, email = ?, agency = ?, sales_rep = ?, updated_at = ?
         WHERE ${condition}`,
      ).run(next.name, next.advertiserId, next.email, next.agency, next.salesRep, at, value);
    };
    return this.transaction(() => {
      // First, so that the claims' changes below update this entry rather than add one.
      save(account);
      const [condition, value] = where(account, 'account_name');
      const ids = (
        this.sql(`SELECT id FROM claims WHERE next_due IS NOT NULL AND ${condition} ORDER BY id`).all(value) as {
          id: number;
        }[]
      ).map((row) => row.id);
      for (const id of ids) this.changeClaim(id, (claim) => ({ change: change(claim), result: null }));
      // Last, so that the entry is exactly `next`, whatever a claim's fields said.
      save(next);
      return ids;
    });
  }

  calendarMarks(): CalendarMark[] {
    return this.sql('SELECT uid, fingerprint, sequence FROM calendar_marks').all() as CalendarMark[];
  }

  saveCalendarMarks(marks: readonly CalendarMark[]): void {
    const save = this.sql(
      `INSERT INTO calendar_marks (uid, fingerprint, sequence) VALUES (?, ?, ?)
       ON CONFLICT (uid) DO UPDATE SET fingerprint = excluded.fingerprint, sequence = excluded.sequence`,
    );
    this.transaction(() => {
      for (const mark of marks) save.run(mark.uid, mark.fingerprint, mark.sequence);
    });
  }

  close(): void {
    this.db.close();
  }

  /** Writes a claim as it was exported: its rows verbatim, then the derived columns from them. */
  private restoreClaim(id: number, claim: ImportedClaim): void {
    const { fields } = claim;
    const columns = Object.values(FIELD_COLUMNS);
    const values = Object.keys(FIELD_COLUMNS).map((key) => columnValue(fields, key as keyof ClaimFields));
    this.sql(
      `INSERT INTO claims (id, ${columns.join(', ')}, status, created_at, created_on, updated_at, facts_version)
       VALUES (?, ${columns.map(() => '?').join(', ')}, 'draft', ?, ?, ?, ?)`,
    ).run(id, ...values, claim.createdAt, claim.createdOn, claim.createdAt, claim.factsVersion);
    const insertEvent = this.sql(
      `INSERT INTO events (claim_id, seq, type, happened_on, recorded_at, note, data, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const event of claim.events) {
      insertEvent.run(
        id,
        event.seq,
        event.type,
        event.on,
        event.recordedAt,
        event.note,
        JSON.stringify(event.data),
        event.actor,
      );
    }
    this.insertEvidence(id, claim.evidence);
    this.refresh(id);
  }

  /** Merges one address-book entry: the more recently confirmed name, email, agency and sales representative win. */
  private restoreAccount(account: AccountRecord): void {
    if (account.advertiserId !== null) {
      this.sql(
        `INSERT INTO accounts (name, advertiser_id, email, agency, sales_rep, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (advertiser_id) DO UPDATE SET name = excluded.name, email = excluded.email,
           agency = excluded.agency, sales_rep = excluded.sales_rep, updated_at = excluded.updated_at
         WHERE excluded.updated_at > accounts.updated_at`,
      ).run(account.name, account.advertiserId, account.email, account.agency, account.salesRep, account.updatedAt);
      return;
    }
    const existing = this.sql(
      'SELECT id, updated_at FROM accounts WHERE advertiser_id IS NULL AND name = ? COLLATE NOCASE',
    ).get(account.name) as { id: number; updated_at: string } | undefined;
    if (!existing) {
      this.sql(
        'INSERT INTO accounts (name, advertiser_id, email, agency, sales_rep, updated_at) VALUES (?, NULL, ?, ?, ?, ?)',
      ).run(account.name, account.email, account.agency, account.salesRep, account.updatedAt);
    } else if (account.updatedAt > existing.updated_at) {
      this.sql('UPDATE accounts SET name = ?, email = ?, agency = ?, sales_rep = ?, updated_at = ? WHERE id = ?').run(
        account.name,
        account.email,
        account.agency,
        account.salesRep,
        account.updatedAt,
        existing.id,
      );
    }
  }

  /** Numbers the events after `last`, the claim's latest number, read under the claim's lock. */
  private appendEvents(id: number, last: number, events: readonly NewEvent[]): void {
    const insert = this.sql(
      `INSERT INTO events (claim_id, seq, type, happened_on, recorded_at, note, data, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const [index, event] of events.entries()) {
      const data = JSON.stringify(event.data);
      insert.run(id, last + index + 1, event.type, event.on, event.recordedAt, event.note, data, this.actor);
    }
  }

  private insertEvidence(id: number, evidence: readonly Evidence[]): void {
    const insert = this.sql(
      `INSERT INTO evidence (claim_id, seq, kind, name, caption, bytes, sha256, mime, added_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const item of evidence) {
      insert.run(id, item.number, item.kind, item.name, item.caption, item.bytes, item.sha256, item.mime, item.addedAt);
    }
  }

  /** The address book `new` offers accounts from: the latest name, email, agency and sales representative per advertiser. */
  private rememberAccount(fields: ClaimFields, at: string): void {
    if (fields.advertiserId) {
      this.sql(
        `INSERT INTO accounts (name, advertiser_id, email, agency, sales_rep, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (advertiser_id) DO UPDATE SET name = excluded.name, email = excluded.email,
           agency = excluded.agency, sales_rep = excluded.sales_rep, updated_at = excluded.updated_at`,
      ).run(fields.accountName, fields.advertiserId, fields.email, fields.agency, fields.salesRep, at);
      return;
    }
    const updated = this.sql(
      `UPDATE accounts SET email = ?, agency = ?, sales_rep = ?, updated_at = ?
       WHERE advertiser_id IS NULL AND name = ? COLLATE NOCASE`,
    ).run(fields.email, fields.agency, fields.salesRep, at, fields.accountName);
    if (updated.changes === 0) {
      this.sql(
        'INSERT INTO accounts (name, advertiser_id, email, agency, sales_rep, updated_at) VALUES (?, NULL, ?, ?, ?, ?)',
      ).run(fields.accountName, fields.email, fields.agency, fields.salesRep, at);
    }
  }

  /** Stores what the domain derives from the events, for the queries of status and list. */
  private refresh(id: number): Claim {
    const read = this.getClaim(id);
    if (!read) throw new ClaimNotFoundError(id);
    const { values, claim } = derivedState(read);
    this.sql(`UPDATE claims SET ${DERIVED_COLUMNS.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`).run(
      ...values,
      id,
    );
    return claim;
  }
}

/** Rows of many claims, mapped and grouped by claim ID (the rows come sorted). */
function groupBy<Row, T extends ClaimEvent | Evidence>(
  rows: readonly Row[],
  key: (row: Row) => number,
  map: (row: Row) => T,
): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(map(row));
    else groups.set(key(row), [map(row)]);
  }
  return groups;
}
