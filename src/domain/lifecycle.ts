/**
 * The claim's status is a fold over its events; this file holds the one table of which move is
 * allowed from which status, and how each event changes the claim.
 */
import { formatClaimId, OPEN_STATUSES } from './claim.js';
import type { ClaimEvent, Decision, EventPick, EventType, Outcome, Status } from './claim.js';
import { UserError } from './errors.js';
import { approvedAmount, isPaid, recoveredAmount } from './settlement.js';

export type Move =
  | 'submit'
  | 'log'
  | 'request-info'
  | 'followup'
  | 'decision'
  | 'appeal'
  | 'close-paid'
  | 'close-rejected'
  | 'close-withdrawn';

interface MoveRule {
  from: readonly Status[];
  /** How the user makes this move, for "allowed now" messages. */
  command: string;
}

const AWAITING_SUPPORT: readonly Status[] = ['submitted', 'info-requested', 'appealed'];

export const MOVES: Record<Move, MoveRule> = {
  submit: { from: ['draft'], command: 'submit --ticket <number>' },
  log: { from: OPEN_STATUSES, command: 'log --from support|me --message <text>' },
  'request-info': {
    from: ['submitted', 'info-requested', 'appealed'],
    command: 'log --from support --info-requested --message <text>',
  },
  followup: { from: ['submitted', 'appealed'], command: 'followup' },
  decision: { from: AWAITING_SUPPORT, command: 'decision approved|partially-approved|denied' },
  appeal: { from: ['denied', 'partially-approved'], command: 'appeal' },
  'close-paid': {
    from: [...AWAITING_SUPPORT, 'approved', 'partially-approved'],
    command: 'close --outcome refunded|credited',
  },
  'close-rejected': { from: ['denied'], command: 'close --outcome rejected' },
  'close-withdrawn': { from: OPEN_STATUSES, command: 'close --outcome withdrawn' },
};

/** The moves that fit a status, as commands; empty for a closed claim. */
export function allowedMoves(status: Status): string[] {
  return Object.values(MOVES)
    .filter((rule) => rule.from.includes(status))
    .map((rule) => rule.command);
}

/** Which move an event is; null for events that never change the status. */
export function moveOf(event: EventPick<'type' | 'data'>): Move | null {
  switch (event.type) {
    case 'submitted':
      return 'submit';
    case 'message':
      return event.data.from === 'support' && event.data.infoRequested ? 'request-info' : 'log';
    case 'followup-sent':
    case 'escalation-sent':
      return 'followup';
    case 'decision':
      return 'decision';
    case 'appeal-sent':
      return 'appeal';
    case 'closed':
      if (event.data.outcome === 'rejected') return 'close-rejected';
      if (event.data.outcome === 'withdrawn') return 'close-withdrawn';
      return 'close-paid';
    default:
      return null;
  }
}

/** Events in the order they happened: by day, and on one day in the order they were recorded. */
export function inOrder<E extends Pick<ClaimEvent, 'on' | 'seq'>>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => (a.on === b.on ? a.seq - b.seq : a.on < b.on ? -1 : 1));
}

function allowedHint(claim: string, status: Status): string {
  const allowed = allowedMoves(status);
  return allowed.length > 0
    ? `Allowed now: ${allowed.map((command) => `refund-claim ${command.replace(/^(\S+)/, `$1 ${claim}`)}`).join('; ')}`
    : `${claim} is closed; nothing more can be recorded.`;
}

/** Refuses a move that does not fit the claim's status, naming the ones that do. */
export function assertMoveAllowed(id: number, status: Status, move: Move): void {
  if (MOVES[move].from.includes(status)) return;
  const claim = formatClaimId(id);
  throw new UserError(
    `${claim} is ${status}; \`${MOVES[move].command}\` does not fit that status.`,
    allowedHint(claim, status),
  );
}

export interface LifecycleState {
  status: Status;
  ticketNumber: string | null;
  approved: number | null;
  recovered: number | null;
  /** Where an answered request for information returns to: the claim may be under appeal. */
  resumeStatus: Status;
}

const INITIAL: LifecycleState = {
  status: 'draft',
  ticketNumber: null,
  approved: null,
  recovered: null,
  resumeStatus: 'submitted',
};

/** What one event does to the claim; `requested` is the claim's requested amount. */
function apply(state: LifecycleState, event: EventPick<'type' | 'data'>, requested: number): LifecycleState {
  switch (event.type) {
    case 'submitted':
      return { ...state, status: 'submitted', ticketNumber: event.data.ticket ?? state.ticketNumber };
    case 'message': {
      const { from, infoRequested } = event.data;
      if (from === 'support' && infoRequested) {
        const resumeStatus = state.status === 'info-requested' ? state.resumeStatus : state.status;
        return { ...state, status: 'info-requested', resumeStatus };
      }
      return from === 'me' && state.status === 'info-requested' ? { ...state, status: state.resumeStatus } : state;
    }
    case 'decision':
      return { ...state, status: event.data.decision, approved: approvedAmount(event.data, requested) };
    case 'appeal-sent':
      return { ...state, status: 'appealed' };
    case 'closed':
      return {
        ...state,
        status: event.data.outcome,
        recovered: recoveredAmount(event.data, state.approved, requested),
      };
    default:
      return state;
  }
}

