import { describe, expect, it } from 'vitest';
import { completeFields } from '../../../src/app/complete-fields.js';
import type { ClaimStore } from '../../../src/app/deps.js';
import type { ClaimFields } from '../../../src/domain/claim.js';
import { savedClaim, useCaseDeps } from '../../helpers/use-case-deps.js';

const given: Partial<ClaimFields> = {
  reason: 'campaign-cancelled',
  advertiserId: '7012345678901',
  promotionId: '1790000002',
  charged: 10000,
  description: 'The campaign was cancelled before it ever ran.',
};

/** existingStore as the composition root gives it, counting the calls. */
function adapters(store: ClaimStore | null) {
  let calls = 0;
  return {
    existingStore: () => {
      calls += 1;
      return Promise.resolve(store);
    },
    calls: () => calls,
  };
}

describe('completeFields', () => {
  it('fills the name and email from the saved account with the same advertiser ID', async () => {
    const { store } = useCaseDeps();
    await savedClaim(store);
    const result = await completeFields(adapters(store), given);
    expect(result).toMatchObject({
      ok: true,
      account: { name: 'Acme Shoes', email: 'ads@acme.test' },
      fields: {
        channel: 'tiktok-ads',
        accountName: 'Acme Shoes',
        email: 'ads@acme.test',
        currency: 'USD',
        requested: 10000,
        start: null,
      },
    });
  });

  it('keeps what the flags gave over the saved account', async () => {
    const { store } = useCaseDeps();
    await savedClaim(store);
    const result = await completeFields(adapters(store), { ...given, email: 'billing@acme.test' });
    expect(result.ok && result.fields).toMatchObject({ accountName: 'Acme Shoes', email: 'billing@acme.test' });
  });

  it('names every missing field, the reason first, when nothing fills them', async () => {
    const result = await completeFields(adapters(null), { channel: 'creator', charged: 500 });
    expect(result).toEqual({
      ok: false,
      account: null,
      missing: ['reason', 'accountName', 'email', 'promotionId', 'description'],
    });
    const noStore = await completeFields(adapters(null), given);
    expect(noStore).toEqual({ ok: false, account: null, missing: ['accountName', 'email'] });
  });

  it('does not look for a data directory when the name and email are given', async () => {
    const deps = adapters(null);
    const result = await completeFields(deps, { ...given, accountName: 'Acme', email: 'a@acme.test' });
    expect(result.ok).toBe(true);
    expect(deps.calls()).toBe(0);
  });
});
