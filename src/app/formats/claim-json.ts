/**
 * The claim as JSON, a published format: what `show --json` and `new --json` print, what `list
 * --json` prints per claim, and what `export` writes (read back by ./export-file.ts). Amounts are
 * decimal strings in the claim's currency ("50.00") or null, dates `YYYY-MM-DD`, instants ISO-8601
 * UTC. Adding a key is compatible; renaming or removing one is not.
 */
import type { ClaimSummary } from '../deps.js';
import type { DueItem } from '../due-list.js';
import type {
  Channel,
  Claim,
  ClaimEvent,
  EventDataByType,
  EventType,
  EvidenceKind,
  Reason,
  Status,
} from '../../domain/claim.js';
import { claimAccount, claimDetails, claimFacts, formatClaimId } from '../../domain/claim.js';
import type { ClaimDetails, ClaimFacts } from '../../domain/claim.js';
import type { Action } from '../../domain/deadlines.js';
import { dueState, nextAction } from '../../domain/deadlines.js';
import { toDecimalString } from '../../domain/money.js';

/** A decimal amount such as "50.00", in the claim's currency. */
export type AmountJson = string;

/** Who, what and how much: the head of `show --json`, and the claim in a bundle's manifest. */
export interface ClaimSummaryJson {
  /** `RC-0007`. */
  id: string;
  status: Status;
  channel: Channel;
  reason: Reason;
  account: { name: string; advertiserId: string | null; email: string; agency: string | null; salesRep: string | null };
  promotion: { id: string; name: string | null; start: string | null; end: string | null };
  amounts: {
    currency: string;
    charged: AmountJson | null;
    expected: AmountJson | null;
    requested: AmountJson | null;
    approved: AmountJson | null;
    recovered: AmountJson | null;
  };
  ticketNumber: string | null;
}

/** The reason's facts as `show --json` prints them under `facts`. */
export type FactsJson = ClaimFacts;

export interface EvidenceJson {
  /** The evidence number, as in the ticket and the bundle. */
  id: number;
  kind: EvidenceKind;
  name: string;
  caption: string | null;
  bytes: number;
  sha256: string;
  mime: string;
  addedAt: string;
}

/** An event's `data` as JSON: the same keys, its amount (if any) a decimal string like every amount. */
type DataJson<D> = { [K in keyof D]: K extends 'amount' ? AmountJson | null : D[K] };

/** What each event type carries in JSON, as `EventDataByType` in the domain. */
export type EventDataJsonByType = { [T in EventType]: DataJson<EventDataByType[T]> };

/** An event's `data`, as its type has it. */
export type EventDataJson<T extends EventType = EventType> = EventDataJsonByType[T];

/** One event of the claim's history; its `data` is as its `type` has it. */
export type EventJson<T extends EventType = EventType> = {
  [K in T]: {
    type: K;
    /** The day it happened. */
    at: string;
    note: string | null;
    /** When it was recorded. */
    recordedAt: string;
    data: EventDataJsonByType[K];
    /** Who recorded it; null for events recorded before version 2. */
    actor: string | null;
  };
}[T];

/** `show --json`: everything about one claim. */
export interface ClaimJson extends ClaimSummaryJson {
  /**
   * The IDs the claim had before an import renumbered it (`RC-0001`), which tickets already sent
   * may quote; commands and `inbox` accept them. Empty for most claims; absent in older exports.
   */
  aliases: string[];
  details: ClaimDetails;
  facts: FactsJson;
  /** Ask for ad credit instead of money back. */
  asCredit: boolean;
  description: string;
  fileBy: string | null;
  /** The facts rules the claim was drafted under: 1 before version 2, whose facts it may lack. */
  factsVersion: number;
  evidence: EvidenceJson[];
  events: EventJson[];
  /** Derived from the events; `import` ignores it and works it out again. */
  nextAction: { action: Action; due: string; overdue: boolean; daysLeft: number } | null;
  createdAt: string;
  createdOn: string;
}

/** `list --json`: one claim without its description, evidence and events. */
export interface ClaimListItemJson {
  id: string;
  status: Status;
  channel: Channel;
  reason: Reason;
  account: { name: string; advertiserId: string | null };
  promotion: { id: string; name: string | null };
  amounts: {
    currency: string;
    charged: AmountJson | null;
    requested: AmountJson | null;
    recovered: AmountJson | null;
  };
  ticketNumber: string | null;
  nextAction: { action: Action; due: string } | null;
  createdAt: string;
}

