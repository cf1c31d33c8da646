import type { ReservedSql, Sql } from 'postgres';
import { transaction } from './transaction.js';
import type {
  Account,
  AccountRecord,
  CalendarMark,
  ClaimChange,
  ClaimDecision,
  ClaimFilter,
  ClaimQuery,
  ClaimStore,
  ClaimSummary,
  ImportOptionsForStore,
  ImportedClaim,
  ImportOutcome,
  NewClaim,
  NewEvent,
  PendingClaim,
} from '../../app/deps.js';
import { FACTS_VERSION, formatClaimId, MAX_CLAIM_ID } from '../../domain/claim.js';
import type { Channel, Claim, ClaimFields, Evidence, Reason } from '../../domain/claim.js';
import {
  ClaimIdTakenError,
  ClaimNotFoundError,
  ConcurrentChangeError,
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
} from '../sqlite/rows.js';
import { aliasesToRecord, groupAliases, groupLoggedEmails, loggedEmailsToRecord } from '../sqlite/aliases.js';
import type { AccountRow } from '../sqlite/rows.js';
import { claimRow, eventRow, evidenceRow, numbersAt, PENDING_BIGINTS, SUMMARY_BIGINTS } from './rows.js';

type Db = Sql | ReservedSql;
type Param = string | number | boolean | null;

/** Taken by every transaction that allocates claim IDs, so two members never get the same one. */
const CLAIM_IDS_LOCK = 0x7265_6664; // "refd"

/** Lock timeout, serialisation failure, deadlock: the claim was busy, not broken. */
const LOCK_CONFLICTS = new Set(['55P03', '40001', '40P01']);

const EVENT_COLUMNS = 'seq, type, happened_on, recorded_at, note, data, actor';
const EVIDENCE_COLUMNS = 'seq, kind, name, caption, bytes, sha256, mime, added_at';
const ACCOUNT_COLUMNS = 'name, advertiser_id, email, agency, sales_rep';

/**
 * The claims in a shared PostgreSQL database, behind the same contract as SQLite's: IDs are
 * allocated inside the inserting transaction under an advisory lock (the next after the highest,
 * as in SQLite), and `changeClaim` holds the claim's row lock (`SELECT … FOR UPDATE`) from the
 * read that `decide` sees to the commit. Status and next action are derived by the domain, as in
 * SQLite, and stored for the queries of `status` and `list`.
 */
export class PostgresClaimStore implements ClaimStore {
  constructor(
    private readonly sql: Sql,
    /** Who every event recorded through this store is by (null: not known). */
    private readonly actor: string | null,
  ) {}

  insertClaim(claim: NewClaim, options: { allowDuplicate: boolean }): Promise<Claim> {
    const { fields } = claim;
    return transaction(this.sql, async (tx) => {
      // Serialises new claims, so that the duplicate check and the ID both see every other one.
      await tx`SELECT pg_advisory_xact_lock(${CLAIM_IDS_LOCK})`;
      if (!options.allowDuplicate) {
        const [existing] = await this.duplicates(tx, fields.channel, fields.promotionId, fields.reason);
        if (existing) throw new DuplicateClaimError(existing);
      }
      const id = await this.nextId(tx);
      if (id > MAX_CLAIM_ID)
        throw new UserError(
          `No claim ID is left: ${formatClaimId(MAX_CLAIM_ID)} is the last one.`,
          'Export the claims and import them with --on-conflict renumber into a new database.',
        );
      await this.insertClaimRow(tx, id, fields, claim.createdAt, claim.createdOn, FACTS_VERSION);
      await this.appendEvents(tx, id, 0, [
        { type: 'created', on: claim.createdOn, recordedAt: claim.createdAt, note: null, data: {} },
      ]);
      await this.insertEvidence(tx, id, claim.evidence);
      await this.rememberAccount(tx, fields, claim.createdAt);
      return this.refresh(tx, id);
    });
  }

  findOpenDuplicates(channel: Channel, promotionId: string, reason: Reason): Promise<ClaimSummary[]> {
    return this.duplicates(this.sql, channel, promotionId, reason);
  }

