import { describe, expect, it, vi } from 'vitest';
import { closeClaim } from '../../../src/app/close-claim.js';
import type { CloseStep } from '../../../src/app/close-claim.js';
import { UsageError } from '../../../src/domain/errors.js';
import { savedClaim, useCaseDeps } from '../../helpers/use-case-deps.js';

const filed = { type: 'submitted' as const, on: '2026-11-18', data: { ticket: 'T-1' } };
const approved = (amount: number | null) => ({
  type: 'decision' as const,
  on: '2026-11-19',
  data: { decision: 'approved' as const, amount },
});

const step = (overrides: Partial<CloseStep> = {}): CloseStep => ({
  outcome: 'refunded',
  on: '2026-11-20',
  note: null,
  readAmount: null,
  ...overrides,
});

describe('closeClaim', () => {
  it('recovers the approved amount when a paid close states none', async () => {
    const deps = useCaseDeps();
    const { id } = await savedClaim(deps.store, { requested: 20000 }, [filed, approved(15000)]);
    const { claim, recovered } = await closeClaim(deps, id, step());
    expect(claim.status).toBe('refunded');
    expect(recovered).toBe(15000);
    expect(claim.events.at(-1)).toMatchObject({ type: 'closed', data: { outcome: 'refunded', amount: null } });
  });

  it('recovers what was requested when money came without a recorded decision', async () => {
    const deps = useCaseDeps();
    const { id } = await savedClaim(deps.store, { requested: 20000 }, [filed]);
    expect((await closeClaim(deps, id, step({ outcome: 'credited' }))).recovered).toBe(20000);
  });

  it('reads the stated amount with the claim it closes, and records it', async () => {
    const deps = useCaseDeps();
    const { id } = await savedClaim(deps.store, { requested: 20000, currency: 'EUR' }, [filed]);
    const readAmount = vi.fn((claim: { currency: string }) => Promise.resolve(claim.currency === 'EUR' ? 9000 : 1));
    const { claim, recovered } = await closeClaim(deps, id, step({ readAmount }));
    expect(readAmount).toHaveBeenCalledOnce();
    expect(recovered).toBe(9000);
    expect(claim.recovered).toBe(9000);
  });

  it('says nothing was recovered by a withdrawal', async () => {
    const deps = useCaseDeps();
    const { id } = await savedClaim(deps.store, {}, [filed]);
    const { claim, recovered } = await closeClaim(deps, id, step({ outcome: 'withdrawn' }));
    expect(claim.status).toBe('withdrawn');
    expect(claim.recovered).toBe(0);
    expect(recovered).toBeNull();
  });

  it('refuses an amount for a close that pays nothing, before reading it', async () => {
    const deps = useCaseDeps();
    const { id } = await savedClaim(deps.store, {}, [filed]);
    const readAmount = vi.fn(() => Promise.resolve(100));
    const attempt = closeClaim(deps, id, step({ outcome: 'withdrawn', readAmount }));
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow('--amount goes with refunded or credited; withdrawn recovers nothing.');
    expect(readAmount).not.toHaveBeenCalled();
    expect((await deps.store.getClaim(id))?.status).toBe('submitted');
  });

  it('refuses a close that does not fit the status before reading the amount', async () => {
    const deps = useCaseDeps();
    const { id } = await savedClaim(deps.store);
    const readAmount = vi.fn(() => Promise.resolve(100));
    await expect(closeClaim(deps, id, step({ readAmount }))).rejects.toThrow('RC-0001 is draft');
    expect(readAmount).not.toHaveBeenCalled();
  });
});
