/**
 * A database as an older refund-claim left it: the schema of its migrations only, and rows written
 * with its columns, so migration tests never depend on today's store code.
 */
import { openStore } from '../../src/store/sqlite/open-store.js';
import type { Migration } from '../../src/store/sqlite/migrations/migration.js';

export interface OldClaimRow {
  id: number;
  channel: string;
  reason: string;
  account_name: string;
  advertiser_id: string | null;
  email: string;
  promotion_id: string;
  promotion_name: string | null;
  currency: string;
  charged: number;
  requested: number;
  charge_date?: string | null;
  promotion_start?: string | null;
  promotion_end?: string | null;
  creator?: string | null;
  deliverables?: string | null;
  description: string;
  created_on: string;
  next_action: string | null;
  next_due: string | null;
}

/** An open Promote claim as any version has it: what migration tests put in an old database. */
export const MAPLE_STREET_CLAIM: OldClaimRow = {
  id: 1,
  channel: 'tiktok-promote',
  reason: 'accidental-charge',
  account_name: 'Maple Street Bakery',
  advertiser_id: null,
  email: 'hello@maple.test',
  promotion_id: '7300000001',
  promotion_name: 'Weekend boost',
  currency: 'EUR',
  charged: 2_500,
  requested: 2_500,
  charge_date: '2026-11-01',
  description: 'Boosted the wrong post by mistake and stopped it within minutes.',
  created_on: '2026-11-02',
  next_action: 'submit',
  next_due: '2026-11-04',
};

/** Writes claims (each with its "created" event) into a database at `path` with only `migrations` applied. */
export function writeOldDatabase(path: string, migrations: readonly Migration[], claims: readonly OldClaimRow[]): void {
  const { db } = openStore(path, { migrations }).sync;
  const insert = db.prepare(
    `INSERT INTO claims (id, channel, reason, status, account_name, advertiser_id, email, promotion_id, promotion_name,
       promotion_start, promotion_end, currency, charged, requested, charge_date, creator, deliverables, description,
       created_at, created_on, updated_at, next_action, next_due)
     VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = db.prepare(
    `INSERT INTO events (claim_id, seq, type, happened_on, recorded_at, note, data) VALUES (?, 1, 'created', ?, ?, NULL, '{}')`,
  );
  const account = db.prepare('INSERT INTO accounts (name, advertiser_id, email, updated_at) VALUES (?, ?, ?, ?)');
  for (const row of claims) {
    const at = `${row.created_on}T12:00:00.000Z`;
    insert.run(
      row.id,
      row.channel,
      row.reason,
      row.account_name,
      row.advertiser_id,
      row.email,
      row.promotion_id,
      row.promotion_name,
      row.promotion_start ?? null,
      row.promotion_end ?? null,
      row.currency,
      row.charged,
      row.requested,
      row.charge_date ?? null,
      row.creator ?? null,
      row.deliverables ?? null,
      row.description,
      at,
      row.created_on,
      at,
      row.next_action,
      row.next_due,
    );
    event.run(row.id, row.created_on, at);
    account.run(row.account_name, row.advertiser_id, row.email, at);
  }
  db.close();
}
