import { describe, expect, it } from 'vitest';
import { loadClaim } from '../../../src/app/load-claim.js';
import { ClaimNotFoundError } from '../../../src/domain/errors.js';
import { savedClaim, useCaseDeps } from '../../helpers/use-case-deps.js';

describe('loadClaim', () => {
  it('gives back the stored claim with its events', async () => {
    const { store } = useCaseDeps();
    await savedClaim(store, { promotionId: '111' });
    await savedClaim(store, { promotionId: '222' }, [{ type: 'submitted', on: '2026-11-19', data: { ticket: 'T-9' } }]);
    const claim = await loadClaim(store, 2);
    expect(claim).toMatchObject({ id: 2, promotionId: '222', status: 'submitted', ticketNumber: 'T-9' });
    expect(claim.events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'created'],
      [2, 'submitted'],
    ]);
  });

  it('refuses an unknown ID with the one "not found" error and its hint', async () => {
    const { store } = useCaseDeps();
    await savedClaim(store);
    const attempt = loadClaim(store, 7);
    await expect(attempt).rejects.toThrow(ClaimNotFoundError);
    await expect(attempt).rejects.toMatchObject({
      message: 'Claim RC-0007 not found.',
      hint: 'Run `refund-claim list` to see your claims.',
      exitCode: 1,
    });
  });
});