/** The claim's state after its events, replayed in the order they happened. */
export function foldEvents(events: readonly ClaimEvent[], requested: number): LifecycleState {
  return inOrder(events).reduce((state, event) => apply(state, event, requested), INITIAL);
}

export interface Misfit {
  event: ClaimEvent;
  move: Move;
  /** The claim's status when the event happened. */
  status: Status;
}

/** The first event, in the order things happened, whose move did not fit the status it met. */
export function firstMisfit(events: readonly ClaimEvent[], requested: number): Misfit | null {
  let state = INITIAL;
  for (const event of inOrder(events)) {
    const move = moveOf(event);
    if (move && !MOVES[move].from.includes(state.status)) return { event, move, status: state.status };
    state = apply(state, event, requested);
  }
  return null;
}

export type NewStep = EventPick<'type' | 'on' | 'data'>;

/** A step is recorded once it has happened: never on a day after today. */
export function isFutureStep(on: string, today: string): boolean {
  return on > today;
}

/** How messages name a recorded step: `the follow-up of 2026-11-13`, not its event type. */
const STEP_WORDS: Record<EventType, string> = {
  created: 'draft',
  edited: 'edit',
  'evidence-added': 'added evidence',
  submitted: 'submission',
  message: 'message',
  'followup-sent': 'follow-up',
  'escalation-sent': 'escalation',
  decision: 'decision',
  'appeal-sent': 'appeal',
  closed: 'closing',
};

/**
 * Refuses a step that does not fit the claim's history. Steps are often recorded after the fact,
 * so the step is placed where its date puts it and the whole history is replayed: it must fit the
 * status of that day, and every later step must still fit after it.
 */
export function assertStepFits(id: number, events: readonly ClaimEvent[], step: NewStep, requested: number): void {
  const added: ClaimEvent = {
    ...step,
    seq: Math.max(0, ...events.map((e) => e.seq)) + 1,
    recordedAt: '',
    note: null,
    actor: null,
  };
  const all = [...events, added];
  const misfit = firstMisfit(all, requested);
  if (!misfit) return;
  const claim = formatClaimId(id);
  const hint = 'Check --on: steps are placed in the order of their dates.';
  if (misfit.event !== added) {
    throw new UserError(
      `With this step on ${step.on}, the ${STEP_WORDS[misfit.event.type]} of ${misfit.event.on} would no longer fit: ${claim} would be ${misfit.status} then.`,
      hint,
    );
  }
  if (inOrder(all).at(-1) === added) assertMoveAllowed(id, misfit.status, misfit.move);
  throw new UserError(
    `On ${step.on} ${claim} was ${misfit.status}; \`${MOVES[misfit.move].command}\` does not fit then.`,
    hint,
  );
}

export interface DecisionInput {
  decision: Decision;
  /** The approved amount; null when none was stated. */
  amount: number | null;
  requested: number;
  expectBy: string | null;
  appealBy: string | null;
}

/**
 * What is wrong with a decision as stated, naming the option; null when it is consistent. An
 * approval without an amount approves what was requested; a partial one must say how much.
 */
export function decisionProblem(input: DecisionInput): string | null {
  const { decision, amount } = input;
  if (decision === 'denied') {
    if (amount !== null) return '--amount goes with approved or partially-approved; a denial approves nothing';
    if (input.expectBy !== null)
      return '--expect-by goes with approved or partially-approved: it is when the money should arrive';
    return null;
  }
  if (input.appealBy !== null) return '--appeal-by goes with denied: it is the last day to appeal';
  if (decision === 'partially-approved') {
    if (amount === null) return 'a partial approval needs --amount: how much was approved';
    if (amount >= input.requested)
      return '--amount of a partial approval is less than the requested amount; record it as approved';
    if (amount === 0) return '--amount of a partial approval is more than zero; record it as denied';
  }
  return null;
}

/** What is wrong with a close as stated, naming the option; null when it is consistent. */
export function closeProblem(outcome: Outcome, amountStated: boolean): string | null {
  return amountStated && !isPaid(outcome)
    ? `--amount goes with refunded or credited; ${outcome} recovers nothing`
    : null;
}

/** What is wrong with a logged message as stated, naming the option; null when it is consistent. */
export function messageProblem(from: 'support' | 'me', infoRequested: boolean): string | null {
  return infoRequested && from !== 'support'
    ? '--info-requested goes with --from support: it is support asking you for something'
    : null;
}
