import { describe, expect, it } from 'vitest';
import type { ImportedClaim, NewClaim } from '../../../src/app/deps.js';
import { ClaimIdTakenError } from '../../../src/domain/errors.js';
import { openStore } from '../../../src/store/sqlite/open-store.js';
import { evidence, fields } from '../../helpers/claims.js';

const newClaim = (promotionId: string): NewClaim => ({
  fields: fields({ promotionId }),
  createdAt: '2026-11-20T12:00:00.000Z',
  createdOn: '2026-11-20',
  evidence: [],
});

const imported = (id: number, overrides: Partial<ImportedClaim> = {}): ImportedClaim => ({
  id,
  fields: fields({ promotionId: `P${id}` }),
  createdAt: '2026-11-01T09:00:00.000Z',
  createdOn: '2026-11-01',
  factsVersion: 2,
  events: [
    {
      seq: 1,
      type: 'created',
      on: '2026-11-01',
      recordedAt: '2026-11-01T09:00:00.000Z',
      note: null,
      actor: null,
      data: {},
    },
    {
      seq: 2,
      type: 'submitted',
      on: '2026-11-02',
      recordedAt: '2026-11-02T10:00:00.000Z',
      note: 'by phone',
      actor: null,
      data: { ticket: `T-${id}` },
    },
  ],
  evidence: [evidence('receipt', 1), evidence('screenshot', 2)],
  ...overrides,
});

