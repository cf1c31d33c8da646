/** What each next action means to the user, and the exact command that does it. */
import { formatClaimId } from './claim.js';
import type { Action } from './deadlines.js';

export interface NextStep {
  /** "follow up with support". */
  words: string;
  /** The commands to run, in order. */
  commands: string[];
}

export function nextStep(action: Action, id: number): NextStep {
  const claim = formatClaimId(id);
  switch (action) {
    case 'submit':
      return {
        words: 'file the ticket with support',
        commands: [`refund-claim ticket ${claim}`, `refund-claim submit ${claim} --ticket <number>`],
      };
    case 'followup':
      return {
        words: 'follow up with support',
        commands: [`refund-claim followup ${claim}`, `refund-claim followup ${claim} --sent`],
      };
    case 'escalate':
      return {
        words: 'escalate to your sales representative (two follow-ups went unanswered)',
        commands: [`refund-claim followup ${claim}`, `refund-claim followup ${claim} --sent`],
      };
    case 'reply':
      return {
        words: "answer support's request for information",
        commands: [
          `refund-claim attach ${claim} <file> --kind <kind>`,
          `refund-claim log ${claim} --from me --message <text>`,
        ],
      };
    case 'confirm-refund':
      return {
        words: 'check that the money arrived',
        commands: [`refund-claim close ${claim} --outcome refunded|credited --amount <amount>`],
      };
    case 'appeal':
      return {
        words: 'appeal the denial',
        commands: [`refund-claim appeal ${claim}`, `refund-claim appeal ${claim} --sent`],
      };
  }
}
