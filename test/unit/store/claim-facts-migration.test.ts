import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkClaim } from '../../../src/domain/completeness.js';
import { initial } from '../../../src/store/sqlite/migrations/001-initial.js';
import { pendingCoveringIndex } from '../../../src/store/sqlite/migrations/002-pending-covering-index.js';
import { openStore } from '../../../src/store/sqlite/open-store.js';
import { writeOldDatabase } from '../../helpers/old-database.js';
import { tempDir } from '../../helpers/temp.js';

const old = {
  advertiser_id: null,
  email: 'hi@bakery.test',
  promotion_name: null,
  currency: 'EUR',
  charged: 80_000,
  requested: 80_000,
  description: 'Paid in full on 1 Nov; neither video has been posted by the creator.',
  created_on: '2026-11-02',
  next_action: 'submit',
  next_due: '2026-11-04',
};

describe('migration 3: the facts of version 2', () => {
  it('migrates a version 2 database; its claims keep working, missing new facts are warnings', () => {
    const path = join(tempDir(), 'claims.db');
    writeOldDatabase(
      path,
      [initial, pendingCoveringIndex],
      [
        {
          ...old,
          id: 1,
          channel: 'creator',
          reason: 'creator-no-delivery',
          account_name: 'Corner Bakery',
          promotion_id: 'deal-7',
          creator: 'studio.name',
          deliverables: 'Two videos',
        },
        {
          ...old,
          id: 2,
          channel: 'tiktok-promote',
          reason: 'campaign-cancelled',
          account_name: 'Corner Bakery',
          promotion_id: 'P-2',
        },
      ],
    );
    const store = openStore(path).sync;
    const creator = store.getClaim(1);
    expect(creator).toMatchObject({
      factsVersion: 1,
      paidVia: 'direct',
      deliverablesDue: null,
      asCredit: false,
      agency: null,
      salesRep: null,
    });
    expect(store.findAccount({ name: 'Corner Bakery' })).toMatchObject({ agency: null, salesRep: null });
    const cancelled = store.getClaim(2);
    expect(cancelled?.paidVia).toBeNull();
    const context = { today: '2026-11-03', integrity: null, shared: new Map() };
    const findings = checkClaim(cancelled!, context).filter((f) => f.code.startsWith('missing-f'));
    expect(findings.map((f) => [f.severity, f.field])).toEqual([
      ['warning', 'cancelledOn'],
      ['warning', 'cancelReason'],
    ]);

    // The old claim takes the new facts, and is then changed like any other.
    const { claim } = store.changeClaim(2, () => ({
      change: { fields: { cancelledOn: '2026-11-01', cancelReason: 'Recall', asCredit: true } },
      result: null,
    }));
    expect(claim).toMatchObject({ cancelledOn: '2026-11-01', cancelReason: 'Recall', asCredit: true });
    // Migration 4: old events name nobody; events recorded from now on name the store's actor.
    expect(creator?.events.map((e) => e.actor)).toEqual([null]);
    store.close();
    const asAna = openStore(path, { actor: 'ana' }).sync;
    const { claim: captioned } = asAna.changeClaim(1, () => ({
      change: {
        events: [
          {
            type: 'edited',
            on: '2026-11-03',
            recordedAt: '2026-11-03T09:00:00.000Z',
            note: null,
            data: { evidence: [1] },
          },
        ],
      },
      result: null,
    }));
    expect(captioned.events.map((e) => e.actor)).toEqual([null, 'ana']);
    asAna.close();
  });
});