/** `status --json`: one open claim and when its next action is due. */
export interface DueItemJson {
  id: string;
  status: Status;
  action: Action;
  due: string;
  overdue: boolean;
  /** Calendar days from today to `due`, negative when overdue. */
  daysLeft: number;
  /** The account's name. */
  account: string;
}

const amountIn =
  (currency: string) =>
  (minor: number | null): AmountJson | null =>
    minor === null ? null : toDecimalString(minor, currency);

export function claimSummary(claim: Claim): ClaimSummaryJson {
  const money = amountIn(claim.currency);
  return {
    id: formatClaimId(claim.id),
    status: claim.status,
    channel: claim.channel,
    reason: claim.reason,
    account: claimAccount(claim),
    promotion: { id: claim.promotionId, name: claim.promotionName, start: claim.start, end: claim.end },
    amounts: {
      currency: claim.currency,
      charged: money(claim.charged),
      expected: money(claim.expected),
      requested: money(claim.requested),
      approved: money(claim.approved),
      recovered: money(claim.recovered),
    },
    ticketNumber: claim.ticketNumber,
  };
}

export function claimDocument(claim: Claim, today: string, aliases: readonly number[] = []): ClaimJson {
  const next = nextAction(claim);
  const due = next ? dueState(next.due, today) : null;
  return {
    ...claimSummary(claim),
    aliases: aliases.map(formatClaimId),
    details: claimDetails(claim),
    facts: claimFacts(claim),
    asCredit: claim.asCredit,
    description: claim.description,
    fileBy: claim.fileBy,
    factsVersion: claim.factsVersion,
    evidence: claim.evidence.map((item) => ({
      id: item.number,
      kind: item.kind,
      name: item.name,
      caption: item.caption,
      bytes: item.bytes,
      sha256: item.sha256,
      mime: item.mime,
      addedAt: item.addedAt,
    })),
    events: claim.events.map((event) => eventDocument(event, claim.currency)),
    nextAction:
      next && due ? { action: next.action, due: next.due, overdue: due.overdue, daysLeft: due.daysLeft } : null,
    createdAt: claim.createdAt,
    createdOn: claim.createdOn,
  };
}

/** The amount moves to the end of the data, as a decimal string; data without one is unchanged. */
function withAmountJson<D extends { amount?: number | null }>(
  data: D,
  currency: string,
): Omit<D, 'amount'> & { amount?: AmountJson | null } {
  const { amount, ...rest } = data;
  return amount === undefined ? rest : { ...rest, amount: amountIn(currency)(amount) };
}

/** How each event type's data is written as JSON. */
const DATA_JSON: { [T in EventType]: (data: EventDataByType[T], currency: string) => EventDataJsonByType[T] } = {
  created: (data) => data,
  edited: (data) => data,
  'evidence-added': (data) => data,
  submitted: (data) => data,
  message: (data) => data,
  'followup-sent': (data) => data,
  'escalation-sent': (data) => data,
  decision: withAmountJson,
  'appeal-sent': (data) => data,
  closed: withAmountJson,
};

function eventDocument<T extends EventType>(event: ClaimEvent<T>, currency: string): EventJson<T> {
  const data = DATA_JSON[event.type](event.data, currency);
  return { type: event.type, at: event.on, note: event.note, recordedAt: event.recordedAt, data, actor: event.actor };
}

export function listItemDocument(claim: ClaimSummary): ClaimListItemJson {
  const money = amountIn(claim.currency);
  return {
    id: formatClaimId(claim.id),
    status: claim.status,
    channel: claim.channel,
    reason: claim.reason,
    account: { name: claim.accountName, advertiserId: claim.advertiserId },
    promotion: { id: claim.promotionId, name: claim.promotionName },
    amounts: {
      currency: claim.currency,
      charged: money(claim.charged),
      requested: money(claim.requested),
      recovered: money(claim.recovered),
    },
    ticketNumber: claim.ticketNumber,
    nextAction: claim.nextAction && claim.nextDue ? { action: claim.nextAction, due: claim.nextDue } : null,
    createdAt: claim.createdAt,
  };
}

export function dueItemDocument(item: DueItem): DueItemJson {
  return {
    id: formatClaimId(item.claim.id),
    status: item.claim.status,
    action: item.action,
    due: item.due,
    overdue: item.overdue,
    daysLeft: item.daysLeft,
    account: item.claim.accountName,
  };
}
