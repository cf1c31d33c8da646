/**
 * Every ClaimStore implementation, for the contract tests' `describe.each`: SQLite in memory, and
 * PostgreSQL in a fresh schema of the test server (skipped, saying so, only where no server is
 * installed; CI always has one).
 */
import type { ClaimStore, EvidenceContent } from '../../src/app/deps.js';
import { openStore } from '../../src/store/sqlite/open-store.js';
import { openPostgresStore } from '../../src/store/postgres/open-store.js';
import { freshDatabaseUrl, postgresServer } from './postgres.js';

export interface StoreKind {
  name: string;
  /** False where this store cannot run here (no PostgreSQL server installed). */
  available: boolean;
  open(options?: { actor?: string | null }): Promise<ClaimStore>;
}

export const SQLITE: StoreKind = {
  name: 'SQLite',
  available: true,
  open: (options = {}) => Promise.resolve(openStore(':memory:', { actor: options.actor ?? null })),
};

export const POSTGRES: StoreKind = {
  name: 'PostgreSQL',
  available: postgresServer() !== '',
  async open(options = {}) {
    return (await openPostgres(await freshDatabaseUrl(), options.actor ?? null)).claims;
  },
};

export const STORES: [string, StoreKind][] = [
  [SQLITE.name, SQLITE],
  [POSTGRES.name, POSTGRES],
];

export function openPostgres(
  url: string,
  actor: string | null = null,
): Promise<{ claims: ClaimStore; content: EvidenceContent }> {
  return openPostgresStore(url, { actor, release: 'test' });
}

if (!POSTGRES.available) console.warn('No PostgreSQL server installed: the PostgreSQL store tests are skipped.');
