/**
 * What a claim's events make of it. Every store calls this on every write and keeps the result
 * in columns for its queries, so no store holds a business rule of its own.
 */
import type { ClaimEvent, ClaimFields, Status } from './claim.js';
import type { Action } from './deadlines.js';
import { nextAction } from './deadlines.js';
import { foldEvents } from './lifecycle.js';

export interface ClaimState {
  status: Status;
  ticketNumber: string | null;
  approved: number | null;
  recovered: number | null;
  nextAction: Action | null;
  /** `YYYY-MM-DD`, null when nothing is pending. */
  nextDue: string | null;
  /** ISO-8601 UTC instant of the latest event recorded (the claim's creation when none). */
  updatedAt: string;
}

export interface ClaimStateInput {
  fields: Pick<ClaimFields, 'requested' | 'fileBy' | 'reason'>;
  createdAt: string;
  createdOn: string;
  events: readonly ClaimEvent[];
}

export function deriveClaimState({ fields, createdAt, createdOn, events }: ClaimStateInput): ClaimState {
  const { status, ticketNumber, approved, recovered } = foldEvents(events, fields.requested);
  const next = nextAction({ status, reason: fields.reason, createdOn, fileBy: fields.fileBy, events });
  const updatedAt = events.reduce((latest, e) => (e.recordedAt > latest ? e.recordedAt : latest), createdAt);
  return {
    status,
    ticketNumber,
    approved,
    recovered,
    nextAction: next?.action ?? null,
    nextDue: next?.due ?? null,
    updatedAt,
  };
}
