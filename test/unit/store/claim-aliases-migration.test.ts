import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations/index.js';
import { openStore } from '../../../src/store/sqlite/open-store.js';
import { MAPLE_STREET_CLAIM, writeOldDatabase } from '../../helpers/old-database.js';
import { tempDir } from '../../helpers/temp.js';

describe('migration 8: claim aliases', () => {
  it('adds the table to a version 7 database, whose claims have none, and leaves version 5 unused', async () => {
    const path = join(tempDir(), 'claims.db');
    writeOldDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version <= 7),
      [MAPLE_STREET_CLAIM],
    );
    const store = openStore(path);
    expect(store.sync.db.pragma('user_version', { simple: true })).toBe(8);
    expect(await store.claimAliases()).toEqual(new Map());
    expect(await store.claimsByAlias(1)).toEqual([]);
    expect((await store.getClaim(1))?.accountName).toBe('Maple Street Bakery');
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual([1, 2, 3, 4, 6, 7, 8]);
    await store.close();
  });
});
