import { closeSync, existsSync, openSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration.js';

const versionOf = (db: Database): number => db.pragma('user_version', { simple: true }) as number;

/**
 * Brings the schema to the latest version in one IMMEDIATE transaction: all pending steps and the
 * `user_version` bump commit together or not at all. An existing database is first copied beside
 * itself (`claims.db.v1.bak`), because a migration is the one write that can lose old data.
 */
export function migrate(db: Database, migrations: readonly Migration[], path: string | null): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const before = versionOf(db);
  if (before >= latest) return;
  // VACUUM INTO cannot run inside a transaction; a copy made before another process migrates
  // first is merely redundant.
  if (before > 0 && path !== null) {
    const backup = backupPath(path, before);
    // Created empty first so that the copy of private data is 0600 too; VACUUM INTO accepts that.
    closeSync(openSync(backup, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(backup);
  }

  db.transaction(() => {
    const current = versionOf(db);
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}

function backupPath(path: string, version: number): string {
  let candidate = `${path}.v${version}.bak`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${path}.v${version}.${n}.bak`;
  return candidate;
}
