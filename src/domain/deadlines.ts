/**
 * The next action of a claim and its due date: one pure function of the claim's status, dates
 * and events (SPEC "Next action and due dates"). Business days are Monday to Friday.
 */
import { isEvent } from './claim.js';
import type { ClaimEvent, Reason, Status } from './claim.js';
import { addBusinessDaysTo, addDaysTo, daysBetween } from './dates.js';
import { inOrder } from './lifecycle.js';
import { ADS_MANAGER_UNSPENT_BALANCE } from './platform-facts.js';

export const ACTIONS = ['submit', 'followup', 'escalate', 'reply', 'confirm-refund', 'appeal'] as const;
export type Action = (typeof ACTIONS)[number];

export interface NextAction {
  action: Action;
  /** `YYYY-MM-DD`. */
  due: string;
}

export const SUBMIT_WITHIN_BUSINESS_DAYS = 2;
export const FOLLOWUP_AFTER_BUSINESS_DAYS = 3;
export const ESCALATE_AFTER_FOLLOWUPS = 2;
/** After an escalation, each follow-up on it is due this many business days after the last. */
export const FOLLOWUP_AFTER_ESCALATION_BUSINESS_DAYS = 5;
export const REPLY_WITHIN_BUSINESS_DAYS = 2;
export const REFUND_EXPECTED_WITHIN_DAYS = 30;

/** How long the money takes to come back after an approval: TikTok's own figure where it gives one. */
export function refundExpectedWithinDays(reason: Reason): number {
  return reason === 'unspent-balance' ? ADS_MANAGER_UNSPENT_BALANCE.refundWithinDays : REFUND_EXPECTED_WITHIN_DAYS;
}
export const APPEAL_WITHIN_DAYS = 7;

export interface DeadlineInput {
  status: Status;
  reason: Reason;
  createdOn: string;
  fileBy: string | null;
  events: readonly ClaimEvent[];
}

/** A message support wrote. */
export type SupportMessage = ClaimEvent<'message'> & { data: { from: 'support' } };

export const isSupportMessage = (e: ClaimEvent): e is SupportMessage =>
  e.type === 'message' && e.data.from === 'support';
const isChaser = (e: ClaimEvent): boolean => e.type === 'followup-sent' || e.type === 'escalation-sent';
const isContact = (e: ClaimEvent): boolean =>
  e.type === 'submitted' || e.type === 'appeal-sent' || e.type === 'message' || isChaser(e);

export interface Round {
  /** What started the wait: the ticket filed, the appeal sent, or support's latest message. */
  start: ClaimEvent | null;
  /** Follow-ups and escalations sent since, none answered. */
  chasers: ClaimEvent[];
}

/** Where the conversation with support stands: a round starts with every answer from support. */
export function currentRound(events: readonly ClaimEvent[]): Round {
  const ordered = inOrder(events);
  const index = ordered.findLastIndex((e) => isSupportMessage(e) || e.type === 'submitted' || e.type === 'appeal-sent');
  return { start: ordered[index] ?? null, chasers: ordered.slice(index + 1).filter(isChaser) };
}

export function nextAction(claim: DeadlineInput): NextAction | null {
  const events = inOrder(claim.events);

  switch (claim.status) {
    case 'draft':
      return {
        action: 'submit',
        due: claim.fileBy ?? addBusinessDaysTo(claim.createdOn, SUBMIT_WITHIN_BUSINESS_DAYS),
      };
    case 'info-requested': {
      const request = events.findLast((e) => isSupportMessage(e) && e.data.infoRequested === true);
      return { action: 'reply', due: addBusinessDaysTo(request?.on ?? claim.createdOn, REPLY_WITHIN_BUSINESS_DAYS) };
    }
    case 'submitted':
    case 'appealed': {
      const { chasers } = currentRound(events);
      const lastChaser = chasers.at(-1);
      // Escalated and unanswered: what is left is a follow-up on the escalation, never another one.
      if (lastChaser && chasers.some((e) => e.type === 'escalation-sent')) {
        return { action: 'followup', due: addBusinessDaysTo(lastChaser.on, FOLLOWUP_AFTER_ESCALATION_BUSINESS_DAYS) };
      }
      if (chasers.length >= ESCALATE_AFTER_FOLLOWUPS && lastChaser) {
        return { action: 'escalate', due: addBusinessDaysTo(lastChaser.on, FOLLOWUP_AFTER_BUSINESS_DAYS) };
      }
      const contact = events.findLast(isContact);
      return {
        action: 'followup',
        due: addBusinessDaysTo(contact?.on ?? claim.createdOn, FOLLOWUP_AFTER_BUSINESS_DAYS),
      };
    }
    case 'approved':
    case 'partially-approved': {
      const decision = events.findLast((e) => isEvent(e, 'decision'));
      return {
        action: 'confirm-refund',
        due:
          decision?.data.expectBy ?? addDaysTo(decision?.on ?? claim.createdOn, refundExpectedWithinDays(claim.reason)),
      };
    }
    case 'denied': {
      const decision = events.findLast((e) => isEvent(e, 'decision'));
      return {
        action: 'appeal',
        due: decision?.data.appealBy ?? addDaysTo(decision?.on ?? claim.createdOn, APPEAL_WITHIN_DAYS),
      };
    }
    default:
      return null;
  }
}

export type Reminder = 'followup' | 'escalation';

/** The reminder to send now: once follow-ups went unanswered long enough, it is an escalation. */
export function reminderDue(claim: DeadlineInput): Reminder {
  return nextAction(claim)?.action === 'escalate' ? 'escalation' : 'followup';
}

export interface DueState {
  overdue: boolean;
  /** Calendar days from today to the due date; negative when overdue. */
  daysLeft: number;
  /** `overdue 2d`, `due today`, `in 3d`. */
  label: string;
}

export function dueState(due: string, today: string): DueState {
  const daysLeft = daysBetween(today, due);
  const label = daysLeft < 0 ? `overdue ${-daysLeft}d` : daysLeft === 0 ? 'due today' : `in ${daysLeft}d`;
  return { overdue: daysLeft < 0, daysLeft, label };
}
