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
  cancelledOn: '2026-11-10',
  cancelReason: 'The product launch was called off.',
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

  it('does not look for a data directory when everything an account holds is given', async () => {
    const deps = adapters(null);
    const account = { accountName: 'Acme', email: 'a@acme.test', agency: 'Northwind Media', salesRep: 'Dana' };
    const result = await completeFields(deps, { ...given, ...account });
    expect(result.ok).toBe(true);
    expect(deps.calls()).toBe(0);
  });

  it("reuses the saved account's agency and sales representative unless the flags give them", async () => {
    const { store } = useCaseDeps();
    await savedClaim(store, { agency: 'Northwind Media', salesRep: 'dana@tiktok.test' });
    const reused = await completeFields(adapters(store), { ...given, accountName: 'Acme Shoes', email: 'a@acme.test' });
    expect(reused.ok && reused.fields).toMatchObject({ agency: 'Northwind Media', salesRep: 'dana@tiktok.test' });
    const replaced = await completeFields(adapters(store), { ...given, agency: 'Other Agency' });
    expect(replaced.ok && replaced.fields).toMatchObject({ agency: 'Other Agency', salesRep: 'dana@tiktok.test' });
  });
});
