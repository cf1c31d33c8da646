import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initial } from '../../../src/store/sqlite/migrations/001-initial.js';
import { openStore } from '../../../src/store/sqlite/open-store.js';
import { tempDir } from '../../helpers/temp.js';

describe('migration 2: the columns status prints, inside the index of open claims', () => {
  it('rebuilds the index of a version 1 database and keeps its claims', () => {
    const path = join(tempDir(), 'claims.db');
    const old = openStore(path, { migrations: [initial] }).sync;
    old.insertClaim(
      {
        fields: {
          channel: 'tiktok-promote',
          reason: 'accidental-charge',
          accountName: 'Maple Street Bakery',
          advertiserId: null,
          email: 'hello@maple.test',
          promotionId: '7300000001',
          promotionName: 'Weekend boost',
          start: null,
          end: null,
          currency: 'EUR',
          charged: 2_500,
          expected: null,
          requested: 2_500,
          chargeDate: '2026-11-01',
          promised: null,
          delivered: null,
          creator: null,
          deliverables: null,
          description: 'Boosted the wrong post by mistake and stopped it within minutes.',
          fileBy: null,
        },
        createdAt: '2026-11-02T12:00:00.000Z',
        createdOn: '2026-11-02',
        evidence: [],
      },
      { allowDuplicate: false },
    );
    old.close();

    const store = openStore(path).sync;
    expect(store.db.pragma('user_version', { simple: true })).toBe(2);
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
      },
    ]);
    expect(existsSync(`${path}.v1.bak`)).toBe(true);
    store.close();
  });
});
