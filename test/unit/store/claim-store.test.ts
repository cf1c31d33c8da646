import { describe, expect, it } from 'vitest';
import { DuplicateClaimError } from '../../../src/domain/errors.js';
import { openStore } from '../../../src/store/open-store.js';
import { newClaim } from '../../helpers/claims.js';

describe('the claim store', () => {
  it('allocates IDs and derives status and next action on save', () => {
    const store = openStore(':memory:');
    const first = store.insertClaim(newClaim(), { allowDuplicate: false });
    const second = store.insertClaim(newClaim({ promotionId: '2' }), { allowDuplicate: false });
    expect([first.id, second.id]).toEqual([1, 2]);
    expect(first.status).toBe('draft');
    expect(store.pendingClaims().map((c) => [c.id, c.nextAction, c.nextDue])).toEqual([
      [1, 'submit', '2026-11-24'],
      [2, 'submit', '2026-11-24'],
    ]);
  });

  it('refuses a second open claim for the same channel, promotion and reason unless allowed', () => {
    const store = openStore(':memory:');
    store.insertClaim(newClaim(), { allowDuplicate: false });
    expect(() => store.insertClaim(newClaim(), { allowDuplicate: false })).toThrow(DuplicateClaimError);
    expect(store.insertClaim(newClaim(), { allowDuplicate: true }).id).toBe(2);
    expect(store.insertClaim(newClaim({ reason: 'accidental-charge' }), { allowDuplicate: false }).id).toBe(3);
  });

  it('numbers evidence in order and appends events in one transaction', () => {
    const store = openStore(':memory:');
    const item = {
      kind: 'receipt' as const,
      name: 'a.pdf',
      caption: null,
      bytes: 3,
      sha256: 'a'.repeat(64),
      mime: 'application/pdf',
      addedAt: 'x',
    };
    const claim = store.insertClaim(
      { ...newClaim(), evidence: [item, { ...item, sha256: 'b'.repeat(64) }] },
      { allowDuplicate: false },
    );
    expect(claim.evidence.map((e) => e.seq)).toEqual([1, 2]);
    const after = store.changeClaim(claim.id, () => ({
      evidence: [{ ...item, sha256: 'c'.repeat(64) }],
      events: [{ type: 'submitted', on: '2026-11-21', recordedAt: 'y', note: null, data: { ticket: 'T-1' } }],
    }));
    expect(after.evidence.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(after.events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'created'],
      [2, 'submitted'],
    ]);
    expect(after).toMatchObject({ status: 'submitted', ticketNumber: 'T-1' });
  });

  it('rolls a refused change back completely', () => {
    const store = openStore(':memory:');
    const { id } = store.insertClaim(newClaim(), { allowDuplicate: false });
    expect(() =>
      store.changeClaim(id, () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(store.getClaim(id)?.events).toHaveLength(1);
  });

  it('remembers accounts by advertiser ID and by name', () => {
    const store = openStore(':memory:');
    store.insertClaim(newClaim(), { allowDuplicate: false });
    store.insertClaim(
      newClaim({
        channel: 'tiktok-promote',
        advertiserId: null,
        accountName: 'Corner Bakery',
        email: 'hi@bakery.test',
      }),
      { allowDuplicate: false },
    );
    expect(store.findAccount({ advertiserId: '7012345678901' })).toEqual({
      name: 'Acme Shoes',
      advertiserId: '7012345678901',
      email: 'ads@acme.test',
    });
    expect(store.findAccount({ name: 'corner bakery' })?.email).toBe('hi@bakery.test');
    expect(store.findAccount({ name: 'Nobody' })).toBeNull();
  });
});
