import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/domain/errors.js';
import { MIGRATIONS, LATEST_VERSION } from '../../../src/store/sqlite/migrations/index.js';
import type { Migration } from '../../../src/store/sqlite/migrations/migration.js';
import { openStore } from '../../../src/store/sqlite/open-store.js';
import { tempDir } from '../../helpers/temp.js';

const versionOf = (path: string): number => {
  const db = new Database(path, { readonly: true });
  const version = db.pragma('user_version', { simple: true }) as number;
  db.close();
  return version;
};

const addNotes: Migration = {
  version: LATEST_VERSION + 1,
  name: 'notes',
  up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)'),
};
const broken: Migration = {
  version: LATEST_VERSION + 2,
  name: 'broken',
  up: (db) => {
    db.exec('CREATE TABLE half_done (id INTEGER)');
    throw new Error('migration failed half-way');
  },
};

describe('opening the store', () => {
  it('brings a fresh database to the latest version, in WAL mode, private to the user', () => {
    const dir = tempDir();
    const path = join(dir, 'claims.db');
    openStore(path).sync.close();
    expect(versionOf(path)).toBe(LATEST_VERSION);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('does nothing when opened again at the latest version', () => {
    const path = join(tempDir(), 'claims.db');
    openStore(path).sync.close();
    const before = readFileSync(path);
    openStore(path).sync.close();
    expect(versionOf(path)).toBe(LATEST_VERSION);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}.v${LATEST_VERSION}.bak`)).toBe(false);
  });

  it('backs an older database up beside itself before migrating it', () => {
    const path = join(tempDir(), 'claims.db');
    openStore(path).sync.close();
    openStore(path, { migrations: [...MIGRATIONS, addNotes] }).sync.close();
    expect(versionOf(path)).toBe(addNotes.version);
    const backup = `${path}.v${LATEST_VERSION}.bak`;
    expect(versionOf(backup)).toBe(LATEST_VERSION);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
  });

  it('leaves user_version and the schema untouched when a migration fails', () => {
    const path = join(tempDir(), 'claims.db');
    openStore(path).sync.close();
    expect(() => openStore(path, { migrations: [...MIGRATIONS, addNotes, broken] })).toThrow(
      'migration failed half-way',
    );
    expect(versionOf(path)).toBe(LATEST_VERSION);
    const db = new Database(path, { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    db.close();
    expect(tables).not.toContain('notes');
    expect(tables).not.toContain('half_done');
  });

  it('refuses a database from a newer version without changing a byte', () => {
    const dir = tempDir();
    const path = join(dir, 'claims.db');
    openStore(path, { migrations: [...MIGRATIONS, addNotes] }).sync.close();
    copyFileSync(path, join(dir, 'original.db'));
    const open = () => openStore(path).sync;
    expect(open).toThrow(UserError);
    expect(open).toThrow(
      `newer refund-claim (schema ${LATEST_VERSION + 1}; this version knows up to ${LATEST_VERSION})`,
    );
    expect(readFileSync(path).equals(readFileSync(join(dir, 'original.db')))).toBe(true);
  });

  it('names a file that is not a database', () => {
    const path = join(tempDir(), 'claims.db');
    copyFileSync(new URL(import.meta.url), path);
    expect(() => openStore(path)).toThrow(/Cannot open the claims database .*claims\.db/);
  });
});
