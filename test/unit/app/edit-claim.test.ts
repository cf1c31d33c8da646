import { describe, expect, it } from 'vitest';
import { editClaim } from '../../../src/app/edit-claim.js';
import { ClaimNotFoundError, UsageError, UserError } from '../../../src/domain/errors.js';
import { savedClaim, useCaseDeps } from '../../helpers/use-case-deps.js';

// The helper's claim: incorrect-charge, USD 500.00 charged, 300.00 expected, so the default request is 200.00.
const claimDescription = 'We were billed twice for the budget increase on 3 November.';
const later = { now: () => new Date('2026-11-23T09:00:00Z') };

async function setup(fields = {}, steps: Parameters<typeof savedClaim>[2] = []) {
  const deps = { ...useCaseDeps(), clock: later };
  const { id } = await savedClaim(deps.store, fields, steps);
  return { deps, id };
}

describe('editClaim', () => {
  it('saves the changed fields and records which ones, dated by the clock', async () => {
    const { deps, id } = await setup();
    const { claim, changed } = await editClaim(deps, id, { promotionId: '1790000002', accountName: 'Acme Shoes' });
    expect(changed).toEqual(['promotionId']);
    expect(claim.promotionId).toBe('1790000002');
    expect(claim.events.at(-1)).toEqual({
      seq: 2,
      type: 'edited',
      on: '2026-11-23',
      recordedAt: '2026-11-23T09:00:00.000Z',
      note: null,
      actor: null,
      data: { fields: ['promotionId'] },
    });
    expect((await deps.store.getClaim(id))?.promotionId).toBe('1790000002');
  });

  it('moves a default requested amount with the amounts it came from', async () => {
    const { deps, id } = await setup();
    const { claim, changed } = await editClaim(deps, id, { charged: 60000 });
    expect(changed).toEqual(['charged', 'requested']);
    expect(claim).toMatchObject({ charged: 60000, expected: 30000, requested: 30000 });
  });

  it('keeps a requested amount the user chose', async () => {
    const { deps, id } = await setup({ requested: 15000 });
    const { claim, changed } = await editClaim(deps, id, { charged: 60000 });
    expect(changed).toEqual(['charged']);
    expect(claim.requested).toBe(15000);
  });

  it('records nothing when every value is already the claim’s', async () => {
    const { deps, id } = await setup();
    const { claim, changed } = await editClaim(deps, id, { charged: 50000, description: claimDescription });
    expect(changed).toEqual([]);
    expect(claim.events.map((e) => e.type)).toEqual(['created']);
  });

  it('needs every amount again in a new currency', async () => {
    const { deps, id } = await setup();
    const attempt = editClaim(deps, id, { currency: 'EUR', charged: 45000 });
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow('Changing the currency to EUR needs the amounts in it too: --expected.');
    const chosen = await setup({ requested: 15000 });
    await expect(editClaim(chosen.deps, chosen.id, { currency: 'EUR' })).rejects.toThrow(
      'needs the amounts in it too: --charged, --expected, --requested.',
    );
    const { claim, changed } = await editClaim(deps, id, { currency: 'EUR', charged: 45000, expected: 25000 });
    expect(changed).toEqual(['currency', 'charged', 'expected']);
    expect(claim).toMatchObject({ currency: 'EUR', requested: 20000 });
  });

  it('refuses a change that contradicts the other fields, saving nothing', async () => {
    const { deps, id } = await setup();
    const attempt = editClaim(deps, id, { requested: 60000, promotionId: '999' });
    await expect(attempt).rejects.toThrow(
      'Cannot save the claim: the requested amount (USD 600.00) is more than was charged (USD 500.00).',
    );
    const stored = await deps.store.getClaim(id);
    expect(stored).toMatchObject({ requested: 20000, promotionId: '1790000001' });
    expect(stored?.events).toHaveLength(1);
  });

  it('refuses a closed claim, and an unknown one', async () => {
    const closed = [
      { type: 'submitted' as const, on: '2026-11-20', data: { ticket: 'T-1' } },
      { type: 'closed' as const, on: '2026-11-20', data: { outcome: 'withdrawn' as const } },
    ];
    const { deps, id } = await setup({}, closed);
    const attempt = editClaim(deps, id, { promotionId: '999' });
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow('RC-0001 is withdrawn; a closed claim is not edited.');
    expect((await deps.store.getClaim(id))?.promotionId).toBe('1790000001');
    await expect(editClaim(deps, 5, { promotionId: '999' })).rejects.toThrow(ClaimNotFoundError);
  });
});