  getClaim(id: number): Promise<Claim | null> {
    return this.readClaim(this.sql, id, false);
  }

  async peekNextId(): Promise<number> {
    return this.nextId(this.sql);
  }

  changeClaim<R>(id: number, decide: (claim: Claim) => ClaimDecision<R>): Promise<{ claim: Claim; result: R }> {
    return busyAsChanged(
      id,
      transaction(this.sql, (tx) => this.changeIn(tx, id, decide)),
    );
  }

  changeClaimWithEmail<R>(
    id: number,
    emailKey: string,
    decide: (claim: Claim) => ClaimDecision<R>,
  ): Promise<{ claim: Claim; result: R }> {
    return busyAsChanged(
      id,
      transaction(this.sql, async (tx) => {
        const [exists] = await tx<{ id: number }[]>`SELECT id FROM claims WHERE id = ${id}`;
        if (!exists) throw new ClaimNotFoundError(id);
        // The key's primary key decides: a second member logging the same email waits for the
        // first one's commit here, then inserts nothing.
        const inserted = await tx`
          INSERT INTO logged_emails (email_key, claim_id) VALUES (${emailKey}, ${id})
          ON CONFLICT (email_key) DO NOTHING RETURNING claim_id`;
        if (inserted.length === 0) {
          const [row] = await tx<{ claim_id: number }[]>`
            SELECT claim_id FROM logged_emails WHERE email_key = ${emailKey}`;
          throw new EmailLoggedError(emailKey, row?.claim_id ?? id);
        }
        return this.changeIn(tx, id, decide);
      }),
    );
  }

  async loggedEmails(emailKeys: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.sql<{ email_key: string; claim_id: number }[]>`
      SELECT email_key, claim_id FROM logged_emails WHERE email_key = ANY(${[...emailKeys]}::text[])`;
    return new Map(rows.map((row) => [row.email_key, row.claim_id]));
  }

  async loggedEmailsByClaim(): Promise<Map<number, string[]>> {
    return groupLoggedEmails(
      await this.sql<{ email_key: string; claim_id: number }[]>`SELECT email_key, claim_id FROM logged_emails`,
    );
  }

  editAccount(account: Account, next: Account, at: string, change: (claim: Claim) => ClaimChange): Promise<number[]> {
    // An account is its advertiser ID, else its name in any case: the same rule as ownsClaim's.
    const where = (key: Account, nameColumn: string): [string, string] =>
      key.advertiserId !== null
        ? ['advertiser_id = $7', key.advertiserId]
        : [`advertiser_id IS NULL AND lower(${nameColumn}) = lower($7::text COLLATE "C")`, key.name];
    const save = async (tx: Db, key: Account): Promise<void> => {
      const [condition, value] = where(key, 'name');
      await q(
        tx,
        `UPDATE accounts SET name = $1, advertiser_id = $2, email = $3, agency = $4, sales_rep = $5, updated_at = $6
         WHERE ${condition}`,
        [next.name, next.advertiserId, next.email, next.agency, next.salesRep, at, value],
      );
    };
    return transaction(this.sql, async (tx) => {
      // First, so that the claims' changes below update this entry rather than add one.
      await save(tx, account);
      const [condition, value] = where(account, 'account_name');
      const rows = await q(
        tx,
        `SELECT id FROM claims WHERE next_due IS NOT NULL AND ${condition.replace('$7', '$1')} ORDER BY id`,
        [value],
      );
      const ids = rows.map((row) => Number(row.id));
      for (const id of ids) await this.changeIn(tx, id, (claim) => ({ change: change(claim), result: null }));
      // Last, so that the entry is exactly `next`, whatever a claim's fields said.
      await save(tx, next);
      return ids;
    });
  }

  async calendarMarks(): Promise<CalendarMark[]> {
    return await this.sql<CalendarMark[]>`SELECT uid, fingerprint, sequence FROM calendar_marks`;
  }

