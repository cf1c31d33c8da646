import postgres from 'postgres';
import type { ClaimStore, EvidenceContent } from '../../app/deps.js';
import { PostgresClaimStore } from './claim-store.js';
import { describeDatabaseUrl, tlsSetting } from './database-url.js';
import type { DatabaseTarget } from './database-url.js';
import { databaseError } from './errors.js';
import { PostgresEvidenceContent } from './evidence-content.js';
import { migratePostgres } from './migrate.js';
import { noDelaySocket } from './socket.js';
import { POSTGRES_MIGRATIONS } from './migrations/index.js';
import type { PostgresMigration } from './migrations/migration.js';

export interface OpenPostgresOptions {
  /** Who the events recorded through this store are by. */
  actor: string | null;
  /** This refund-claim's version, recorded with each migration it applies. */
  release: string;
  /** The schema history; tests pass their own to exercise newer and unreadable schemas. */
  migrations?: readonly PostgresMigration[];
}

export interface PostgresStores {
  claims: ClaimStore;
  content: EvidenceContent;
}

/** How long a change waits for another member's lock on the same claim before "changed meanwhile". */
const LOCK_TIMEOUT_MS = 10_000;

/**
 * Connects to the team database (TLS as the URL's `sslmode` says; the driver reads it), brings
 * its schema up to date, and returns the claims and the evidence content over one connection pool.
 * Every failure the user can act on comes out as one UserError naming it, without the password.
 */
export async function openPostgresStore(url: string, options: OpenPostgresOptions): Promise<PostgresStores> {
  const target = describeDatabaseUrl(url);
  // `socket` is a documented option that the driver's type declarations leave out.
  const settings = {
    // A command runs one query at a time, and reads evidence beside it: a few connections suffice.
    max: 4,
    connect_timeout: 10,
    onnotice: () => undefined,
    ssl: tlsSetting(target.sslmode),
    socket: noDelaySocket,
    connection: { application_name: 'refund-claim', lock_timeout: LOCK_TIMEOUT_MS },
  };
  const sql = postgres(url, settings);
  try {
    await migratePostgres(sql, options.migrations ?? POSTGRES_MIGRATIONS, {
      release: options.release,
      database: target.display,
    });
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => undefined);
    throw databaseError(error, target, { connecting: true }) ?? error;
  }
  return {
    claims: translated(new PostgresClaimStore(sql, options.actor), target),
    content: translated(new PostgresEvidenceContent(sql, target.display), target),
  };
}

/** The object with each method's rejection turned into the one-line error the user can act on. */
function translated<T extends object>(inner: T, target: DatabaseTarget): T {
  return new Proxy(inner, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(object, args);
        return result instanceof Promise
          ? result.catch((error: unknown) => {
              throw databaseError(error, target) ?? error;
            })
          : result;
      };
    },
  });
}
