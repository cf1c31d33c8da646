/** The vocabulary of SPEC.md and the shape of a claim as every layer sees it. */

export const CHANNELS = ['tiktok-ads', 'tiktok-promote', 'creator'] as const;
export type Channel = (typeof CHANNELS)[number];

export const REASONS = [
  'technical-issue',
  'incorrect-charge',
  'non-performance',
  'accidental-charge',
  'campaign-cancelled',
  'creator-no-delivery',
  'unspent-balance',
] as const;
export type Reason = (typeof REASONS)[number];

export const EVIDENCE_KINDS = ['screenshot', 'receipt', 'report', 'correspondence', 'recording', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** How a creator partnership was paid: through TikTok One (the creator marketplace) or directly. */
export const PAID_VIA = ['tiktok-one', 'direct'] as const;
export type PaidVia = (typeof PAID_VIA)[number];

export const OPEN_STATUSES = [
  'draft',
  'submitted',
  'info-requested',
  'approved',
  'partially-approved',
  'denied',
  'appealed',
] as const;
export const TERMINAL_STATUSES = ['refunded', 'credited', 'rejected', 'withdrawn'] as const;
export const STATUSES = [...OPEN_STATUSES, ...TERMINAL_STATUSES] as const;
export type Status = (typeof STATUSES)[number];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

export function isTerminal(status: Status): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

/**
 * Everything the user states about a claim. Money is integer minor units of `currency`;
 * calendar dates are `YYYY-MM-DD`; optional values are null, never undefined.
 */
export interface ClaimFields {
  channel: Channel;
  reason: Reason;
  accountName: string;
  advertiserId: string | null;
  email: string;
  promotionId: string;
  promotionName: string | null;
  start: string | null;
  end: string | null;
  currency: string;
  charged: number;
  expected: number | null;
  requested: number;
  chargeDate: string | null;
  promised: string | null;
  delivered: string | null;
  creator: string | null;
  deliverables: string | null;
  description: string;
  fileBy: string | null;
  /** The reason's facts (version 2): when it was noticed, cancelled, what failed, … */
  noticedOn: string | null;
  cancelledOn: string | null;
  cancelReason: string | null;
  failure: string | null;
  invoice: string | null;
  balanceShownOn: string | null;
  deliverablesDue: string | null;
  /** `creator` claims only: `direct` unless given; null on the other channels. */
  paidVia: PaidVia | null;
  /** Ask for ad credit instead of money back to the original payment method. */
  asCredit: boolean;
  /** The agency filing for the advertiser, and the account's TikTok sales representative. */
  agency: string | null;
  salesRep: string | null;
}

export type FieldKey = keyof ClaimFields;

/**
 * Every field, in the order forms and files list them: the one list behind the export reader,
 * the store's columns and the command line's flags.
 */
export const FIELD_KEYS = [
  'channel',
  'reason',
  'accountName',
  'advertiserId',
  'email',
  'promotionId',
  'promotionName',
  'start',
  'end',
  'currency',
  'charged',
  'expected',
  'requested',
  'chargeDate',
  'promised',
  'delivered',
  'creator',
  'deliverables',
  'description',
  'fileBy',
  'noticedOn',
  'cancelledOn',
  'cancelReason',
  'failure',
  'invoice',
  'balanceShownOn',
  'deliverablesDue',
  'paidVia',
  'asCredit',
  'agency',
  'salesRep',
] as const satisfies readonly FieldKey[];

/** The facts about the promotion that JSON and template views print under `details`. */
export interface ClaimDetails {
  chargeDate: string | null;
  promised: string | null;
  delivered: string | null;
  creator: string | null;
  deliverables: string | null;
}

/** The reason's facts (version 2); each null when not given, `paidVia` `direct` by default on `creator`. */
export interface ClaimFacts {
  noticedOn: string | null;
  cancelledOn: string | null;
  cancelReason: string | null;
  failure: string | null;
  invoice: string | null;
  balanceShownOn: string | null;
  deliverablesDue: string | null;
  paidVia: PaidVia | null;
}

/** The account a claim is filed under, as JSON and template views print it. */
export interface ClaimAccountView {
  name: string;
  advertiserId: string | null;
  email: string;
  agency: string | null;
  salesRep: string | null;
}

export function claimAccount(claim: ClaimFields): ClaimAccountView {
  const { accountName: name, advertiserId, email, agency, salesRep } = claim;
  return { name, advertiserId, email, agency, salesRep };
}

export function claimDetails(claim: ClaimFields): ClaimDetails {
  return {
    chargeDate: claim.chargeDate,
    promised: claim.promised,
    delivered: claim.delivered,
    creator: claim.creator,
    deliverables: claim.deliverables,
  };
}

export function claimFacts(claim: ClaimFields): ClaimFacts {
  return {
    noticedOn: claim.noticedOn,
    cancelledOn: claim.cancelledOn,
    cancelReason: claim.cancelReason,
    failure: claim.failure,
    invoice: claim.invoice,
    balanceShownOn: claim.balanceShownOn,
    deliverablesDue: claim.deliverablesDue,
    paidVia: claim.paidVia,
  };
}

/** Fails to compile when a field of ClaimFields is missing from FIELD_KEYS. */
export const FIELD_KEYS_COMPLETE: Exclude<FieldKey, (typeof FIELD_KEYS)[number]> extends never ? true : never = true;

/**
 * Which version of the facts rules a claim was drafted under. Claims drafted before version 2
 * (facts version 1) lack facts that were not asked then: a missing one is a warning for them.
 */
export const FACTS_VERSION = 2;

/** One stored evidence file. `number` is its number in the ticket and the bundle (1, 2, …). */
export interface Evidence {
  number: number;
  kind: EvidenceKind;
  name: string;
  caption: string | null;
  bytes: number;
  sha256: string;
  mime: string;
  /** ISO-8601 UTC instant. */
  addedAt: string;
}

export const EVENT_TYPES = [
  'created',
  'edited',
  'evidence-added',
  'submitted',
  'message',
  'followup-sent',
  'escalation-sent',
  'decision',
  'appeal-sent',
  'closed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type Decision = 'approved' | 'partially-approved' | 'denied';
export type Outcome = 'refunded' | 'credited' | 'rejected' | 'withdrawn';

/** The numbers of the evidence added with a step (`log --attach`); absent when none was. */
interface WithEvidence {
  evidence?: number[];
}

/**
 * What each event type carries besides its date and note: what the command that records it
 * writes. A key that every version of refund-claim has written and that the event means nothing
 * without is required; the others are optional, as an export file may leave them out.
 */
export interface EventDataByType {
  /** `new` records no data: the evidence it adds is the claim's first, listed with the claim. */
  created: Record<never, never>;
  /**
   * `edit`: the fields whose value changed; `caption`: the evidence whose caption it set or
   * replaced (one or the other, never both).
   */
  edited: { fields: FieldKey[]; evidence?: undefined } | { fields?: undefined; evidence: number[] };
  /** `attach`. */
  'evidence-added': { evidence: number[] };
  submitted: WithEvidence & { ticket?: string };
  message: WithEvidence & { from: 'support' | 'me'; message?: string; infoRequested?: boolean };
  'followup-sent': WithEvidence;
  'escalation-sent': WithEvidence;
  /** `amount` is what was approved, in minor units: null for a denial. */
  decision: WithEvidence & {
    decision: Decision;
    amount?: number | null;
    reason?: string | null;
    expectBy?: string | null;
    appealBy?: string | null;
  };
  'appeal-sent': WithEvidence;
  /** `amount` is what the user stated was recovered, in minor units; null when none was. */
  closed: WithEvidence & { outcome: Outcome; amount?: number | null };
}

/**
 * One event of a claim's history, its `data` as its `type` has it: narrow by `type` (a switch,
 * or `isEvent`) to read the data. `ClaimEvent<'decision'>` is a decision.
 */
export type ClaimEvent<T extends EventType = EventType> = {
  [K in T]: {
    /** Order in which it was recorded, 1-based within the claim. */
    seq: number;
    type: K;
    /** The calendar day it happened (`YYYY-MM-DD`), which may predate when it was recorded. */
    on: string;
    /** ISO-8601 UTC instant it was recorded. */
    recordedAt: string;
    note: string | null;
    data: EventDataByType[K];
    /**
     * Who recorded it (`REFUND_CLAIM_USER`, else the login name); null for events recorded
     * before version 2, which did not say.
     */
    actor: string | null;
  };
}[T];

/**
 * Some keys of an event, still one shape per type (`Pick` alone would merge the types into one
 * shape whose `data` fits any of them): `EventPick<'type' | 'data'>`.
 */
export type EventPick<K extends keyof ClaimEvent, T extends EventType = EventType> = {
  [E in T]: Pick<ClaimEvent<E>, K>;
}[T];

/** Whether an event is of a type, narrowing it: `events.findLast((e) => isEvent(e, 'decision'))`. */
export function isEvent<E extends Pick<ClaimEvent, 'type'>, T extends E['type']>(
  event: E,
  type: T,
): event is Extract<E, { type: T }> {
  return event.type === type;
}

export interface Claim extends ClaimFields {
  id: number;
  status: Status;
  ticketNumber: string | null;
  /** Amount the platform approved (`decision --amount`), minor units. */
  approved: number | null;
  /** Amount actually recovered (`close --amount`), minor units. */
  recovered: number | null;
  /** ISO-8601 UTC instant. */
  createdAt: string;
  /** The calendar day the claim was drafted, in the user's time zone. */
  createdOn: string;
  /** FACTS_VERSION when it was drafted (1: before version 2's facts). */
  factsVersion: number;
  evidence: Evidence[];
  events: ClaimEvent[];
}

/** The largest ID `parseClaimId` reads (nine digits): a claim numbered beyond it cannot be named. */
export const MAX_CLAIM_ID = 999_999_999;

/**
 * More evidence files or events than any claim gathers by hand. `import` refuses a claim beyond
 * them, so a damaged file cannot push numbering where it stops being exact or printable.
 */
export const MAX_EVIDENCE_PER_CLAIM = 9_999;
export const MAX_EVENTS_PER_CLAIM = 9_999;

/** `RC-0007`: at least four digits, more when needed. */
export function formatClaimId(id: number): string {
  return `RC-${String(id).padStart(4, '0')}`;
}

/** Accepts `RC-0007`, `rc-7` and `7`; returns null for anything else. */
export function parseClaimId(text: string): number | null {
  const match = /^(?:rc-?)?0*(\d{1,9})$/i.exec(text.trim());
  if (!match?.[1]) return null;
  const id = Number(match[1]);
  return id > 0 ? id : null;
}
