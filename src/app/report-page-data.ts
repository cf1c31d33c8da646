/**
 * The figures behind `report --html`: one pure function from claims to every table and chart of
 * the page, so each number can be checked by hand. Money stays per currency (never summed across
 * currencies, no exchange rates); counts and days are not money and span currencies.
 */
import { OPEN_STATUSES, STATUSES } from '../domain/claim.js';
import type { Channel, Claim, Reason, Status } from '../domain/claim.js';
import { REASONS } from '../domain/claim.js';
import { ownsClaim } from '../domain/accounts.js';
import type { AccountKey } from '../domain/accounts.js';
import { addDaysTo, daysBetween } from '../domain/dates.js';
import { nextAction } from '../domain/deadlines.js';
import type { Action, NextAction } from '../domain/deadlines.js';
import { claimOutcome } from '../domain/outcomes.js';
import type { ClaimOutcome } from '../domain/outcomes.js';
import { median, ratio } from '../domain/stats.js';
import type { ClaimStore } from './deps.js';

export interface ReportPageOptions {
  /** The day the page is made: what is overdue is due before it. */
  today: string;
  /** Only claims filed (submitted; a draft: drafted) on or after this day. */
  since: string | null;
  /** Only this account's claims (the one `--account` found), or null for every account. */
  account: AccountKey | null;
}

export interface CurrencyTotals {
  currency: string;
  claims: number;
  /** Minor units. */
  requested: number;
  recovered: number;
  /** recovered ÷ requested; null when nothing was requested. */
  recoveryRate: number | null;
  /** Claims the platform answered, and of those the ones its latest answer approved. */
  decided: number;
  approved: number;
  approvalRate: number | null;
}

/** Requested and recovered by the month the claims were filed, in one currency. */
export interface MonthFigures {
  /** `YYYY-MM`. */
  month: string;
  claims: number;
  requested: number;
  recovered: number;
}

export interface CurrencyMonths {
  currency: string;
  /** Every month from the first to the last, with none left out (a month without claims is 0). */
  months: MonthFigures[];
}

export interface StatusCount {
  status: Status;
  open: boolean;
  claims: number;
}

/** Calendar days from filing to the platform's first answer, per reason. */
export interface ReasonDays {
  reason: Reason;
  /** One per answered claim, smallest first. */
  days: number[];
  median: number;
}

/** Open claims whose next action falls due in the week starting `week` (a Monday). */
export interface DueWeek {
  week: string;
  /** Due before today. */
  overdue: number;
  /** Due today or later. */
  onTime: number;
}

export interface AccountClaim {
  id: number;
  channel: Channel;
  reason: Reason;
  status: Status;
  promotion: string;
  /** The day it was filed (a draft: drafted). */
  filedOn: string;
  currency: string;
  requested: number;
  recovered: number | null;
  nextAction: Action | null;
  due: string | null;
  overdue: boolean;
}

export interface AccountTable {
  name: string;
  advertiserId: string | null;
  claims: AccountClaim[];
  totals: CurrencyTotals[];
}

export interface ReportPageData {
  today: string;
  since: string | null;
  /** The account the page is about (its saved name), or null for every account. */
  account: string | null;
  claims: number;
  totals: CurrencyTotals[];
  months: CurrencyMonths[];
  statuses: StatusCount[];
  daysToDecision: ReasonDays[];
  dueWeeks: DueWeek[];
  accounts: AccountTable[];
}

/** Reads every claim and works out the page's figures. */
export async function buildReportPageData(
  store: ClaimStore | null,
  options: ReportPageOptions,
): Promise<ReportPageData> {
  return reportPageData(store === null ? [] : await store.fullClaims(), options);
}

export function reportPageData(all: readonly Claim[], options: ReportPageOptions): ReportPageData {
  const { today, since } = options;
  const { account } = options;
  const claims = all.filter(
    (claim) => (account === null || ownsClaim(account, claim)) && (since === null || filedOn(claim) >= since),
  );
  return {
    today,
    since,
    account: account?.name ?? null,
    claims: claims.length,
    totals: currencyTotals(claims),
    months: monthFigures(claims),
    statuses: statusCounts(claims),
    daysToDecision: daysToDecision(claims),
    dueWeeks: dueWeeks(claims, today),
    accounts: accountTables(claims, today),
  };
}

/**
 * Each claim's outcome and next action, worked out once however many charts ask (claims are not
 * changed while a page is made): a store of 20,000 claims otherwise spends seconds here.
 */
const outcomes = new WeakMap<Claim, ClaimOutcome>();
const nextActions = new WeakMap<Claim, NextAction | null>();

function outcomeOf(claim: Claim): ClaimOutcome {
  let outcome = outcomes.get(claim);
  if (outcome === undefined) outcomes.set(claim, (outcome = claimOutcome(claim.events)));
  return outcome;
}

function nextActionOf(claim: Claim): NextAction | null {
  let next = nextActions.get(claim);
  if (next === undefined) nextActions.set(claim, (next = nextAction(claim)));
  return next;
}