  async saveCalendarMarks(marks: readonly CalendarMark[]): Promise<void> {
    await transaction(this.sql, async (tx) => {
      for (const mark of marks) {
        await tx`
          INSERT INTO calendar_marks (uid, fingerprint, sequence) VALUES (${mark.uid}, ${mark.fingerprint}, ${mark.sequence})
          ON CONFLICT (uid) DO UPDATE SET fingerprint = excluded.fingerprint, sequence = excluded.sequence`;
      }
    });
  }

  async listClaims(filter: ClaimFilter): Promise<ClaimSummary[]> {
    const where: string[] = [];
    const params: string[] = [];
    for (const key of ['status', 'reason', 'channel'] as const) {
      const value = filter[key];
      if (value !== undefined) {
        params.push(value);
        where.push(`${key} = $${params.length}`);
      }
    }
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')} ` : '';
    const rows = await this.sql
      .unsafe(`SELECT ${SUMMARY_COLUMNS} FROM claims ${condition}ORDER BY id`, params)
      .values();
    return rows.map((values) => summaryFromValues(numbersAt(values, SUMMARY_BIGINTS)));
  }

  async pendingClaims(): Promise<PendingClaim[]> {
    const rows = await this.sql
      .unsafe(`SELECT ${PENDING_COLUMNS} FROM claims WHERE next_due IS NOT NULL ORDER BY next_due, id`)
      .values();
    return rows.map((values) => pendingFromValues(numbersAt(values, PENDING_BIGINTS)));
  }

  async findAccount(query: { advertiserId?: string | null; name?: string | null }): Promise<Account | null> {
    const rows = query.advertiserId
      ? await q(this.sql, `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE advertiser_id = $1`, [query.advertiserId])
      : query.name
        ? await q(
            this.sql,
            `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE lower(name) = lower($1::text COLLATE "C")
             ORDER BY updated_at DESC LIMIT 1`,
            [query.name],
          )
        : [];
    return rows[0] ? accountFromRow(rows[0] as unknown as AccountRow) : null;
  }

  async claimsSharingEvidence(claimId: number, sha256s: readonly string[]): Promise<Map<string, number[]>> {
    const rows = await this.sql<{ sha256: string; claim_id: number }[]>`
      SELECT DISTINCT sha256, claim_id FROM evidence
      WHERE sha256 = ANY(${[...sha256s]}::text[]) AND claim_id <> ${claimId} ORDER BY claim_id`;
    const shared = new Map<string, number[]>();
    for (const row of rows) shared.set(row.sha256, [...(shared.get(row.sha256) ?? []), row.claim_id]);
    return shared;
  }

