/** Mapping between SQLite rows and the domain types. Column names live here and in the schema. */
import type { Account, ClaimSummary, PendingClaim } from '../../app/deps.js';
import type {
  Channel,
  Claim,
  ClaimEvent,
  ClaimFields,
  Evidence,
  EvidenceKind,
  PaidVia,
  Reason,
  Status,
} from '../../domain/claim.js';
import { deriveClaimState } from '../../domain/claim-state.js';
import type { Action } from '../../domain/deadlines.js';

export interface ClaimRow {
  id: number;
  channel: string;
  reason: string;
  status: string;
  account_name: string;
  advertiser_id: string | null;
  email: string;
  promotion_id: string;
  promotion_name: string | null;
  promotion_start: string | null;
  promotion_end: string | null;
  currency: string;
  charged: number;
  expected: number | null;
  requested: number;
  approved: number | null;
  recovered: number | null;
  charge_date: string | null;
  promised: string | null;
  delivered: string | null;
  creator: string | null;
  deliverables: string | null;
  description: string;
  file_by: string | null;
  ticket_number: string | null;
  created_at: string;
  created_on: string;
  updated_at: string;
  next_action: string | null;
  next_due: string | null;
  noticed_on: string | null;
  cancelled_on: string | null;
  cancel_reason: string | null;
  failure: string | null;
  invoice: string | null;
  balance_shown_on: string | null;
  deliverables_due: string | null;
  paid_via: string | null;
  as_credit: number;
  agency: string | null;
  sales_rep: string | null;
  facts_version: number;
}

/** The claim columns the user's fields are stored in. */
export const FIELD_COLUMNS = {
  channel: 'channel',
  reason: 'reason',
  accountName: 'account_name',
  advertiserId: 'advertiser_id',
  email: 'email',
  promotionId: 'promotion_id',
  promotionName: 'promotion_name',
  start: 'promotion_start',
  end: 'promotion_end',
  currency: 'currency',
  charged: 'charged',
  expected: 'expected',
  requested: 'requested',
  chargeDate: 'charge_date',
  promised: 'promised',
  delivered: 'delivered',
  creator: 'creator',
  deliverables: 'deliverables',
  description: 'description',
  fileBy: 'file_by',
  noticedOn: 'noticed_on',
  cancelledOn: 'cancelled_on',
  cancelReason: 'cancel_reason',
  failure: 'failure',
  invoice: 'invoice',
  balanceShownOn: 'balance_shown_on',
  deliverablesDue: 'deliverables_due',
  paidVia: 'paid_via',
  asCredit: 'as_credit',
  agency: 'agency',
  salesRep: 'sales_rep',
} as const satisfies Record<keyof ClaimFields, keyof ClaimRow>;

