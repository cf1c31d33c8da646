import { describe, expect, it } from 'vitest';
import { monthFigures, reportPageData, weekOf } from '../../../src/app/report-page-data.js';
import type { Claim, ClaimEvent } from '../../../src/domain/claim.js';
import { claim } from '../../helpers/claims.js';

const TODAY = '2026-11-20'; // a Friday

let seq = 0;
function event(type: ClaimEvent['type'], on: string, data: object = {}): ClaimEvent {
  seq += 1;
  return { seq, type, on, recordedAt: `${on}T12:00:00.000Z`, note: null, actor: null, data } as ClaimEvent;
}

function drafted(on: string, overrides: Partial<Claim>, ...events: ClaimEvent[]): Claim {
  return claim({
    createdOn: on,
    createdAt: `${on}T09:00:00.000Z`,
    events: [event('created', on), ...events],
    ...overrides,
  });
}

const acme = { accountName: 'Acme Shoes', advertiserId: '7012345678901' };
const cafe = { accountName: 'Café Lumière', advertiserId: null, channel: 'tiktok-promote' as const };
const nordlicht = { accountName: 'Nordlicht GmbH', advertiserId: '7098765432109' };

/**
 * Hand-computed below. Filed on (month): RC-1 2 Oct, RC-2 3 Nov, RC-3 a draft of 4 Nov, RC-4
 * 30 Sep, RC-5 a draft of 18 Nov. Days to the first answer: RC-1 10, RC-2 4, RC-4 8.
 */
const CLAIMS: Claim[] = [
  drafted(
    '2026-10-01',
    { id: 1, ...acme, requested: 20000, recovered: 20000, status: 'refunded' },
    event('submitted', '2026-10-02', { ticket: 'T1' }),
    event('decision', '2026-10-12', { decision: 'approved' }),
    event('closed', '2026-10-15', { outcome: 'refunded', amount: 20000 }),
  ),
  // Denied on 7 Nov: the appeal was due on Saturday 14 Nov (week of 9 Nov), overdue.
  drafted(
    '2026-10-20',
    { id: 2, ...acme, requested: 10000, status: 'denied' },
    event('submitted', '2026-11-03', { ticket: 'T2' }),
    event('decision', '2026-11-07', { decision: 'denied' }),
  ),
  // A draft of Wednesday 4 Nov: to be filed within 2 business days, by Friday 6 Nov; overdue.
  drafted('2026-11-04', { id: 3, ...nordlicht, currency: 'EUR', requested: 8000, status: 'draft' }),
  // Credited without a recorded decision: an approval, 8 days after filing.
  drafted(
    '2026-09-28',
    {
      id: 4,
      ...cafe,
      reason: 'accidental-charge',
      currency: 'JPY',
      requested: 5000,
      recovered: 3000,
      status: 'credited',
    },
    event('submitted', '2026-09-30', { ticket: 'T4' }),
    event('closed', '2026-10-08', { outcome: 'credited', amount: 3000 }),
  ),
  // A draft to be filed by Wednesday 25 Nov (week of 23 Nov): not overdue.
  drafted('2026-11-18', { id: 5, ...acme, requested: 5000, status: 'draft', fileBy: '2026-11-25' }),
];

const page = (options: Partial<Parameters<typeof reportPageData>[1]> = {}) =>
  reportPageData(CLAIMS, { today: TODAY, since: null, account: null, ...options });

