/** What each next action means to the user, and the exact command that does it. */
import { formatClaimId } from './claim.js';
import type { Channel } from './claim.js';
import type { Action } from './deadlines.js';

export interface NextStep {
  /** "follow up with support". */
  words: string;
  /** The commands to run, in order. */
  commands: string[];
}

/** Who hears about a claim that two follow-ups did not move, per channel. */
const ESCALATION_WORDS: Record<Channel, string> = {
  'tiktok-ads': 'escalate to your TikTok sales representative (two follow-ups went unanswered)',
  'tiktok-promote': 'escalate with TikTok support (two follow-ups went unanswered)',
  creator: 'send the creator a last reminder (two follow-ups went unanswered)',
};

export function nextStep(action: Action, claim: { id: number; channel: Channel }): NextStep {
  const ref = formatClaimId(claim.id);
  // A creator claim goes to the creator first; the others go to TikTok support.
  const who = claim.channel === 'creator' ? 'the creator' : 'support';
  switch (action) {
    case 'submit':
      return {
        words: claim.channel === 'creator' ? 'send the request to the creator' : 'file the ticket with support',
        commands: [`refund-claim ticket ${ref}`, `refund-claim submit ${ref} --ticket <number>`],
      };
    case 'followup':
      return {
        words: `follow up with ${who}`,
        commands: [`refund-claim followup ${ref}`, `refund-claim followup ${ref} --sent`],
      };
    case 'escalate':
      return {
        words: ESCALATION_WORDS[claim.channel],
        commands: [`refund-claim followup ${ref}`, `refund-claim followup ${ref} --sent`],
      };
    case 'reply':
      return {
        words: `answer ${claim.channel === 'creator' ? "the creator's" : "support's"} request for information`,
        commands: [
          `refund-claim attach ${ref} <file> --kind <kind>`,
          `refund-claim log ${ref} --from me --message <text>`,
        ],
      };
    case 'confirm-refund':
      return {
        words: 'check that the money arrived',
        commands: [`refund-claim close ${ref} --outcome refunded|credited --amount <amount>`],
      };
    case 'appeal':
      return {
        words: 'appeal the denial',
        commands: [`refund-claim appeal ${ref}`, `refund-claim appeal ${ref} --sent`],
      };
  }
}
