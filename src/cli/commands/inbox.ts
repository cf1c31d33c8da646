import type { Command } from 'commander';
import { emailProblem, Inbox } from '../../app/inbox.js';
import type { InboxProposal } from '../../app/inbox.js';
import { inboxProposalJson } from '../../app/formats/inbox-json.js';
import type { InboxProposalJson } from '../../app/formats/inbox-json.js';
import type { SavedEmail } from '../../app/deps.js';
import { formatClaimId } from '../../domain/claim.js';
import { emailKey } from '../../domain/email.js';
import { UserError } from '../../domain/errors.js';
import { isDecision, SURE } from '../../domain/inbox.js';
import { plural, printable } from '../../domain/text.js';
import type { CommandContext } from '../context.js';
import { inboxItems } from '../inbox-sources.js';
import { examples } from '../output/help.js';
import { proposalLine, recordedWords } from '../output/inbox.js';
import { formatJson } from '../output/json.js';
import { askAbout } from '../inbox-prompt.js';
import type { Answer } from '../inbox-prompt.js';
import { reportSkippedParts } from '../saved-email.js';

interface InboxOptions {
  yes?: boolean;
  decisions?: boolean;
  json?: boolean;
  input: boolean;
}

interface Tally {
  recorded: number;
  waiting: number;
  unmatched: number;
  logged: number;
  unusable: number;
  failed: number;
}

export function defineInbox(command: Command, context: CommandContext): void {
  command
    .argument('<sources...>', 'saved emails (.eml), folders of them, or mbox files (- for standard input)')
    .option('--yes', 'record messages, ticket numbers and information requests that are sure (confidence 0.8 and up)')
    .option('--decisions', 'with --yes: record approvals, partial approvals and denials too')
    .option('--json', 'print the proposals as JSON')
    .option('--no-input', 'never ask; print the proposals and record only what --yes allows')
    .addHelpText(
      'after',
      examples(
        'refund-claim inbox ~/Mail/tiktok-support/',
        'refund-claim inbox support.mbox --json',
        'refund-claim inbox ~/Mail/tiktok-support/ --yes --decisions',
      ),
    )
    .action(async (sources: string[], options: InboxOptions) => {
      const deps = await context.useCaseDeps();
      const inbox = new Inbox(deps, await deps.store.fullClaims(), context.today(), await deps.store.claimAliases());
      const tally: Tally = { recorded: 0, waiting: 0, unmatched: 0, logged: 0, unusable: 0, failed: 0 };
      const emails = await readEmails(context, sources, tally);
      const logged = await deps.store.loggedEmails(emails.map(({ email }) => emailKey(email.messageId, email.sha256)));
      const interactive = options.json !== true && context.canPrompt(options.input);
      const json: InboxProposalJson[] = [];
      for (const { file, email } of emails) {
        const before = logged.get(emailKey(email.messageId, email.sha256));
        if (before !== undefined) {
          context.err(`Skipped ${file}: logged on ${formatClaimId(before)} already.`);
          tally.logged++;
          continue;
        }
        let proposal = inbox.propose(file, email);
        // A run that records sees what another run recorded meanwhile, not its own first reading.
        if (interactive || options.yes) proposal = await inbox.fresh(proposal);
        let answer: Answer;
        if (interactive) {
          ({ proposal, answer } = await askAbout(context, inbox, proposal));
        } else {
          answer = automatic(proposal, options);
          if (options.json) json.push(inboxProposalJson(proposal));
          else context.out(proposalLine(proposal));
        }
        if (proposal.claimId === null) {
          tally.unmatched++;
          const about = `${file}${proposal.email.subject ? `: "${printable(proposal.email.subject)}"` : ''}`;
          if (!interactive)
            context.err(
              proposal.ambiguous.length > 0
                ? `Several claims match ${about} (${proposal.ambiguous.map(formatClaimId).join(', ')}); none was chosen (run inbox at a terminal to choose one).`
                : `No claim matches ${about}.`,
            );
        }
        if (answer === 'skip') {
          if (proposal.claimId !== null && !interactive) tally.waiting++;
          // A dry run still tells the next emails what this one would have done.
          if (!options.yes && !interactive) inbox.pretend(proposal);
          continue;
        }
        await record(context, inbox, proposal, answer === 'apply', tally);
      }
      if (options.json) context.out(formatJson(json));
      summarize(context, options, interactive, tally);
      if (tally.unusable > 0) context.exitCode = 2;
      else if (tally.failed > 0) context.exitCode = 1;
    });
}

