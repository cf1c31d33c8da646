/**
 * The claim's status is a fold over its events; this file holds the one table of which move is
 * allowed from which status, and how each event changes the claim.
 */
import { formatClaimId, OPEN_STATUSES } from './claim.js';
import type { ClaimEvent, EventData, EventType, Status } from './claim.js';
import { UserError } from './errors.js';

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
export function moveOf(type: EventType, data: EventData): Move | null {
  switch (type) {
    case 'submitted':
      return 'submit';
    case 'message':
      return data.from === 'support' && data.infoRequested ? 'request-info' : 'log';
    case 'followup-sent':
    case 'escalation-sent':
      return 'followup';
    case 'decision':
      return 'decision';
    case 'appeal-sent':
      return 'appeal';
    case 'closed':
      if (data.outcome === 'rejected') return 'close-rejected';
      if (data.outcome === 'withdrawn') return 'close-withdrawn';
      return 'close-paid';
    default:
      return null;
  }
}

/** Refuses a move that does not fit the claim's status, naming the ones that do. */
export function assertMoveAllowed(id: number, status: Status, move: Move): void {
  if (MOVES[move].from.includes(status)) return;
  const allowed = allowedMoves(status);
  const claim = formatClaimId(id);
  throw new UserError(
    `${claim} is ${status}; \`${MOVES[move].command.split(' ')[0] ?? move}\` does not fit that status.`,
    allowed.length > 0
      ? `Allowed now: ${allowed.map((command) => `refund-claim ${command.replace(/^(\S+)/, `$1 ${claim}`)}`).join('; ')}`
      : `${claim} is closed; nothing more can be recorded.`,
  );
}

export interface LifecycleState {
  status: Status;
  ticketNumber: string | null;
  approved: number | null;
  recovered: number | null;
}

/** Replays events in the order they were recorded; `requested` is the claim's requested amount. */
export function foldEvents(events: readonly ClaimEvent[], requested: number): LifecycleState {
  let state: LifecycleState = { status: 'draft', ticketNumber: null, approved: null, recovered: null };
  // Where an answered request for information returns to: the claim may be under appeal.
  let resumeStatus: Status = 'submitted';
  for (const event of events) {
    const { data } = event;
    switch (event.type) {
      case 'submitted':
        state = { ...state, status: 'submitted', ticketNumber: data.ticket ?? state.ticketNumber };
        break;
      case 'message':
        if (data.from === 'support' && data.infoRequested) {
          if (state.status !== 'info-requested') resumeStatus = state.status;
          state = { ...state, status: 'info-requested' };
        } else if (data.from === 'me' && state.status === 'info-requested') {
          state = { ...state, status: resumeStatus };
        }
        break;
      case 'decision':
        state = {
          ...state,
          status: data.decision ?? state.status,
          approved: data.decision === 'denied' ? null : (data.amount ?? requested),
        };
        break;
      case 'appeal-sent':
        state = { ...state, status: 'appealed' };
        break;
      case 'closed': {
        const paid = data.outcome === 'refunded' || data.outcome === 'credited';
        state = {
          ...state,
          status: data.outcome ?? state.status,
          recovered: paid ? (data.amount ?? state.approved ?? requested) : 0,
        };
        break;
      }
      default:
        break;
    }
  }
  return state;
}
