/**
 * The claim as JSON: what `show --json` and `new --json` print and what `export` writes. Amounts
 * are decimal strings in the claim's currency ("50.00"), dates `YYYY-MM-DD`, instants ISO-8601.
 */
import type { Claim, ClaimEvent } from '../domain/claim.js';
import { formatClaimId } from '../domain/claim.js';
import { dueState, nextAction } from '../domain/deadlines.js';
import { toDecimalString } from '../domain/money.js';

/** Who, what and how much: the head of `show --json`, and the claim in a bundle's manifest. */
export function claimSummary(claim: Claim) {
  const money = (minor: number | null): string | null =>
    minor === null ? null : toDecimalString(minor, claim.currency);
  return {
    id: formatClaimId(claim.id),
    status: claim.status,
    channel: claim.channel,
    reason: claim.reason,
    account: { name: claim.accountName, advertiserId: claim.advertiserId, email: claim.email },
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

export type ClaimSummaryDocument = ReturnType<typeof claimSummary>;

export function claimDocument(claim: Claim, today: string) {
  const next = nextAction(claim);
  return {
    ...claimSummary(claim),
    details: {
      chargeDate: claim.chargeDate,
      promised: claim.promised,
      delivered: claim.delivered,
      creator: claim.creator,
      deliverables: claim.deliverables,
    },
    description: claim.description,
    fileBy: claim.fileBy,
    evidence: claim.evidence.map((item) => ({
      id: item.seq,
      kind: item.kind,
      name: item.name,
      caption: item.caption,
      bytes: item.bytes,
      sha256: item.sha256,
      mime: item.mime,
      addedAt: item.addedAt,
    })),
    events: claim.events.map((event) => eventDocument(event, claim.currency)),
    nextAction: next ? { action: next.action, due: next.due, ...pick(dueState(next.due, today)) } : null,
    createdAt: claim.createdAt,
    createdOn: claim.createdOn,
  };
}

export type ClaimDocument = ReturnType<typeof claimDocument>;

function pick(state: { overdue: boolean; daysLeft: number }): { overdue: boolean; daysLeft: number } {
  return { overdue: state.overdue, daysLeft: state.daysLeft };
}

/** `at` is the day it happened; `data.amount` is a decimal string like every amount. */
function eventDocument(event: ClaimEvent, currency: string) {
  const { amount, ...rest } = event.data;
  const data =
    amount === undefined ? rest : { ...rest, amount: amount === null ? null : toDecimalString(amount, currency) };
  return { type: event.type, at: event.on, note: event.note, recordedAt: event.recordedAt, data };
}
