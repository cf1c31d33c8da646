import { describe, expect, it } from 'vitest';
import { recordDecision } from '../../../src/app/record-decision.js';
import type { DecisionStep } from '../../../src/app/record-decision.js';
import { UsageError, UserError } from '../../../src/domain/errors.js';
import { savedClaim, useCaseDeps } from '../../helpers/use-case-deps.js';

const filed = [{ type: 'submitted' as const, on: '2026-11-18', data: { ticket: 'T-1' } }];

const step = (overrides: Partial<DecisionStep> = {}): DecisionStep => ({
  decision: 'approved',
  amount: null,
  reason: null,
  expectBy: null,
  appealBy: null,
  on: '2026-11-20',
  note: null,
  ...overrides,
});

async function setup() {
  const deps = useCaseDeps();
  const { id } = await savedClaim(deps.store, { requested: 20000 }, filed);
  return { deps, id };
}

describe('recordDecision', () => {
  it('records an approval without an amount as approving what was requested', async () => {
    const { deps, id } = await setup();
    const { claim } = await recordDecision(deps, id, step({ expectBy: '2026-12-20' }));
    expect(claim.status).toBe('approved');
    expect(claim.approved).toBe(20000);
    expect(claim.events.at(-1)).toMatchObject({
      type: 'decision',
      on: '2026-11-20',
      data: { decision: 'approved', amount: 20000, reason: null, expectBy: '2026-12-20', appealBy: null },
    });
  });

  it('keeps the amount stated for a partial approval, and none for a denial', async () => {
    const { deps, id } = await setup();
    const partial = await recordDecision(deps, id, step({ decision: 'partially-approved', amount: 12000 }));
    expect(partial.claim.approved).toBe(12000);

    const other = await setup();
    const denied = await recordDecision(other.deps, other.id, step({ decision: 'denied', reason: 'Too late' }));
    expect(denied.claim.status).toBe('denied');
    expect(denied.claim.approved).toBeNull();
    expect(denied.claim.events.at(-1)?.data).toMatchObject({ amount: null, reason: 'Too late' });
  });

  it('refuses an inconsistent decision with a usage error, recording nothing', async () => {
    const { deps, id } = await setup();
    const attempt = recordDecision(deps, id, step({ decision: 'partially-approved' }));
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow('A partial approval needs --amount: how much was approved.');
    await expect(recordDecision(deps, id, step({ decision: 'denied', amount: 100 }))).rejects.toThrow(
      '--amount goes with approved or partially-approved; a denial approves nothing.',
    );
    expect((await deps.store.getClaim(id))?.status).toBe('submitted');
  });

  it('refuses a decision on a claim that was never filed', async () => {
    const deps = useCaseDeps();
    const { id } = await savedClaim(deps.store);
    await expect(recordDecision(deps, id, step())).rejects.toThrow(UserError);
    await expect(recordDecision(deps, id + 1, step())).rejects.toThrow('RC-0002');
  });
});
