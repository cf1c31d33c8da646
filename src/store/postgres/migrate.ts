import type { ReservedSql, Sql } from 'postgres';
import { transaction } from './transaction.js';
import { UserError } from '../../domain/errors.js';
import type { PostgresMigration } from './migrations/migration.js';

/** The advisory lock every migrating client takes: one migrates, the others wait and find it done. */
const MIGRATION_LOCK = 0x7265_6663; // "refc"

interface AppliedRow {
  version: number;
  readable_from: number;
  release: string;
}

/**
 * Brings the team schema up to what this client knows. A database migrated by a newer client is
 * used as it is when every newer step says older clients still work (`readableFrom`), and refused,
 * untouched, when one does not. Pending steps run in one transaction under an advisory lock, so two
 * members upgrading at once migrate once, and a failed step leaves the schema as it was.
 */
export async function migratePostgres(
  sql: Sql,
  migrations: readonly PostgresMigration[],
  client: { release: string; database: string },
): Promise<void> {
  const known = migrations.at(-1)?.version ?? 0;
  // Read without a lock first: the usual case, a schema already up to date, takes no lock.
  const before = await applied(sql);
  refuseUnreadable(before, known, client);
  if (before.length > 0 && Math.max(...before.map((row) => row.version)) >= known) return;

  await transaction(sql, async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx.unsafe(`CREATE TABLE IF NOT EXISTS refund_claim_schema (
      version integer PRIMARY KEY,
      name text NOT NULL,
      readable_from integer NOT NULL,
      release text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      applied_by text NOT NULL
    )`);
    // Another client may have migrated while this one waited for the lock.
    const now = await applied(tx);
    refuseUnreadable(now, known, client);
    const done = new Set(now.map((row) => row.version));
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await migration.up(tx);
      await tx`INSERT INTO refund_claim_schema (version, name, readable_from, release, applied_by)
        VALUES (${migration.version}, ${migration.name}, ${migration.readableFrom}, ${migration.release},
          ${`refund-claim ${client.release}`})`;
    }
  });
}

async function applied(sql: Sql | ReservedSql): Promise<AppliedRow[]> {
  const [row] = await sql<{ present: boolean }[]>`SELECT to_regclass('refund_claim_schema') IS NOT NULL AS present`;
  if (!row?.present) return [];
  return sql<AppliedRow[]>`SELECT version, readable_from, release FROM refund_claim_schema ORDER BY version`;
}

/** A step this client does not know, and cannot work with: name the release that can. */
function refuseUnreadable(rows: readonly AppliedRow[], known: number, client: { release: string; database: string }) {
  const blocking = rows.filter((row) => row.version > known && row.readable_from > known);
  if (blocking.length === 0) return;
  const needed = blocking.at(-1)!.release;
  const latest = Math.max(...rows.map((row) => row.version));
  throw new UserError(
    `The team database ${client.database} needs refund-claim ${needed} or newer (its schema is at version ${latest}; refund-claim ${client.release} knows up to ${known}). It was left untouched.`,
    `Install it: npm install -g refund-claim@${needed}`,
  );
}
