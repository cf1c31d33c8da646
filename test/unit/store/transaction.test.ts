import { describe, expect, it } from 'vitest';
import { DuplicateClaimError } from '../../../src/domain/errors.js';
import { openStore } from '../../../src/store/sqlite/open-store.js';
import { newClaim } from '../../helpers/claims.js';

const draft = (promotionId: string) => newClaim({ promotionId, promotionName: null });

describe("the SQLite store's transaction (used to load many claims at once)", () => {
  it('saves every insert and change made inside it', () => {
    const store = openStore(':memory:').sync;
    const ids = store.transaction(() => {
      const first = store.insertClaim(draft('1790000001'), { allowDuplicate: false });
      const second = store.insertClaim(draft('1790000002'), { allowDuplicate: false });
      store.changeClaim(second.id, () => ({
        result: null,
        change: {
          events: [
            {
              type: 'submitted',
              on: '2026-11-20',
              recordedAt: '2026-11-20T13:00:00.000Z',
              note: null,
              data: { ticket: '42' },
            },
          ],
        },
      }));
      return [first.id, second.id];
    });
    expect(ids).toEqual([1, 2]);
    expect(store.getClaim(2)).toMatchObject({ status: 'submitted', ticketNumber: '42' });
    store.close();
  });

  it('saves nothing when the work fails', () => {
    const store = openStore(':memory:').sync;
    expect(() =>
      store.transaction(() => {
        store.insertClaim(draft('1790000001'), { allowDuplicate: false });
        throw new Error('the backup is damaged');
      }),
    ).toThrow('the backup is damaged');
    expect(store.listClaims({})).toEqual([]);
    store.close();
  });

  it('undoes only the change that failed when the work goes on', () => {
    const store = openStore(':memory:').sync;
    store.transaction(() => {
      store.insertClaim(draft('1790000001'), { allowDuplicate: false });
      expect(() => store.insertClaim(draft('1790000001'), { allowDuplicate: false })).toThrow(DuplicateClaimError);
      store.insertClaim(draft('1790000002'), { allowDuplicate: false });
    });
    expect(store.listClaims({}).map((claim) => claim.promotionId)).toEqual(['1790000001', '1790000002']);
    store.close();
  });
});
