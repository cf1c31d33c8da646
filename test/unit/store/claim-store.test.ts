/**
 * The store contract: what every ClaimStore must do, whatever database is behind it. Each store
 * in STORES runs the same tests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ClaimStore } from '../../../src/app/deps.js';
import type { Evidence } from '../../../src/domain/claim.js';
import {
  ClaimIdTakenError,
  ClaimNotFoundError,
  DuplicateClaimError,
  EmailLoggedError,
} from '../../../src/domain/errors.js';
import { newClaim } from '../../helpers/claims.js';
import { STORES } from '../../helpers/stores.js';

const item = (number: number, sha: string): Evidence => ({
  number,
  kind: 'receipt',
  name: 'a.pdf',
  caption: null,
  bytes: 3,
  sha256: sha.repeat(64),
  mime: 'application/pdf',
  addedAt: '2026-11-20T12:00:00.000Z',
});

const submitted = {
  type: 'submitted' as const,
  on: '2026-11-21',
  recordedAt: '2026-11-21T09:00:00.000Z',
  note: null,
  data: { ticket: 'T-1' },
};

describe.each(STORES)('the %s claim store', (_, kind) => {
  if (!kind.available) {
    it.skip('needs a PostgreSQL server', () => undefined);
    return;
  }
  const opened: ClaimStore[] = [];
  const fresh = async (): Promise<ClaimStore> => {
    const store = await kind.open();
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  it('allocates IDs and derives status and next action on save', async () => {
    const store = await fresh();
    const first = await store.insertClaim(newClaim(), { allowDuplicate: false });
    const second = await store.insertClaim(newClaim({ promotionId: '2' }), { allowDuplicate: false });
    expect([first.id, second.id]).toEqual([1, 2]);
    expect(first.status).toBe('draft');
    expect(await store.peekNextId()).toBe(3);
    expect((await store.pendingClaims()).map((c) => [c.id, c.nextAction, c.nextDue])).toEqual([
      [1, 'submit', '2026-11-24'],
      [2, 'submit', '2026-11-24'],
    ]);
  });

  it('refuses a second open claim for the same channel, promotion and reason unless allowed', async () => {
    const store = await fresh();
    await store.insertClaim(newClaim(), { allowDuplicate: false });
    await expect(store.insertClaim(newClaim(), { allowDuplicate: false })).rejects.toThrow(DuplicateClaimError);
    expect((await store.insertClaim(newClaim(), { allowDuplicate: true })).id).toBe(2);
    expect((await store.findOpenDuplicates('tiktok-ads', '1790000001', 'incorrect-charge')).map((c) => c.id)).toEqual([
      1, 2,
    ]);
    expect((await store.insertClaim(newClaim({ reason: 'accidental-charge' }), { allowDuplicate: false })).id).toBe(3);
  });

  it('keeps evidence numbers as given and numbers events after the last one, returning what decide chose', async () => {
    const store = await fresh();
    const claim = await store.insertClaim(
      { ...newClaim(), evidence: [item(1, 'a'), item(2, 'b')] },
      { allowDuplicate: false },
    );
    expect(claim.evidence.map((e) => e.number)).toEqual([1, 2]);
    const seen: number[] = [];
    const { claim: after, result } = await store.changeClaim(claim.id, (current) => {
      seen.push(current.events.length);
      return { change: { evidence: [item(3, 'c')], events: [submitted] }, result: 'chosen' };
    });
    expect(result).toBe('chosen');
    expect(seen).toEqual([1]);
    expect(after.evidence.map((e) => e.number)).toEqual([1, 2, 3]);
    expect(after.events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'created'],
      [2, 'submitted'],
    ]);
    expect(after).toMatchObject({ status: 'submitted', ticketNumber: 'T-1' });
    expect(await store.getClaim(claim.id)).toEqual(after);
  });

  it('rolls a refused change back completely, and names a claim that does not exist', async () => {
    const store = await fresh();
    const { id } = await store.insertClaim(newClaim(), { allowDuplicate: false });
    await expect(
      store.changeClaim(id, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await store.getClaim(id))?.events).toHaveLength(1);
    await expect(store.changeClaim(99, () => ({ change: {}, result: null }))).rejects.toThrow(ClaimNotFoundError);
    expect(await store.getClaim(99)).toBeNull();
  });

  it('changes fields and remembers the account they name', async () => {
    const store = await fresh();
    const { id } = await store.insertClaim(newClaim(), { allowDuplicate: false });
    await store.changeClaim(id, () => ({
      change: {
        fields: { email: 'billing@acme.test' },
        events: [{ ...submitted, type: 'edited', data: { fields: ['email'] } }],
      },
      result: null,
    }));
    expect((await store.getClaim(id))?.email).toBe('billing@acme.test');
    expect((await store.findAccount({ advertiserId: '7012345678901' }))?.email).toBe('billing@acme.test');
  });

  it('remembers accounts by advertiser ID and by name', async () => {
    const store = await fresh();
    await store.insertClaim(newClaim(), { allowDuplicate: false });
    await store.insertClaim(
      newClaim({
        channel: 'tiktok-promote',
        advertiserId: null,
        accountName: 'Corner Bakery',
        email: 'hi@bakery.test',
      }),
      { allowDuplicate: false },
    );
    expect(await store.findAccount({ advertiserId: '7012345678901' })).toEqual({
      name: 'Acme Shoes',
      advertiserId: '7012345678901',
      email: 'ads@acme.test',
      agency: null,
      salesRep: null,
    });
    expect((await store.findAccount({ name: 'corner bakery' }))?.email).toBe('hi@bakery.test');
    expect(await store.findAccount({ name: 'Nobody' })).toBeNull();
    expect((await store.listAccounts()).map((a) => a.name)).toEqual(['Acme Shoes', 'Corner Bakery']);
  });

  it('lists, filters and reads whole claims', async () => {
    const store = await fresh();
    await store.insertClaim({ ...newClaim(), evidence: [item(1, 'a')] }, { allowDuplicate: false });
    const second = await store.insertClaim(
      { ...newClaim({ promotionId: '2', reason: 'accidental-charge' }), evidence: [item(1, 'a')] },
      { allowDuplicate: false },
    );
    await store.changeClaim(second.id, () => ({ change: { events: [submitted] }, result: null }));
    expect((await store.listClaims({})).map((c) => c.id)).toEqual([1, 2]);
    expect((await store.listClaims({ status: 'submitted' })).map((c) => c.id)).toEqual([2]);
    expect((await store.listClaims({ reason: 'incorrect-charge' })).map((c) => c.id)).toEqual([1]);
    expect((await store.fullClaims()).map((c) => [c.id, c.events.length, c.evidence.length])).toEqual([
      [1, 1, 1],
      [2, 2, 1],
    ]);
    expect((await store.fullClaims({ openOnly: true })).map((c) => c.id)).toEqual([1, 2]);
    expect((await store.fullClaims({ createdSince: '2026-11-21' })).map((c) => c.id)).toEqual([]);
    expect(await store.claimsSharingEvidence(1, ['a'.repeat(64)])).toEqual(new Map([['a'.repeat(64), [2]]]));
  });

  it('logs an email once in the whole database, with the change it came with', async () => {
    const store = await fresh();
    const first = await store.insertClaim(newClaim(), { allowDuplicate: false });
    const second = await store.insertClaim(newClaim({ promotionId: '2' }), { allowDuplicate: false });
    const key = 'message-id:reply-1@support.tiktok.test';
    const { claim } = await store.changeClaimWithEmail(first.id, key, () => ({
      change: { events: [submitted] },
      result: null,
    }));
    expect(claim.status).toBe('submitted');
    expect(await store.loggedEmails([key, 'sha256:unknown'])).toEqual(new Map([[key, first.id]]));
    let decided = false;
    const again = store.changeClaimWithEmail(second.id, key, () => {
      decided = true;
      return { change: { events: [submitted] }, result: null };
    });
    await expect(again).rejects.toThrow(EmailLoggedError);
    await expect(again).rejects.toMatchObject({ key, claimId: first.id });
    expect(decided).toBe(false);
    expect((await store.getClaim(second.id))?.events).toHaveLength(1);
  });

  it('keeps no key of an email whose change was refused, and names a claim that does not exist', async () => {
    const store = await fresh();
    const { id } = await store.insertClaim(newClaim(), { allowDuplicate: false });
    const key = 'sha256:' + 'e'.repeat(64);
    await expect(
      store.changeClaimWithEmail(id, key, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await store.loggedEmails([key])).toEqual(new Map());
    await expect(store.changeClaimWithEmail(99, key, () => ({ change: {}, result: null }))).rejects.toThrow(
      ClaimNotFoundError,
    );
    expect(await store.loggedEmails([key])).toEqual(new Map());
    await store.changeClaimWithEmail(id, key, () => ({ change: { events: [submitted] }, result: null }));
    expect(await store.loggedEmails([key])).toEqual(new Map([[key, id]]));
  });

  it('lists open claims with the account each is filed under', async () => {
    const store = await fresh();
    await store.insertClaim(newClaim(), { allowDuplicate: false });
    await store.insertClaim(
      newClaim({ channel: 'tiktok-promote', advertiserId: null, accountName: 'Corner Bakery', promotionId: '2' }),
      { allowDuplicate: false },
    );
    expect((await store.pendingClaims()).map((c) => [c.id, c.accountName, c.advertiserId])).toEqual([
      [1, 'Acme Shoes', '7012345678901'],
      [2, 'Corner Bakery', null],
    ]);
  });

  it('corrects an account and its open claims in one go, leaving closed claims and other accounts alone', async () => {
    const store = await fresh();
    const acme = (await store.insertClaim(newClaim(), { allowDuplicate: false })).id;
    const closed = (await store.insertClaim(newClaim({ promotionId: '2' }), { allowDuplicate: false })).id;
    await store.changeClaim(closed, () => ({
      change: { events: [{ ...submitted, type: 'closed', data: { outcome: 'withdrawn', amount: null } }] },
      result: null,
    }));
    const bakery = (
      await store.insertClaim(
        newClaim({ channel: 'tiktok-promote', advertiserId: null, accountName: 'Corner Bakery', promotionId: '3' }),
        { allowDuplicate: false },
      )
    ).id;
    const account = await store.findAccount({ advertiserId: '7012345678901' });
    if (!account) throw new Error('no account');
    const next = { ...account, name: 'Acme Shoes Ltd', agency: 'Northwind Media' };
    const seen: number[] = [];
    const changed = await store.editAccount(account, next, '2026-11-22T09:00:00.000Z', (claim) => {
      seen.push(claim.id);
      return {
        fields: { accountName: next.name, agency: next.agency },
        events: [{ ...submitted, type: 'edited', data: { fields: ['accountName', 'agency'] } }],
      };
    });
    expect(changed).toEqual([acme]);
    expect(seen).toEqual([acme]);
    expect(await store.findAccount({ advertiserId: '7012345678901' })).toEqual(next);
    expect((await store.getClaim(acme))?.accountName).toBe('Acme Shoes Ltd');
    expect((await store.getClaim(acme))?.events.at(-1)?.type).toBe('edited');
    expect((await store.getClaim(closed))?.accountName).toBe('Acme Shoes');
    expect((await store.getClaim(bakery))?.accountName).toBe('Corner Bakery');

    // An account without an advertiser ID is found by its name, in any case.
    const corner = { name: 'corner bakery', advertiserId: null, email: 'x@y.test', agency: null, salesRep: null };
    const renamed = { ...corner, name: 'Corner Bakery & Café', email: 'hi@bakery.test' };
    expect(
      await store.editAccount(corner, renamed, '2026-11-22T09:00:00.000Z', () => ({
        fields: { accountName: renamed.name },
      })),
    ).toEqual([bakery]);
    expect((await store.listAccounts()).map((a) => [a.name, a.email])).toEqual([
      ['Acme Shoes Ltd', 'ads@acme.test'],
      ['Corner Bakery & Café', 'hi@bakery.test'],
    ]);
  });

  it('remembers what the calendar wrote under each UID, replacing by UID', async () => {
    const store = await fresh();
    expect(await store.calendarMarks()).toEqual([]);
    await store.saveCalendarMarks([
      { uid: 'RC-0001@refund-claim', fingerprint: 'open 2026-11-20', sequence: 0 },
      { uid: 'RC-0002@refund-claim', fingerprint: 'open 2026-11-21', sequence: 3 },
    ]);
    await store.saveCalendarMarks([{ uid: 'RC-0001@refund-claim', fingerprint: 'open 2026-11-21', sequence: 1 }]);
    expect((await store.calendarMarks()).sort((a, b) => a.uid.localeCompare(b.uid))).toEqual([
      { uid: 'RC-0001@refund-claim', fingerprint: 'open 2026-11-21', sequence: 1 },
      { uid: 'RC-0002@refund-claim', fingerprint: 'open 2026-11-21', sequence: 3 },
    ]);
  });

  it('records who recorded each event', async () => {
    const store = await kind.open({ actor: 'ana' });
    opened.push(store);
    const { id } = await store.insertClaim(newClaim(), { allowDuplicate: false });
    const { claim } = await store.changeClaim(id, () => ({ change: { events: [submitted] }, result: null }));
    expect(claim.events.map((event) => event.actor)).toEqual(['ana', 'ana']);
  });

  it('never loses a change when several are made to one claim at once, nor gives two claims one ID', async () => {
    const store = await fresh();
    const { id } = await store.insertClaim(newClaim(), { allowDuplicate: false });
    const notes = Array.from({ length: 8 }, (_, n) => `note ${n}`);
    await Promise.all(
      notes.map((note) =>
        store.changeClaim(id, () => ({
          change: { events: [{ ...submitted, type: 'message' as const, note, data: { from: 'me' as const } }] },
          result: null,
        })),
      ),
    );
    const events = (await store.getClaim(id))?.events ?? [];
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(
      events
        .slice(1)
        .map((event) => event.note)
        .sort(),
    ).toEqual(notes);
    const inserted = await Promise.all(
      notes.map((_, n) => store.insertClaim(newClaim({ promotionId: `P${n}` }), { allowDuplicate: false })),
    );
    expect(inserted.map((claim) => claim.id).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('imports claims under their own IDs, refuses taken ones whole, and renumbers or skips them when told', async () => {
    const store = await fresh();
    await store.insertClaim(newClaim(), { allowDuplicate: false });
    const exported = await store.fullClaims();
    const imported = (id: number) => ({ ...exported[0]!, id, fields: exported[0]!, evidence: [item(1, 'e')] });
    expect(await store.importClaims([imported(5)], [], { onConflict: 'fail' })).toEqual({
      imported: [{ from: 5, to: 5 }],
      skipped: [],
    });
    await expect(store.importClaims([imported(1), imported(7)], [], { onConflict: 'fail' })).rejects.toThrow(
      ClaimIdTakenError,
    );
    expect(await store.getClaim(7)).toBeNull();
    expect(await store.importClaims([imported(1), imported(7)], [], { onConflict: 'skip' })).toEqual({
      imported: [{ from: 7, to: 7 }],
      skipped: [1],
    });
    expect(await store.importClaims([imported(5)], [], { onConflict: 'renumber' })).toEqual({
      imported: [{ from: 5, to: 8 }],
      skipped: [],
    });
    expect((await store.getClaim(8))?.evidence.map((e) => e.sha256)).toEqual(['e'.repeat(64)]);
    expect((await store.insertClaim(newClaim({ promotionId: 'next' }), { allowDuplicate: false })).id).toBe(9);
    expect(await store.peekNextId()).toBe(10);
  });

  it("lists the logged emails' keys by claim, and an import records the ones it brings under the new IDs", async () => {
    const store = await fresh();
    const first = await store.insertClaim(newClaim(), { allowDuplicate: false });
    const taken = 'message-id:reply-1@support.tiktok.test';
    await store.changeClaimWithEmail(first.id, taken, () => ({ change: { events: [submitted] }, result: null }));
    expect(await store.loggedEmailsByClaim()).toEqual(new Map([[first.id, [taken]]]));

    const [claim] = await store.fullClaims();
    const brought = ['sha256:' + 'b'.repeat(64), 'message-id:reply-2@support.tiktok.test'];
    const outcome = await store.importClaims(
      [{ ...claim!, id: first.id, fields: claim!, loggedEmails: [...brought, taken] }],
      [],
      { onConflict: 'renumber' },
    );
    const to = outcome.imported[0]!.to;
    expect(to).not.toBe(first.id);
    // A key logged here already stays with the claim it was logged on.
    expect(await store.loggedEmailsByClaim()).toEqual(
      new Map([
        [first.id, [taken]],
        [to, [...brought].sort()],
      ]),
    );
    expect(await store.loggedEmails(brought)).toEqual(new Map(brought.map((key) => [key, to])));
  });

  it("keeps a renumbered claim's old ID and the aliases it brought, and finds claims by alias", async () => {
    const store = await fresh();
    await store.insertClaim(newClaim(), { allowDuplicate: false });
    await store.insertClaim(newClaim({ promotionId: '2' }), { allowDuplicate: false });
    const [claim] = await store.fullClaims();
    const imported = (id: number, aliases?: number[]) => ({ ...claim!, id, fields: claim!, aliases });
    const at = '2026-11-22T10:00:00.000Z';
    expect(
      await store.importClaims([imported(1), imported(5, [2, 4, 5])], [], { onConflict: 'renumber', importedAt: at }),
    ).toEqual({
      imported: [
        { from: 1, to: 6 },
        { from: 5, to: 5 },
      ],
      skipped: [],
    });
    // 5 came back to its own ID: it is no alias of itself.
    expect(await store.claimAliases()).toEqual(
      new Map([
        [6, [1]],
        [5, [2, 4]],
      ]),
    );
    expect(await store.claimAliases([5, 1])).toEqual(new Map([[5, [2, 4]]]));
    expect(await store.claimAliases([])).toEqual(new Map());
    expect(await store.claimsByAlias(1)).toEqual([6]);
    expect(await store.claimsByAlias(2)).toEqual([5]);
    expect(await store.claimsByAlias(6)).toEqual([]);

    // The same old ID renumbered again (another member's export) belongs to two claims; a skipped
    // claim gets none, and a plain import with nothing to keep adds none.
    await store.importClaims([imported(1), imported(2, [4])], [], { onConflict: 'renumber' });
    expect(await store.claimsByAlias(1)).toEqual([6, 7]);
    expect(await store.claimsByAlias(4)).toEqual([5, 8]);
    await store.importClaims([imported(1, [7]), imported(20)], [], { onConflict: 'skip' });
    expect(await store.claimsByAlias(7)).toEqual([]);
    expect(await store.claimAliases([20])).toEqual(new Map());
  });

  it('merges imported accounts: the more recently confirmed entry wins', async () => {
    const store = await fresh();
    await store.insertClaim(newClaim(), { allowDuplicate: false });
    const older = {
      name: 'Acme Shoes',
      advertiserId: '7012345678901',
      email: 'old@acme.test',
      agency: null,
      salesRep: null,
    };
    const bakery = {
      name: 'Corner Bakery',
      advertiserId: null,
      email: 'new@bakery.test',
      agency: null,
      salesRep: null,
    };
    await store.importClaims(
      [],
      [
        { ...older, updatedAt: '2026-01-01T00:00:00.000Z' },
        { ...bakery, updatedAt: '2026-12-01T00:00:00.000Z' },
      ],
      { onConflict: 'fail' },
    );
    expect((await store.listAccounts()).map((a) => a.email)).toEqual(['ads@acme.test', 'new@bakery.test']);
    await store.importClaims(
      [],
      [
        { ...older, email: 'newer@acme.test', updatedAt: '2026-12-02T00:00:00.000Z' },
        { ...bakery, name: 'CORNER BAKERY', email: 'older@bakery.test', updatedAt: '2026-01-01T00:00:00.000Z' },
      ],
      { onConflict: 'fail' },
    );
    expect((await store.listAccounts()).map((a) => [a.name, a.email])).toEqual([
      ['Acme Shoes', 'newer@acme.test'],
      ['Corner Bakery', 'new@bakery.test'],
    ]);
  });
});
