/**
 * `report`: what was asked for and what came back, per group — channel and reason, account, or
 * month — and currency (amounts in different currencies are never added together; there are no
 * exchange rates), with a total per currency. A claim counts from the day it was filed (its
 * submission; a draft: the day it was drafted): its month, and what `--since` compares.
 */
import { CHANNELS, isTerminal, REASONS } from '../domain/claim.js';
import type { Channel, Claim, Reason } from '../domain/claim.js';
import { ownsClaim } from '../domain/accounts.js';
import { claimOutcome } from '../domain/outcomes.js';
import { median, ratio } from '../domain/stats.js';
import type { Account, ClaimStore } from './deps.js';

export const REPORT_BY = ['channel-reason', 'account', 'month'] as const;
export type ReportBy = (typeof REPORT_BY)[number];

/** What a group is about: its channel and reason, its account, or its month (`2026-11`). */
export type GroupKey =
  | { by: 'channel-reason'; channel: Channel; reason: Reason }
  | { by: 'account'; account: string; advertiserId: string | null }
  | { by: 'month'; month: string };

export interface ReportFigures {
  currency: string;
  claims: number;
  /** Sum of the requested amounts, minor units. */
  requested: number;
  /** Sum of the recovered amounts (none yet counts as 0), minor units. */
  recovered: number;
  /** Granted but not yet received: the approved amount of open claims that recovered nothing yet. */
  approved: number;
  /** recovered ÷ requested; null when nothing was requested. */
  recoveryRate: number | null;
  /** Claims the platform has answered. */
  decided: number;
  /** Of those, the ones whose latest answer approved them, fully or partly. */
  approvedClaims: number;
  /** approvedClaims ÷ decided; null when none was decided. */
  approvalRate: number | null;
  /** Median calendar days from filing to the first answer, over claims with both; null for none. */
  medianDaysToDecision: number | null;
}

export type ReportGroup = ReportFigures & { key: GroupKey };

export interface Report {
  groups: ReportGroup[];
  /** One per currency, over every group. */
  totals: ReportFigures[];
}

export interface ReportOptions {
  /** Only claims filed on or after this day (`YYYY-MM-DD`). */
  since: string | null;
  by?: ReportBy;
  account?: Account | null;
}

/** The day a claim counts from: its first submission, else the day it was drafted. */
export function filedOn(claim: Claim): string {
  return claimOutcome(claim.events).filedOn ?? claim.createdOn;
}

export async function buildReport(store: ClaimStore, options: ReportOptions): Promise<Report> {
  const by = options.by ?? 'channel-reason';
  const account = options.account ?? null;
  const claims = (await store.fullClaims()).filter(
    (claim) =>
      (options.since === null || filedOn(claim) >= options.since) && (account === null || ownsClaim(account, claim)),
  );
  const groups = new Map<string, { key: GroupKey; claims: Claim[] }>();
  for (const claim of claims) {
    const key = keyOf(claim, by);
    const id = `${JSON.stringify(identity(key))}\t${claim.currency}`;
    const group = groups.get(id);
    if (group) group.claims.push(claim);
    else groups.set(id, { key, claims: [claim] });
  }
  const currencies = new Map<string, Claim[]>();
  for (const claim of claims) currencies.set(claim.currency, [...(currencies.get(claim.currency) ?? []), claim]);
  return {
    groups: [...groups.values()].map(({ key, claims }) => ({ key, ...summarise(claims) })).sort(inOrder),
    totals: [...currencies.values()].map(summarise).sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

function keyOf(claim: Claim, by: ReportBy): GroupKey {
  switch (by) {
    case 'channel-reason':
      return { by, channel: claim.channel, reason: claim.reason };
    case 'account':
      return { by, account: claim.accountName, advertiserId: claim.advertiserId };
    case 'month':
      return { by, month: filedOn(claim).slice(0, 7) };
  }
}

/** Claims of one account share a group whatever letter case their name was typed in. */
function identity(key: GroupKey): unknown {
  if (key.by !== 'account') return key;
  return key.advertiserId ?? key.account.toLowerCase();
}

function summarise(claims: readonly Claim[]): ReportFigures {
  const [first] = claims;
  if (!first) throw new Error('a report group is never empty');
  const outcomes = claims.map((claim) => claimOutcome(claim.events));
  const requested = claims.reduce((sum, claim) => sum + claim.requested, 0);
  const recovered = claims.reduce((sum, claim) => sum + (claim.recovered ?? 0), 0);
  const approved = claims.reduce((sum, claim) => sum + awaited(claim), 0);
  const decided = outcomes.filter((outcome) => outcome.approved !== null).length;
  const approvedClaims = outcomes.filter((outcome) => outcome.approved === true).length;
  const days = outcomes.map((outcome) => outcome.daysToDecision).filter((d) => d !== null);
  return {
    currency: first.currency,
    claims: claims.length,
    requested,
    recovered,
    approved,
    recoveryRate: ratio(recovered, requested),
    decided,
    approvedClaims,
    approvalRate: ratio(approvedClaims, decided),
    medianDaysToDecision: median(days),
  };
}

/** Money granted and still on its way: an open claim with an approved amount and nothing recovered. */
function awaited(claim: Claim): number {
  return !isTerminal(claim.status) && claim.approved !== null && claim.recovered === null ? claim.approved : 0;
}

/** Channels and reasons in the vocabulary's order, accounts by name, months in time; then currency. */
function inOrder(a: ReportGroup, b: ReportGroup): number {
  return compareKeys(a.key, b.key) || a.currency.localeCompare(b.currency);
}

function compareKeys(a: GroupKey, b: GroupKey): number {
  if (a.by === 'channel-reason' && b.by === 'channel-reason')
    return (
      CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel) || REASONS.indexOf(a.reason) - REASONS.indexOf(b.reason)
    );
  if (a.by === 'account' && b.by === 'account')
    return (
      a.account.localeCompare(b.account, undefined, { sensitivity: 'base' }) ||
      (a.advertiserId ?? '').localeCompare(b.advertiserId ?? '')
    );
  if (a.by === 'month' && b.by === 'month') return a.month.localeCompare(b.month);
  return 0;
}