/** SPEC: a claim's day is the day it was filed (submitted); a draft's, the day it was drafted. */
export function filedOn(claim: Claim): string {
  return outcomeOf(claim).filedOn ?? claim.createdOn;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const sortedKeys = <T>(groups: Map<string, T>): string[] => [...groups.keys()].sort();

export function currencyTotals(claims: readonly Claim[]): CurrencyTotals[] {
  const groups = groupBy(claims, (claim) => claim.currency);
  return sortedKeys(groups).map((currency) => {
    const group = groups.get(currency) ?? [];
    const results = group.map(outcomeOf);
    const requested = group.reduce((sum, claim) => sum + claim.requested, 0);
    const recovered = group.reduce((sum, claim) => sum + (claim.recovered ?? 0), 0);
    const decided = results.filter((outcome) => outcome.approved !== null).length;
    const approved = results.filter((outcome) => outcome.approved === true).length;
    return {
      currency,
      claims: group.length,
      requested,
      recovered,
      recoveryRate: ratio(recovered, requested),
      decided,
      approved,
      approvalRate: ratio(approved, decided),
    };
  });
}

export function monthFigures(claims: readonly Claim[]): CurrencyMonths[] {
  const groups = groupBy(claims, (claim) => claim.currency);
  return sortedKeys(groups).map((currency) => {
    const byMonth = groupBy(groups.get(currency) ?? [], (claim) => filedOn(claim).slice(0, 7));
    const months = monthsBetween(sortedKeys(byMonth));
    return {
      currency,
      months: months.map((month) => {
        const group = byMonth.get(month) ?? [];
        return {
          month,
          claims: group.length,
          requested: group.reduce((sum, claim) => sum + claim.requested, 0),
          recovered: group.reduce((sum, claim) => sum + (claim.recovered ?? 0), 0),
        };
      }),
    };
  });
}

/** `['2026-10', '2027-01']` → every month from October 2026 to January 2027. */
function monthsBetween(sorted: readonly string[]): string[] {
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  const months: string[] = [];
  let [year = 0, month = 1] = first.split('-').map(Number);
  for (let current = first; current <= last;) {
    months.push(current);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

/** Every status that has claims, in the lifecycle's order. */
export function statusCounts(claims: readonly Claim[]): StatusCount[] {
  const open: readonly Status[] = OPEN_STATUSES;
  return STATUSES.map((status) => ({
    status,
    open: open.includes(status),
    claims: claims.filter((claim) => claim.status === status).length,
  })).filter((count) => count.claims > 0);
}

/** Per reason with at least one answered claim, in the vocabulary's order. */
export function daysToDecision(claims: readonly Claim[]): ReasonDays[] {
  return REASONS.flatMap((reason) => {
    const days = claims
      .filter((claim) => claim.reason === reason)
      .map((claim) => outcomeOf(claim).daysToDecision)
      .filter((d) => d !== null)
      .sort((a, b) => a - b);
    const middle = median(days);
    return middle === null ? [] : [{ reason, days, median: middle }];
  });
}

/** 1970-01-05 was a Monday. */
const A_MONDAY = '1970-01-05';

/** The Monday on or before `day`. */
export function weekOf(day: string): string {
  const offset = ((daysBetween(A_MONDAY, day) % 7) + 7) % 7;
  return addDaysTo(day, -offset);
}

/** Open claims by the week their next action is due, earliest week first. */
export function dueWeeks(claims: readonly Claim[], today: string): DueWeek[] {
  const weeks = new Map<string, DueWeek>();
  for (const claim of claims) {
    const due = nextActionOf(claim)?.due;
    if (due === undefined) continue;
    const week = weekOf(due);
    const entry = weeks.get(week) ?? { week, overdue: 0, onTime: 0 };
    if (due < today) entry.overdue += 1;
    else entry.onTime += 1;
    weeks.set(week, entry);
  }
  return sortedKeys(weeks).map((week) => weeks.get(week) as DueWeek);
}

/** A claim's account: its advertiser ID, else its name in any letter case (as `ownsClaim` reads it). */
const accountKey = (claim: Claim): string => claim.advertiserId ?? `name:${claim.accountName.toLowerCase()}`;

/** One table per account (by advertiser ID, else by name), accounts by name, claims by ID. */
export function accountTables(claims: readonly Claim[], today: string): AccountTable[] {
  const groups = groupBy(claims, accountKey);
  return [...groups.values()]
    .map((group) => {
      const sorted = [...group].sort((a, b) => a.id - b.id);
      // The latest claim carries the account's current name.
      const latest = sorted.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
      return {
        name: latest.accountName,
        advertiserId: latest.advertiserId,
        claims: sorted.map((claim) => accountClaim(claim, today)),
        totals: currencyTotals(sorted),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || (a.advertiserId ?? '').localeCompare(b.advertiserId ?? ''));
}

function accountClaim(claim: Claim, today: string): AccountClaim {
  const next = nextActionOf(claim);
  return {
    id: claim.id,
    channel: claim.channel,
    reason: claim.reason,
    status: claim.status,
    promotion: claim.promotionName ?? claim.promotionId,
    filedOn: filedOn(claim),
    currency: claim.currency,
    requested: claim.requested,
    recovered: claim.recovered,
    nextAction: next?.action ?? null,
    due: next?.due ?? null,
    overdue: next !== null && next.due < today,
  };
}
