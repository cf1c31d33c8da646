import { accessSync, closeSync, constants, existsSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import type DatabaseConstructor from 'better-sqlite3';
import { UserError } from '../../domain/errors.js';
import { SqliteClaimStore } from './claim-store.js';
import { SqliteClaims } from './sqlite-claims.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/migration.js';
import { migrate } from './migrate.js';

export interface OpenStoreOptions {
  /** The schema history; tests pass their own to exercise migration failures. */
  migrations?: readonly Migration[];
  /** Who the events recorded through this store are by (`REFUND_CLAIM_USER`, else the login name). */
  actor?: string | null;
}

// Loaded with `require`: it is CommonJS, and importing it from ESM costs ~2 ms more on every
// start (Node wraps it in a module and scans its source for the names it exports).
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof DatabaseConstructor;

/** Waits this long for another refund-claim process to finish its write. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (creating if needed) the claims database: WAL, a busy timeout, foreign keys, and the
 * schema migrated to the latest version. `:memory:` gives a private database for tests.
 */
export function openStore(path: string, options: OpenStoreOptions = {}): SqliteClaimStore {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? 0;
  const onDisk = path !== ':memory:';
  if (onDisk) {
    if (existsSync(path)) refuseNewerSchema(path, latest);
    // Created here so that its mode is 0600; SQLite gives the -wal and -shm files the same.
    else closeSync(openSync(path, 'a', 0o600));
  }

  const db = openDatabase(path);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, onDisk ? path : null);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteClaimStore(new SqliteClaims(db, options.actor ?? null));
}

function openDatabase(path: string, readonly = false): DatabaseConstructor.Database {
  try {
    const db = new Database(path, { readonly, fileMustExist: readonly });
    // Reading the header here turns "not a database" into an error at open, not at first query.
    db.pragma('user_version', { simple: true });
    return db;
  } catch (error) {
    // In WAL mode even a reader writes the -shm index beside the database: say so plainly.
    const why =
      path !== ':memory:' && !writable(dirname(path))
        ? 'its directory is read-only, and SQLite needs to write beside the database even to read it'
        : (error as Error).message;
    throw new UserError(
      `Cannot open the claims database ${path}: ${why}.`,
      'Check the file and its directory, or point --data-dir at another directory.',
    );
  }
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A database from a newer refund-claim is refused before anything is written to it. */
function refuseNewerSchema(path: string, latest: number): void {
  const db = openDatabase(path, true);
  const version = db.pragma('user_version', { simple: true }) as number;
  db.close();
  if (version > latest) {
    throw new UserError(
      `${path} was written by a newer refund-claim (schema ${version}; this version knows up to ${latest}). It was left untouched.`,
      'Upgrade refund-claim: npm install -g refund-claim@latest',
    );
  }
}