/** A field's value as SQLite binds it: a switch is 0 or 1. */
export function columnValue<K extends keyof ClaimFields>(
  fields: Partial<ClaimFields>,
  key: K,
): string | number | null | undefined {
  const value = fields[key];
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

export function fieldsFromRow(row: ClaimRow): ClaimFields {
  return {
    channel: row.channel as Channel,
    reason: row.reason as Reason,
    accountName: row.account_name,
    advertiserId: row.advertiser_id,
    email: row.email,
    promotionId: row.promotion_id,
    promotionName: row.promotion_name,
    start: row.promotion_start,
    end: row.promotion_end,
    currency: row.currency,
    charged: row.charged,
    expected: row.expected,
    requested: row.requested,
    chargeDate: row.charge_date,
    promised: row.promised,
    delivered: row.delivered,
    creator: row.creator,
    deliverables: row.deliverables,
    description: row.description,
    fileBy: row.file_by,
    noticedOn: row.noticed_on,
    cancelledOn: row.cancelled_on,
    cancelReason: row.cancel_reason,
    failure: row.failure,
    invoice: row.invoice,
    balanceShownOn: row.balance_shown_on,
    deliverablesDue: row.deliverables_due,
    paidVia: row.paid_via as PaidVia | null,
    asCredit: row.as_credit === 1,
    agency: row.agency,
    salesRep: row.sales_rep,
  };
}

/** The columns a summary needs; `list` never reads descriptions or events. */
export const SUMMARY_COLUMNS =
  'id, status, channel, reason, account_name, advertiser_id, promotion_id, promotion_name, currency, charged, requested, recovered, ticket_number, next_action, next_due, created_at';

/**
 * A row of SUMMARY_COLUMNS read as an array (better-sqlite3's `raw` mode): `list` reads every
 * claim, and row objects cost ~30% more for 100,000 of them.
 */
export function summaryFromValues(values: readonly unknown[]): ClaimSummary {
  return {
    id: values[0] as number,
    status: values[1] as Status,
    channel: values[2] as Channel,
    reason: values[3] as Reason,
    accountName: values[4] as string,
    advertiserId: values[5] as string | null,
    promotionId: values[6] as string,
    promotionName: values[7] as string | null,
    currency: values[8] as string,
    charged: values[9] as number,
    requested: values[10] as number,
    recovered: values[11] as number | null,
    ticketNumber: values[12] as string | null,
    nextAction: values[13] as Action | null,
    nextDue: values[14] as string | null,
    createdAt: values[15] as string,
  };
}

/**
 * The columns `status` needs, all of them in the index `claims_pending` (migrations 2 and 7): it reads
 * that index alone, not one table row per open claim.
 */
export const PENDING_COLUMNS =
  'id, status, next_action, next_due, promotion_id, promotion_name, currency, requested, account_name, advertiser_id';

/**
 * A row of PENDING_COLUMNS read as an array (better-sqlite3's `raw` mode): for the thousands of
 * open claims `status` lists, ~30% faster than row objects.
 */
export function pendingFromValues(values: readonly unknown[]): PendingClaim {
  const nextAction = values[2] as Action | null;
  const nextDue = values[3] as string | null;
  if (nextAction === null || nextDue === null) throw new Error(`claim ${String(values[0])} has no next action`);
  return {
    id: values[0] as number,
    status: values[1] as Status,
    nextAction,
    nextDue,
    promotionId: values[4] as string,
    promotionName: values[5] as string | null,
    currency: values[6] as string,
    requested: values[7] as number,
    accountName: values[8] as string,
    advertiserId: values[9] as string | null,
  };
}

export interface EventRow {
  seq: number;
  type: string;
  happened_on: string;
  recorded_at: string;
  note: string | null;
  data: string;
  actor: string | null;
}

export function eventFromRow(row: EventRow): ClaimEvent {
  const data: unknown = JSON.parse(row.data);
  // The one cast of an event's data: the database holds what the domain wrote. `type` and `data`
  // are stored together from one ClaimEvent (appendEvents, restoreClaim), so `data` is the JSON
  // of `EventDataByType[type]`; it is not checked again on every read. A migration that reshapes
  // an event's data must keep that true.
  return {
    seq: row.seq,
    type: row.type,
    on: row.happened_on,
    recordedAt: row.recorded_at,
    note: row.note,
    data,
    actor: row.actor,
  } as ClaimEvent;
}

export interface EvidenceRow {
  seq: number;
  kind: string;
  name: string;
  caption: string | null;
  bytes: number;
  sha256: string;
  mime: string;
  added_at: string;
}

export function evidenceFromRow(row: EvidenceRow): Evidence {
  return {
    number: row.seq,
    kind: row.kind as EvidenceKind,
    name: row.name,
    caption: row.caption,
    bytes: row.bytes,
    sha256: row.sha256,
    mime: row.mime,
    addedAt: row.added_at,
  };
}

export function claimFromRows(row: ClaimRow, events: ClaimEvent[], evidence: Evidence[]): Claim {
  return {
    ...fieldsFromRow(row),
    id: row.id,
    status: row.status as Status,
    ticketNumber: row.ticket_number,
    approved: row.approved,
    recovered: row.recovered,
    createdAt: row.created_at,
    createdOn: row.created_on,
    factsVersion: row.facts_version,
    evidence,
    events,
  };
}

export interface AccountRow {
  name: string;
  advertiser_id: string | null;
  email: string;
  agency: string | null;
  sales_rep: string | null;
}

export function accountFromRow(row: AccountRow): Account {
  return {
    name: row.name,
    advertiserId: row.advertiser_id,
    email: row.email,
    agency: row.agency,
    salesRep: row.sales_rep,
  };
}

/**
 * What both stores keep in the claim's row from its events, derived by the domain: the columns
 * (in the order of `derivedValues`) and the claim as read back with them. The SQL around them is
 * each store's own.
 */
export const DERIVED_COLUMNS = [
  'status',
  'ticket_number',
  'approved',
  'recovered',
  'next_action',
  'next_due',
  'updated_at',
] as const;

export function derivedState(claim: Claim): { values: (string | number | null)[]; claim: Claim } {
  const state = deriveClaimState({
    fields: claim,
    createdAt: claim.createdAt,
    createdOn: claim.createdOn,
    events: claim.events,
  });
  return {
    values: [
      state.status,
      state.ticketNumber,
      state.approved,
      state.recovered,
      state.nextAction,
      state.nextDue,
      state.updatedAt,
    ],
    claim: {
      ...claim,
      status: state.status,
      ticketNumber: state.ticketNumber,
      approved: state.approved,
      recovered: state.recovered,
    },
  };
}