  async fullClaims(query: ClaimQuery = {}): Promise<Claim[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (query.openOnly) where.push('next_due IS NOT NULL');
    if (query.createdSince !== undefined) {
      params.push(query.createdSince);
      where.push(`created_on >= $${params.length}`);
    }
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const selected = `SELECT id FROM claims ${condition}`;
    // One snapshot for the three reads, so a claim changed meanwhile is read whole, before or after.
    return transaction(
      this.sql,
      async (tx) => {
        const rows = await q(
          tx,
          `SELECT * FROM claims ${condition} ORDER BY ${query.openOnly ? 'next_due, id' : 'id'}`,
          params,
        );
        const events = await q(
          tx,
          `SELECT claim_id, ${EVENT_COLUMNS} FROM events WHERE claim_id IN (${selected}) ORDER BY claim_id, seq`,
          params,
        );
        const evidence = await q(
          tx,
          `SELECT claim_id, ${EVIDENCE_COLUMNS} FROM evidence WHERE claim_id IN (${selected}) ORDER BY claim_id, seq`,
          params,
        );
        const eventsOf = groupBy(events.map(eventRow), eventFromRow);
        const evidenceOf = groupBy(evidence.map(evidenceRow), evidenceFromRow);
        return rows.map((raw) => {
          const row = claimRow(raw);
          return claimFromRows(row, eventsOf.get(row.id) ?? [], evidenceOf.get(row.id) ?? []);
        });
      },
      'ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  async listAccounts(): Promise<AccountRecord[]> {
    const rows = await q(
      this.sql,
      `SELECT ${ACCOUNT_COLUMNS}, updated_at FROM accounts ORDER BY lower(name) COLLATE "C", id`,
      [],
    );
    return rows.map((row) => ({
      ...accountFromRow(row as unknown as AccountRow),
      updatedAt: row.updated_at as string,
    }));
  }

  importClaims(
    claims: readonly ImportedClaim[],
    accounts: readonly AccountRecord[],
    options: ImportOptionsForStore,
  ): Promise<ImportOutcome> {
    return transaction(this.sql, async (tx) => {
      // The same lock as new claims: no member's `new` takes an ID between the check and the restore.
      await tx`SELECT pg_advisory_xact_lock(${CLAIM_IDS_LOCK})`;
      const existing = await tx<
        { id: number }[]
      >`SELECT id FROM claims WHERE id = ANY(${claims.map((c) => c.id)}::integer[])`;
      const taken = new Set(existing.map((row) => row.id));
      if (taken.size > 0 && options.onConflict === 'fail')
        throw new ClaimIdTakenError([...taken].sort((a, b) => a - b));
      const imported: ImportOutcome['imported'] = [];
      for (const claim of claims.filter((c) => !taken.has(c.id))) {
        await this.restoreClaim(tx, claim.id, claim);
        imported.push({ from: claim.id, to: claim.id });
      }
      if (options.onConflict === 'renumber') {
        for (const claim of claims.filter((c) => taken.has(c.id))) {
          const id = await this.nextId(tx);
          await this.restoreClaim(tx, id, claim);
          imported.push({ from: claim.id, to: id });
        }
      }
      for (const account of accounts) await this.restoreAccount(tx, account);
      for (const [aliasId, claimId] of aliasesToRecord(claims, imported)) {
        await tx`INSERT INTO claim_aliases (alias_id, claim_id, imported_at)
                 VALUES (${aliasId}, ${claimId}, ${options.importedAt ?? null}) ON CONFLICT DO NOTHING`;
      }
      for (const [emailKey, claimId] of loggedEmailsToRecord(claims, imported)) {
        await tx`INSERT INTO logged_emails (email_key, claim_id) VALUES (${emailKey}, ${claimId})
                 ON CONFLICT (email_key) DO NOTHING`;
      }
      return {
        imported: imported.sort((a, b) => a.from - b.from),
        skipped: options.onConflict === 'skip' ? [...taken].sort((a, b) => a - b) : [],
      };
    });
  }

  async claimAliases(claimIds?: readonly number[]): Promise<Map<number, number[]>> {
    const rows =
      claimIds === undefined
        ? await this.sql<{ alias_id: number; claim_id: number }[]>`SELECT alias_id, claim_id FROM claim_aliases`
        : await this.sql<{ alias_id: number; claim_id: number }[]>`
            SELECT alias_id, claim_id FROM claim_aliases WHERE claim_id = ANY(${[...claimIds]}::integer[])`;
    return groupAliases(rows);
  }

  async claimsByAlias(alias: number): Promise<number[]> {
    const rows = await this.sql<{ claim_id: number }[]>`
      SELECT claim_id FROM claim_aliases WHERE alias_id = ${alias} ORDER BY claim_id`;
    return rows.map((row) => row.claim_id);
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 2 });
  }

  /** A change of one claim inside `tx`, holding the claim's row lock from the read to the commit. */
  private async changeIn<R>(
    tx: Db,
    id: number,
    decide: (claim: Claim) => ClaimDecision<R>,
  ): Promise<{ claim: Claim; result: R }> {
    // A second member's change of the same claim waits here, then decides on this one's result.
    const claim = await this.readClaim(tx, id, true);
    if (!claim) throw new ClaimNotFoundError(id);
    const { change, result } = decide(claim);
    const { fields, events = [], evidence = [], captions = [] } = change;
    for (const item of captions) {
      await q(tx, 'UPDATE evidence SET caption = $1 WHERE claim_id = $2 AND seq = $3', [item.caption, id, item.number]);
    }
    if (fields && Object.keys(fields).length > 0) {
      const keys = Object.keys(fields) as (keyof ClaimFields)[];
      await q(
        tx,
        `UPDATE claims SET ${keys.map((key, index) => `${FIELD_COLUMNS[key]} = $${index + 1}`).join(', ')} WHERE id = $${keys.length + 1}`,
        [...keys.map((key) => param(columnValue(fields, key))), id],
      );
      await this.rememberAccount(tx, { ...claim, ...fields }, events.at(-1)?.recordedAt ?? claim.createdAt);
    }
    await this.appendEvents(tx, id, Math.max(0, ...claim.events.map((event) => event.seq)), events);
    await this.insertEvidence(tx, id, evidence);
    return { claim: await this.refresh(tx, id), result };
  }

  private async nextId(db: Db): Promise<number> {
    const [row] = await db<{ id: number }[]>`SELECT COALESCE(MAX(id), 0) + 1 AS id FROM claims`;
    return Number(row?.id ?? 1);
  }

  private async duplicates(db: Db, channel: Channel, promotionId: string, reason: Reason): Promise<ClaimSummary[]> {
    const rows = await db
      .unsafe(
        `SELECT ${SUMMARY_COLUMNS} FROM claims
         WHERE promotion_id = $1 AND channel = $2 AND reason = $3 AND next_due IS NOT NULL ORDER BY id`,
        [promotionId, channel, reason],
      )
      .values();
    return rows.map((values) => summaryFromValues(numbersAt(values, SUMMARY_BIGINTS)));
  }

  private async readClaim(db: Db, id: number, lock: boolean): Promise<Claim | null> {
    const [row] = await q(db, `SELECT * FROM claims WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) return null;
    const events = await q(db, `SELECT ${EVENT_COLUMNS} FROM events WHERE claim_id = $1 ORDER BY seq`, [id]);
    const evidence = await q(db, `SELECT ${EVIDENCE_COLUMNS} FROM evidence WHERE claim_id = $1 ORDER BY seq`, [id]);
    return claimFromRows(
      claimRow(row),
      events.map((event) => eventFromRow(eventRow(event))),
      evidence.map((item) => evidenceFromRow(evidenceRow(item))),
    );
  }

  private async insertClaimRow(
    db: Db,
    id: number,
    fields: ClaimFields,
    createdAt: string,
    createdOn: string,
    factsVersion: number,
  ): Promise<void> {
    const keys = Object.keys(FIELD_COLUMNS) as (keyof ClaimFields)[];
    const columns = keys.map((key) => FIELD_COLUMNS[key]);
    const values: Param[] = [
      id,
      ...keys.map((key) => param(columnValue(fields, key))),
      createdAt,
      createdOn,
      createdAt,
      factsVersion,
    ];
    await q(
      db,
      `INSERT INTO claims (id, ${columns.join(', ')}, status, created_at, created_on, updated_at, facts_version)
       VALUES ($1, ${columns.map((_, index) => `$${index + 2}`).join(', ')}, 'draft',
         $${columns.length + 2}, $${columns.length + 3}, $${columns.length + 4}, $${columns.length + 5})`,
      values,
    );
  }

  private async restoreClaim(db: Db, id: number, claim: ImportedClaim): Promise<void> {
    await this.insertClaimRow(db, id, claim.fields, claim.createdAt, claim.createdOn, claim.factsVersion);
    for (const event of claim.events) {
      await q(
        db,
        `INSERT INTO events (claim_id, seq, type, happened_on, recorded_at, note, data, actor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, event.seq, event.type, event.on, event.recordedAt, event.note, JSON.stringify(event.data), event.actor],
      );
    }
    await this.insertEvidence(db, id, claim.evidence);
    await this.refresh(db, id);
  }

  /** Merges one address-book entry: the more recently confirmed one wins. */
  private async restoreAccount(db: Db, account: AccountRecord): Promise<void> {
    const values = [
      account.name,
      account.advertiserId,
      account.email,
      account.agency,
      account.salesRep,
      account.updatedAt,
    ];
    await q(
      db,
      account.advertiserId !== null
        ? `INSERT INTO accounts (name, advertiser_id, email, agency, sales_rep, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (advertiser_id) DO UPDATE SET name = excluded.name, email = excluded.email,
             agency = excluded.agency, sales_rep = excluded.sales_rep, updated_at = excluded.updated_at
           WHERE excluded.updated_at > accounts.updated_at`
        : `INSERT INTO accounts (name, advertiser_id, email, agency, sales_rep, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (lower(name)) WHERE advertiser_id IS NULL DO UPDATE SET name = excluded.name, email = excluded.email,
             agency = excluded.agency, sales_rep = excluded.sales_rep, updated_at = excluded.updated_at
           WHERE excluded.updated_at > accounts.updated_at`,
      values,
    );
  }

  /** The address book `new` offers accounts from: the latest entry per advertiser, or per name. */
  private async rememberAccount(db: Db, fields: ClaimFields, at: string): Promise<void> {
    const values = [fields.accountName, fields.advertiserId || null, fields.email, fields.agency, fields.salesRep, at];
    await q(
      db,
      fields.advertiserId
        ? `INSERT INTO accounts (name, advertiser_id, email, agency, sales_rep, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (advertiser_id) DO UPDATE SET name = excluded.name, email = excluded.email,
             agency = excluded.agency, sales_rep = excluded.sales_rep, updated_at = excluded.updated_at`
        : // As SQLite's store: the name stays as first written; email, agency and representative follow.
          `INSERT INTO accounts (name, advertiser_id, email, agency, sales_rep, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (lower(name)) WHERE advertiser_id IS NULL DO UPDATE SET email = excluded.email,
             agency = excluded.agency, sales_rep = excluded.sales_rep, updated_at = excluded.updated_at`,
      values.map(param),
    );
  }

  private async appendEvents(db: Db, id: number, last: number, events: readonly NewEvent[]): Promise<void> {
    for (const [index, event] of events.entries()) {
      await q(
        db,
        `INSERT INTO events (claim_id, seq, type, happened_on, recorded_at, note, data, actor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          last + index + 1,
          event.type,
          event.on,
          event.recordedAt,
          event.note,
          JSON.stringify(event.data),
          this.actor,
        ],
      );
    }
  }

  private async insertEvidence(db: Db, id: number, evidence: readonly Evidence[]): Promise<void> {
    for (const item of evidence) {
      await q(
        db,
        `INSERT INTO evidence (claim_id, seq, kind, name, caption, bytes, sha256, mime, added_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, item.number, item.kind, item.name, item.caption, item.bytes, item.sha256, item.mime, item.addedAt],
      );
    }
  }

  /** Stores what the domain derives from the events, for the queries of status and list. */
  private async refresh(db: Db, id: number): Promise<Claim> {
    const read = await this.readClaim(db, id, false);
    if (!read) throw new ClaimNotFoundError(id);
    const { values, claim } = derivedState(read);
    const columns = DERIVED_COLUMNS.map((column, index) => `${column} = $${index + 1}`).join(', ');
    await q(db, `UPDATE claims SET ${columns} WHERE id = $${DERIVED_COLUMNS.length + 1}`, [...values, id]);
    return claim;
  }
}

/** Another member held the claim longer than lock_timeout: nothing was saved. */
async function busyAsChanged<T>(id: number, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (LOCK_CONFLICTS.has((error as { code?: string }).code ?? '')) throw new ConcurrentChangeError(formatClaimId(id));
    throw error;
  }
}

/** One query with positional parameters; rows as plain objects. */
async function q(db: Db, text: string, params: readonly Param[]): Promise<Record<string, unknown>[]> {
  return await db.unsafe(text, params as Param[]);
}

const param = (value: string | number | null | undefined): Param => value ?? null;

/** Rows of many claims, mapped and grouped by claim ID (the rows come sorted). */
function groupBy<Row extends { claim_id: number }, T>(rows: readonly Row[], map: (row: Row) => T): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.claim_id);
    if (group) group.push(map(row));
    else groups.set(row.claim_id, [map(row)]);
  }
  return groups;
}