const account = {
  name: 'Acme Shoes',
  advertiserId: '7012345678901',
  email: 'old@acme.test',
  agency: null,
  salesRep: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('importing claims into the store', () => {
  it('keeps IDs, events and evidence as they were, and derives status and next action again', () => {
    const store = openStore(':memory:').sync;
    const outcome = store.importClaims([imported(7), imported(3)], [], { onConflict: 'fail' });
    expect(outcome).toEqual({
      imported: [
        { from: 3, to: 3 },
        { from: 7, to: 7 },
      ],
      skipped: [],
    });
    const claim = store.getClaim(7);
    expect(claim).toMatchObject({ id: 7, status: 'submitted', ticketNumber: 'T-7', createdOn: '2026-11-01' });
    expect(claim?.events).toEqual(imported(7).events);
    expect(claim?.evidence).toEqual(imported(7).evidence);
    expect(store.pendingClaims().map((c) => [c.id, c.nextAction, c.nextDue])).toEqual([
      [3, 'followup', '2026-11-05'],
      [7, 'followup', '2026-11-05'],
    ]);
    // New claims continue after the highest ID.
    expect(store.insertClaim(newClaim('new'), { allowDuplicate: false }).id).toBe(8);
  });

  it('refuses every taken ID at once and writes nothing', () => {
    const store = openStore(':memory:').sync;
    store.insertClaim(newClaim('a'), { allowDuplicate: false });
    store.insertClaim(newClaim('b'), { allowDuplicate: false });
    let error: unknown;
    try {
      store.importClaims([imported(5), imported(1), imported(2)], [account], { onConflict: 'fail' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ClaimIdTakenError);
    expect((error as ClaimIdTakenError).ids).toEqual([1, 2]);
    expect(store.listClaims({}).map((c) => c.id)).toEqual([1, 2]);
    expect(store.listAccounts()).toHaveLength(1);
  });

  it('rolls everything back when any write fails half-way', () => {
    const store = openStore(':memory:').sync;
    // Two evidence items numbered 1: the second insert breaks the primary key.
    const broken = imported(9, { evidence: [evidence('receipt', 1), evidence('receipt', 1)] });
    expect(() => store.importClaims([imported(1), imported(2), broken], [account], { onConflict: 'fail' })).toThrow();
    expect(store.listClaims({})).toEqual([]);
    expect(store.listAccounts()).toEqual([]);
  });

  it('skips or renumbers taken IDs when told to', () => {
    const store = openStore(':memory:').sync;
    store.insertClaim(newClaim('a'), { allowDuplicate: false });
    store.insertClaim(newClaim('b'), { allowDuplicate: false });
    expect(store.importClaims([imported(2), imported(3)], [], { onConflict: 'skip' })).toEqual({
      imported: [{ from: 3, to: 3 }],
      skipped: [2],
    });
    expect(store.getClaim(2)?.promotionId).toBe('b');
    expect(store.importClaims([imported(1), imported(3), imported(5)], [], { onConflict: 'renumber' })).toEqual({
      imported: [
        { from: 1, to: 6 },
        { from: 3, to: 7 },
        { from: 5, to: 5 },
      ],
      skipped: [],
    });
    expect(store.getClaim(6)?.promotionId).toBe('P1');
    expect(store.getClaim(6)?.ticketNumber).toBe('T-1');
  });

  it('merges the address book: the more recently confirmed entry wins', () => {
    const store = openStore(':memory:').sync;
    store.insertClaim(newClaim('a'), { allowDuplicate: false });
    const noId = {
      name: 'Café Lumière',
      advertiserId: null,
      email: 'new@cafe.test',
      agency: null,
      salesRep: null,
      updatedAt: '2026-12-01T00:00:00.000Z',
    };
    store.importClaims([], [account, noId], { onConflict: 'fail' });
    // The store's own entry (2026-11-20) is newer than the imported one (2026-01-01).
    expect(store.listAccounts()).toEqual([
      {
        name: 'Acme Shoes',
        advertiserId: '7012345678901',
        email: 'ads@acme.test',
        agency: null,
        salesRep: null,
        updatedAt: '2026-11-20T12:00:00.000Z',
      },
      noId,
    ]);
    store.importClaims(
      [],
      [
        { ...account, email: 'newer@acme.test', agency: null, salesRep: null, updatedAt: '2026-12-02T00:00:00.000Z' },
        { ...noId, email: 'older@cafe.test', agency: null, salesRep: null, updatedAt: '2026-01-01T00:00:00.000Z' },
      ],
      {
        onConflict: 'fail',
      },
    );
    expect(store.listAccounts().map((a) => a.email)).toEqual(['newer@acme.test', 'new@cafe.test']);
  });

  it('reads whole claims in bulk: all, open ones by due date, or drafted since a day', () => {
    const store = openStore(':memory:').sync;
    store.importClaims(
      [
        imported(1),
        imported(2, {
          createdOn: '2026-11-10',
          events: [
            {
              seq: 1,
              type: 'created',
              on: '2026-11-10',
              recordedAt: '2026-11-10T09:00:00.000Z',
              note: null,
              actor: null,
              data: {},
            },
          ],
          evidence: [],
        }),
        imported(3, {
          events: [
            ...imported(3).events,
            {
              seq: 3,
              type: 'closed',
              on: '2026-11-03',
              recordedAt: '2026-11-03T09:00:00.000Z',
              note: null,
              actor: null,
              data: { outcome: 'withdrawn' },
            },
          ],
        }),
      ],
      [],
      { onConflict: 'fail' },
    );
    expect(store.fullClaims().map((c) => [c.id, c.events.length, c.evidence.length])).toEqual([
      [1, 2, 2],
      [2, 1, 0],
      [3, 3, 2],
    ]);
    expect(store.fullClaims().map((c) => store.getClaim(c.id))).toEqual(store.fullClaims());
    expect(store.fullClaims({ openOnly: true }).map((c) => c.id)).toEqual([1, 2]);
    expect(store.fullClaims({ createdSince: '2026-11-05' }).map((c) => c.id)).toEqual([2]);
  });
});

describe('the last claim ID', () => {
  it('is RC-999999999: a claim after it is refused, and nothing is saved', () => {
    const store = openStore(':memory:').sync;
    store.importClaims([imported(999_999_999)], [], { onConflict: 'fail' });
    expect(() => store.insertClaim(newClaim('after'), { allowDuplicate: false })).toThrow(
      'No claim ID is left: RC-999999999 is the last one.',
    );
    expect(store.listClaims({}).map((claim) => claim.id)).toEqual([999_999_999]);
  });
});
