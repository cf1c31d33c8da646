import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initial } from '../../../src/store/sqlite/migrations/001-initial.js';
import { LATEST_VERSION } from '../../../src/store/sqlite/migrations/index.js';
import { openStore } from '../../../src/store/sqlite/open-store.js';
import { MAPLE_STREET_CLAIM, writeOldDatabase } from '../../helpers/old-database.js';
import { tempDir } from '../../helpers/temp.js';

describe('migration 2: the columns status prints, inside the index of open claims', () => {
  it('rebuilds the index of a version 1 database and keeps its claims', () => {
    const path = join(tempDir(), 'claims.db');
    writeOldDatabase(path, [initial], [MAPLE_STREET_CLAIM]);

    const store = openStore(path).sync;
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const columns = (store.db.pragma("index_info('claims_pending')") as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual([
      'next_due',
      'id',
      'status',
      'next_action',
      'promotion_id',
      'promotion_name',
      'currency',
      'requested',
      // Migration 7: the account status prints and --account matches.
      'account_name',
      'advertiser_id',
    ]);
    expect(store.pendingClaims()).toEqual([
      {
        id: 1,
        status: 'draft',
        nextAction: 'submit',
        nextDue: '2026-11-04',
        promotionId: '7300000001',
        promotionName: 'Weekend boost',
        currency: 'EUR',
        requested: 2_500,
        accountName: 'Maple Street Bakery',
        advertiserId: null,
      },
    ]);
    expect(existsSync(`${path}.v1.bak`)).toBe(true);
    store.close();
  });
});
