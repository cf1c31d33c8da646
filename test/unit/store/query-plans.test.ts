/**
 * The queries that status, list and show run, as SQLite plans them: each is answered from an
 * index, and status from the partial index of open claims alone. No timings here: the plans and
 * the index sizes say why the cost stays flat; `npm run bench` measures it.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS, REASONS, STATUSES } from '../../../src/domain/claim.js';
import {
  ACCOUNT_BY_ADVERTISER_ID,
  ACCOUNT_BY_NAME,
  ALIASES_OF_CLAIM,
  CLAIM_BY_ID,
  CLAIMS_BY_ALIAS,
  CLAIMS_SHARING_EVIDENCE,
  EVENTS_OF_CLAIM,
  EVIDENCE_OF_CLAIM,
  listQuery,
  NEXT_ID,
  OPEN_DUPLICATES,
  PENDING_CLAIMS,
} from '../../../src/store/sqlite/sqlite-claims.js';
import type { SqliteClaims } from '../../../src/store/sqlite/sqlite-claims.js';
import { openStore } from '../../../src/store/sqlite/open-store.js';
import { newClaim } from '../../helpers/claims.js';

function plan(store: SqliteClaims, sql: string, params: readonly unknown[] = []): string[] {
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((row) => row.detail);
}

/** A step that reads a whole table, or sorts the result after reading it. */
const slow = (details: readonly string[]): string[] =>
  details.filter((detail) => /^SCAN (claims|events|evidence|accounts)$/.test(detail) || /TEMP B-TREE/.test(detail));

const draft = (n: number) =>
  newClaim({ promotionId: String(1_790_000_000 + n), promotionName: n % 2 ? 'Summer sale' : null }, '2026-11-02');

/** `count` claims through the store; `closed` ones are filed and then withdrawn. */
function addClaims(store: SqliteClaims, first: number, count: number, closed: boolean): void {
  store.transaction(() => {
    for (let n = first; n < first + count; n++) {
      const claim = store.insertClaim(draft(n), { allowDuplicate: false });
      if (!closed) continue;
      store.changeClaim(claim.id, () => ({
        result: null,
        change: {
          events: [
            {
              type: 'submitted',
              on: '2026-11-03',
              recordedAt: '2026-11-03T09:00:00.000Z',
              note: null,
              data: { ticket: `T${n}` },
            },
            {
              type: 'closed',
              on: '2026-11-04',
              recordedAt: '2026-11-04T09:00:00.000Z',
              note: null,
              data: { outcome: 'withdrawn' },
            },
          ],
        },
      }));
    }
  });
}

/**
 * Entries and pages of one index, from SQLite's own page statistics. An index B-tree keeps
 * entries on its interior pages too, so every page counts.
 */
function indexSize(store: SqliteClaims, name: string): { entries: number; pages: number } {
  return store.db.prepare('SELECT sum(ncell) AS entries, count(*) AS pages FROM dbstat WHERE name = ?').get(name) as {
    entries: number;
    pages: number;
  };
}

describe('query plans', () => {
  const store = openStore(':memory:').sync;

  it('status reads the covering partial index of open claims, in order, and no table row', () => {
    expect(plan(store, PENDING_CLAIMS)).toEqual(['SEARCH claims USING COVERING INDEX claims_pending (next_due>?)']);
  });

  it('show finds the claim, its events and its evidence by key', () => {
    expect(plan(store, CLAIM_BY_ID, [1])).toEqual(['SEARCH claims USING INTEGER PRIMARY KEY (rowid=?)']);
    expect(plan(store, EVENTS_OF_CLAIM, [1])).toEqual(['SEARCH events USING PRIMARY KEY (claim_id=?)']);
    expect(plan(store, EVIDENCE_OF_CLAIM, [1])).toEqual(['SEARCH evidence USING PRIMARY KEY (claim_id=?)']);
  });

  it("every command that takes an ID looks its aliases up by index, and show the claim's own", () => {
    expect(plan(store, CLAIMS_BY_ALIAS, [1])).toEqual([
      'SEARCH claim_aliases USING COVERING INDEX sqlite_autoindex_claim_aliases_1 (alias_id=?)',
    ]);
    expect(plan(store, ALIASES_OF_CLAIM, [1]).join('\n')).toMatch(
      /^SEARCH claim_aliases USING INDEX claim_aliases_claim \(claim_id=\?\)/,
    );
  });

  const filters = [
    { status: STATUSES[1] },
    { reason: REASONS[0] },
    { channel: CHANNELS[0] },
    { status: STATUSES[1], reason: REASONS[0] },
    { status: STATUSES[1], channel: CHANNELS[0] },
    { reason: REASONS[0], channel: CHANNELS[0] },
    { status: STATUSES[1], reason: REASONS[0], channel: CHANNELS[0] },
  ];

  it.each(filters)('list %o searches an index and never sorts', (filter) => {
    const { sql, params } = listQuery(filter);
    const details = plan(store, sql, params);
    expect(slow(details)).toEqual([]);
    expect(details.join('\n')).toMatch(/^SEARCH claims USING INDEX claims_by_(status|reason|channel) \(\w+=\?\)$/);
  });

  it('list without a filter prints every claim: it reads the table in ID order, without sorting', () => {
    const { sql } = listQuery({});
    // The table is itself the B-tree of the integer primary key, so this "scan" is in ID order.
    expect(plan(store, sql)).toEqual(['SCAN claims']);
  });

  it('the reads behind new, attach and check use indexes too', () => {
    expect(plan(store, OPEN_DUPLICATES, ['1', 'tiktok-ads', 'incorrect-charge'])).toEqual([
      'SEARCH claims USING INDEX claims_open_by_promotion (promotion_id=? AND channel=? AND reason=?)',
    ]);
    expect(plan(store, ACCOUNT_BY_ADVERTISER_ID, ['1']).join('\n')).toMatch(/USING INDEX sqlite_autoindex_accounts_1/);
    // Sorts only the saved accounts of that name (usually one) to take the latest.
    expect(plan(store, ACCOUNT_BY_NAME, ['Acme'])).toEqual([
      'SEARCH accounts USING INDEX accounts_by_name (name=?)',
      'USE TEMP B-TREE FOR ORDER BY',
    ]);
    // Sorts only the evidence rows with the same checksums.
    expect(plan(store, CLAIMS_SHARING_EVIDENCE, ['[]', 1])[0]).toBe(
      'SEARCH evidence USING COVERING INDEX evidence_by_sha256 (sha256=?)',
    );
    expect(slow(plan(store, NEXT_ID))).toEqual([]);
  });
});

describe('status as closed claims pile up', () => {
  it('reads an index that holds only the open claims, so its work does not grow', () => {
    const store = openStore(':memory:').sync;
    addClaims(store, 0, 50, false);
    // One claim opened and closed first: a page split while it was open stays (SQLite does not
    // merge pages back), and from there on the index keeps its size however many follow.
    addClaims(store, 50, 1, true);
    const before = { plan: plan(store, PENDING_CLAIMS), index: indexSize(store, 'claims_pending') };
    const pending = store.pendingClaims();

    addClaims(store, 51, 3_000, true);

    expect(store.listClaims({}).length).toBe(3_051);
    expect(store.pendingClaims()).toEqual(pending);
    expect(plan(store, PENDING_CLAIMS)).toEqual(before.plan);
    expect(indexSize(store, 'claims_pending')).toEqual(before.index);
    expect(before.index.entries).toBe(50);
    store.close();
  });
});