/** Every email of the sources, read by the MIME parser; a line for each file that is not one. */
async function readEmails(
  context: CommandContext,
  sources: readonly string[],
  tally: Tally,
): Promise<{ file: string; email: SavedEmail }[]> {
  const mail = await context.adapters.mail();
  const emails: { file: string; email: SavedEmail; order: number }[] = [];
  const seen = new Map<string, string>();
  for await (const item of inboxItems(sources, () => context.deps.readStdin())) {
    const problem =
      'problem' in item
        ? item.problem
        : await mail
            .read(item.bytes)
            .then((reading) =>
              reading.ok ? (emailProblem(reading.email, context.today()) ?? reading.email) : reading.problem,
            );
    if (typeof problem === 'string') {
      context.err(`inbox: ${item.file}: ${problem}.`);
      tally.unusable++;
      continue;
    }
    const key = emailKey(problem.messageId, problem.sha256);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      context.err(`Skipped ${item.file}: the same email as ${earlier}.`);
      continue;
    }
    seen.set(key, item.file);
    emails.push({ file: item.file, email: problem, order: emails.length });
  }
  // In the order they were sent: an acknowledgement before the request that follows it.
  const time = (email: SavedEmail): number => email.date?.getTime() ?? Number.POSITIVE_INFINITY;
  return emails.sort((a, b) => time(a.email) - time(b.email) || a.order - b.order);
}

/** Without a terminal: what --yes and --decisions allow, for proposals that are sure enough. */
function automatic(proposal: InboxProposal, options: InboxOptions): Answer {
  if (!options.yes || proposal.claimId === null || proposal.confidence < SURE) return 'skip';
  if (isDecision(proposal.step ?? 'message') && !options.decisions) return 'skip';
  return 'apply';
}

async function record(
  context: CommandContext,
  inbox: Inbox,
  proposal: InboxProposal,
  withStep: boolean,
  tally: Tally,
): Promise<void> {
  try {
    const outcome = await inbox.apply(proposal, withStep);
    if (!outcome.logged) {
      // Another run logged it in the meantime.
      context.err(`Skipped ${proposal.file}: logged on ${formatClaimId(outcome.loggedOn)} already.`);
      tally.logged++;
      return;
    }
    reportSkippedParts(context, proposal.file, proposal.email);
    for (const item of outcome.skipped) context.err(`Skipped ${item.path}: same content as evidence #${item.sameAs}.`);
    const step = recordedWords(proposal, withStep);
    context.err(
      printable(
        `${formatClaimId(outcome.claim.id)}: ${step} of ${proposal.on} recorded from ${proposal.file}. Status: ${outcome.claim.status}.`,
      ),
    );
    if (withStep && proposal.decisionGap !== null && isDecision(proposal.step ?? 'message')) {
      context.err(
        `  The decision was not recorded: ${proposal.decisionGap}. Record it with refund-claim decision ${formatClaimId(outcome.claim.id)} ${proposal.step ?? ''}.`,
      );
    }
    tally.recorded++;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    context.err(`inbox: ${proposal.file}: not recorded: ${error.message}`);
    tally.failed++;
  }
}

function summarize(context: CommandContext, options: InboxOptions, interactive: boolean, tally: Tally): void {
  const parts = [
    `${tally.recorded} recorded`,
    ...(tally.waiting > 0 ? [`${tally.waiting} not recorded`] : []),
    ...(tally.unmatched > 0 ? [`${tally.unmatched} matching no claim`] : []),
    ...(tally.logged > 0 ? [`${tally.logged} logged before`] : []),
    ...(tally.unusable > 0 ? [`${plural(tally.unusable, 'file')} not usable`] : []),
    ...(tally.failed > 0 ? [`${tally.failed} refused`] : []),
  ];
  context.err(`inbox: ${parts.join(', ')}.`);
  if (tally.waiting > 0 && !interactive) {
    context.err(
      options.yes
        ? '  Run it on a terminal to answer the others; decisions need --decisions, proposals below 0.8 an answer.'
        : '  Nothing was recorded: run it on a terminal to answer each, or pass --yes (and --decisions).',
    );
  }
}