describe('the figures behind report --html', () => {
  it('totals each currency apart: amounts, recovery and approval rates', () => {
    expect(page().totals).toEqual([
      {
        currency: 'EUR',
        claims: 1,
        requested: 8000,
        recovered: 0,
        recoveryRate: 0,
        decided: 0,
        approved: 0,
        approvalRate: null,
      },
      {
        currency: 'JPY',
        claims: 1,
        requested: 5000,
        recovered: 3000,
        recoveryRate: 0.6,
        decided: 1,
        approved: 1,
        approvalRate: 1,
      },
      {
        currency: 'USD',
        claims: 3,
        requested: 35000,
        recovered: 20000,
        recoveryRate: 20000 / 35000,
        decided: 2,
        approved: 1,
        approvalRate: 0.5,
      },
    ]);
  });

  it('puts each claim in the month it was filed (a draft: drafted), per currency', () => {
    expect(page().months).toEqual([
      { currency: 'EUR', months: [{ month: '2026-11', claims: 1, requested: 8000, recovered: 0 }] },
      { currency: 'JPY', months: [{ month: '2026-09', claims: 1, requested: 5000, recovered: 3000 }] },
      {
        currency: 'USD',
        months: [
          { month: '2026-10', claims: 1, requested: 20000, recovered: 20000 },
          { month: '2026-11', claims: 2, requested: 15000, recovered: 0 },
        ],
      },
    ]);
  });

  it('leaves no month out between the first and the last, across a new year', () => {
    const claims = [drafted('2026-11-30', { id: 1, requested: 100 }), drafted('2027-02-01', { id: 2, requested: 200 })];
    expect(monthFigures(claims)[0]?.months.map((m) => [m.month, m.claims, m.requested])).toEqual([
      ['2026-11', 1, 100],
      ['2026-12', 0, 0],
      ['2027-01', 0, 0],
      ['2027-02', 1, 200],
    ]);
  });

  it('counts claims per status in the lifecycle’s order, open or closed', () => {
    expect(page().statuses).toEqual([
      { status: 'draft', open: true, claims: 2 },
      { status: 'denied', open: true, claims: 1 },
      { status: 'refunded', open: false, claims: 1 },
      { status: 'credited', open: false, claims: 1 },
    ]);
  });

  it('lists the days from filing to the first answer per reason, with their median', () => {
    expect(page().daysToDecision).toEqual([
      { reason: 'incorrect-charge', days: [4, 10], median: 7 },
      { reason: 'accidental-charge', days: [8], median: 8 },
    ]);
  });

  it('counts open claims by the Monday of the week they are due, overdue apart', () => {
    expect(page().dueWeeks).toEqual([
      { week: '2026-11-02', overdue: 1, onTime: 0 },
      { week: '2026-11-09', overdue: 1, onTime: 0 },
      { week: '2026-11-23', overdue: 0, onTime: 1 },
    ]);
    // On the due day itself it is not overdue yet.
    expect(page({ today: '2026-11-06' }).dueWeeks[0]).toEqual({ week: '2026-11-02', overdue: 0, onTime: 1 });
  });

  it('makes one table per account, by name, with its claims and totals per currency', () => {
    const accounts = page().accounts;
    expect(accounts.map((a) => [a.name, a.advertiserId, a.claims.map((c) => c.id)])).toEqual([
      ['Acme Shoes', '7012345678901', [1, 2, 5]],
      ['Café Lumière', null, [4]],
      ['Nordlicht GmbH', '7098765432109', [3]],
    ]);
    expect(accounts[0]?.claims[1]).toEqual({
      id: 2,
      channel: 'tiktok-ads',
      reason: 'incorrect-charge',
      status: 'denied',
      promotion: 'Summer sale',
      filedOn: '2026-11-03',
      currency: 'USD',
      requested: 10000,
      recovered: null,
      nextAction: 'appeal',
      due: '2026-11-14',
      overdue: true,
    });
    expect(accounts[0]?.totals).toEqual([
      {
        currency: 'USD',
        claims: 3,
        requested: 35000,
        recovered: 20000,
        recoveryRate: 20000 / 35000,
        decided: 2,
        approved: 1,
        approvalRate: 0.5,
      },
    ]);
  });

  it('keeps only claims filed on or after --since', () => {
    const since = page({ since: '2026-11-01' });
    expect(since.claims).toBe(3);
    expect(since.accounts.flatMap((a) => a.claims.map((c) => c.id))).toEqual([2, 5, 3]);
  });

  it('keeps the claims of the account --account found: by advertiser ID, else by name in any case', () => {
    const nordlichtPage = page({ account: { name: 'Nordlicht GmbH', advertiserId: '7098765432109' } });
    expect(nordlichtPage).toMatchObject({ account: 'Nordlicht GmbH', claims: 1 });
    const cafePage = page({ account: { name: 'café lumière', advertiserId: null } });
    expect(cafePage).toMatchObject({ account: 'café lumière', claims: 1 });
    expect(cafePage.accounts.flatMap((a) => a.claims.map((c) => c.id))).toEqual([4]);
  });

  it('is empty, not broken, without claims', () => {
    expect(reportPageData([], { today: TODAY, since: null, account: null })).toEqual({
      today: TODAY,
      since: null,
      account: null,
      claims: 0,
      totals: [],
      months: [],
      statuses: [],
      daysToDecision: [],
      dueWeeks: [],
      accounts: [],
    });
  });

  it('starts weeks on Monday', () => {
    expect([weekOf('2026-11-16'), weekOf('2026-11-20'), weekOf('2026-11-22'), weekOf('2026-11-23')]).toEqual([
      '2026-11-16',
      '2026-11-16',
      '2026-11-16',
      '2026-11-23',
    ]);
  });
});
