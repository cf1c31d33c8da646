/** `inbox` on a terminal: each email's proposal shown, and what to record asked. */
import type { Inbox, InboxProposal } from '../app/inbox.js';
import { formatClaimId } from '../domain/claim.js';
import { SURE } from '../domain/inbox.js';
import { printable } from '../domain/text.js';
import type { CommandContext } from './context.js';
import { proposalBlock, stepWords } from './output/inbox.js';

/** Record the proposal, record the message only, or record nothing. */
export type Answer = 'apply' | 'message' | 'skip';

/** On a terminal: apply, record the message only, skip, or choose another claim, for each email. */
export async function askAbout(
  context: CommandContext,
  inbox: Inbox,
  first: InboxProposal,
): Promise<{ proposal: InboxProposal; answer: Answer }> {
  let proposal = first;
  for (;;) {
    context.err(`\n${proposalBlock(proposal)}`);
    const matched = proposal.claimId !== null;
    const withStep = matched && proposal.step !== 'message' && proposal.entry?.step !== null;
    const choices: { value: Answer | 'other'; name: string }[] = [];
    if (matched) {
      choices.push({ value: 'apply', name: withStep ? `Record it (${stepWords(proposal)})` : 'Record the message' });
      if (proposal.step !== 'message') choices.push({ value: 'message', name: 'Record the message only' });
    }
    choices.push({ value: 'other', name: matched ? 'Choose another claim' : 'Choose a claim' });
    choices.push({ value: 'skip', name: 'Skip this email' });
    const answer = await context.prompter().select({
      type: 'select',
      name: 'inboxAction',
      message: 'What should be recorded?',
      choices,
      default: matched && proposal.confidence >= SURE ? 'apply' : 'skip',
    });
    if (answer !== 'other') return { proposal, answer };
    const claims = inbox.openClaims();
    if (claims.length === 0) {
      context.err('There are no open claims to choose from.');
      continue;
    }
    const picked = await context.prompter().select({
      type: 'select',
      name: 'inboxClaim',
      message: 'Which claim is it about?',
      choices: claims.map((claim) => ({
        value: String(claim.id),
        name: printable(
          `${formatClaimId(claim.id)}  ${claim.accountName} — ${claim.promotionName ?? claim.promotionId} (${claim.status})`,
        ),
      })),
    });
    proposal = inbox.propose(proposal.file, proposal.email, Number(picked));
  }
}
