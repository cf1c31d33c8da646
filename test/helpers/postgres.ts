/**
 * The PostgreSQL test server (test/postgres-setup.ts) and a fresh, empty schema on it for each
 * test, selected through the URL's `search_path`, so tests never see each other's claims.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';

/** The server's URL, or '' when none is installed (local runs only; CI always has one). */
export function postgresServer(): string {
  return inject('postgresUrl');
}

/** A URL whose tables live in a new empty schema of the test database. */
export async function freshDatabaseUrl(): Promise<string> {
  const server = postgresServer();
  if (!server) throw new Error('No PostgreSQL test server');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.searchParams.set('search_path', schema);
  return url.toString();
}

/** Runs SQL on the database of `url` (in its schema), for tests that look at or damage rows. */
export async function withDatabase<T>(url: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 2, onnotice: () => undefined });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}
