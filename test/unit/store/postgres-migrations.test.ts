/**
 * The team schema's migrations on a real PostgreSQL: applied once by the first newer client under
 * a lock, in one transaction; a newer schema older clients can read is used as it is, and one they
 * cannot read is refused, untouched, naming the release to install.
 */
import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../src/store/postgres/open-store.js';
import { POSTGRES_MIGRATIONS } from '../../../src/store/postgres/migrations/index.js';
import type { PostgresMigration } from '../../../src/store/postgres/migrations/migration.js';
import { newClaim } from '../../helpers/claims.js';
import { freshDatabaseUrl, postgresServer, withDatabase } from '../../helpers/postgres.js';

const open = (url: string, migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS, release = '0.2.0') =>
  openPostgresStore(url, { actor: 'ana', release, migrations });

const step = (version: number, readableFrom: number, sql: string): PostgresMigration => ({
  version,
  name: `step-${version}`,
  readableFrom,
  release: '9.0.0',
  async up(tx) {
    await tx.unsafe(sql);
  },
});

interface SchemaRow {
  version: number;
  name: string;
  readable_from: number;
  release: string;
  applied_by: string;
}

const schemaRows = (url: string) =>
  withDatabase(
    url,
    (sql) =>
      sql<
        SchemaRow[]
      >`SELECT version, name, readable_from, release, applied_by FROM refund_claim_schema ORDER BY version`,
  );

describe.runIf(postgresServer() !== '')('the team schema', () => {
  it('is created by the first client, which records each step, who applied it and who can read it', async () => {
    const url = await freshDatabaseUrl();
    await (await open(url)).claims.close();
    expect(await schemaRows(url)).toEqual([
      { version: 1, name: 'initial', readable_from: 1, release: '0.2.0', applied_by: 'refund-claim 0.2.0' },
    ]);
  });

  it('goes on working for an older client after an additive step of a newer one', async () => {
    const url = await freshDatabaseUrl();
    const newer = await open(
      url,
      [...POSTGRES_MIGRATIONS, step(2, 1, 'ALTER TABLE claims ADD COLUMN priority integer')],
      '9.0.0',
    );
    await newer.claims.insertClaim(newClaim(), { allowDuplicate: false });
    await newer.claims.close();
    const older = await open(url);
    expect((await older.claims.getClaim(1))?.status).toBe('draft');
    expect((await older.claims.insertClaim(newClaim({ promotionId: '2' }), { allowDuplicate: false })).id).toBe(2);
    await older.claims.close();
    expect((await schemaRows(url)).map((row) => row.version)).toEqual([1, 2]);
  });

  it('is refused, untouched, by a client too old for it, naming the release to install', async () => {
    const url = await freshDatabaseUrl();
    const current = await open(url);
    await current.claims.insertClaim(newClaim(), { allowDuplicate: false });
    await current.claims.close();
    const breaking = step(2, 2, 'ALTER TABLE claims RENAME COLUMN email TO contact');
    await (await open(url, [...POSTGRES_MIGRATIONS, breaking], '9.0.0')).claims.close();
    const before = await schemaRows(url);
    await expect(open(url)).rejects.toThrow(
      /needs refund-claim 9\.0\.0 or newer \(its schema is at version 2; refund-claim 0\.2\.0 knows up to 1\)\. It was left untouched\./,
    );
    expect(await schemaRows(url)).toEqual(before);
    const rows = await withDatabase(url, (sql) => sql`SELECT id, contact FROM claims`);
    expect(rows).toEqual([{ id: 1, contact: 'ads@acme.test' }]);
  });

  it('is migrated once when several clients open it at the same moment', async () => {
    const url = await freshDatabaseUrl();
    const slow = step(2, 1, 'SELECT pg_sleep(0.3); CREATE TABLE once_only (id integer)');
    const stores = await Promise.all([1, 2, 3, 4].map(() => open(url, [...POSTGRES_MIGRATIONS, slow])));
    for (const store of stores) await store.claims.close();
    expect((await schemaRows(url)).map((row) => row.version)).toEqual([1, 2]);
  });

  it('is left as it was when a step fails half-way', async () => {
    const url = await freshDatabaseUrl();
    await (await open(url)).claims.close();
    const broken = step(2, 1, 'CREATE TABLE half_done (id integer); SELECT no_such_function()');
    await expect(open(url, [...POSTGRES_MIGRATIONS, broken])).rejects.toThrow(/no_such_function/);
    expect((await schemaRows(url)).map((row) => row.version)).toEqual([1]);
    const table = await withDatabase(url, (sql) => sql`SELECT to_regclass('half_done') IS NULL AS gone`);
    expect(table[0]?.gone).toBe(true);
  });
});
