import { Option } from '../commander.js';
import type { Command } from 'commander';
import { basename } from 'node:path';
import { loadClaim } from '../../app/load-claim.js';
import { recordEmail } from '../../app/record-email.js';
import { recordStep, usageProblem } from '../../app/record-event.js';
import { formatClaimId } from '../../domain/claim.js';
import { senderSide } from '../../domain/email.js';
import { UsageError } from '../../domain/errors.js';
import { messageProblem } from '../../domain/lifecycle.js';
import { plural } from '../../domain/text.js';
import { claimIdOf } from '../claim-id.js';
import type { CommandContext } from '../context.js';
import { decodeText, INPUT_LIMITS, readInputBytes } from '../files.js';
import { addStepOptions, readStepOptions, reportStep, textOption } from '../lifecycle.js';
import type { StepOptions } from '../lifecycle.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';
import { emailDay, isSavedEmail, messageOf, readSavedEmail, reportSkippedParts } from '../saved-email.js';

interface LogOptions extends StepOptions {
  from?: 'support' | 'me';
  message?: string;
  messageFile?: string;
  infoRequested?: boolean;
  attach?: string[];
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function defineLog(command: Command, context: CommandContext): void {
  addStepOptions(
    command
      .argument('<id>', 'claim ID', claimIdArgument)
      .addOption(
        new Option('--from <who>', 'who wrote it (default for a saved email: from its sender)').choices([
          'support',
          'me',
        ]),
      )
      .option('--message <text>', 'the message')
      .option(
        '--message-file <path>',
        'read the message from a file (- for standard input); a saved email (.eml) is read whole',
      )
      .option('--info-requested', 'support asked for more information (submitted/appealed → info-requested)')
      .option(
        '--attach <file>',
        'keep the message file (email, chat export) as correspondence evidence (repeatable)',
        collect,
      ),
  )
    .addHelpText(
      'after',
      examples(
        'refund-claim log RC-0001 --message-file reply.eml',
        'refund-claim log 1 --from support --info-requested --message-file reply.eml',
        'refund-claim log 1 --from me --message "Attached the invoice you asked for." --attach invoice.pdf',
      ),
    )
    .action(async (given: number, options: LogOptions) => {
      if ((options.message === undefined) === (options.messageFile === undefined)) {
        throw new UsageError('Give the message with --message or --message-file (one of them).');
      }
      const id = await claimIdOf(context, given);
      let message: string;
      if (options.messageFile !== undefined) {
        const path = options.messageFile;
        const bytes = await readInputBytes('--message-file', path, INPUT_LIMITS.message, () =>
          context.deps.readStdin(),
        );
        if (isSavedEmail(path, bytes)) return logEmail(context, id, path, bytes, options);
        message = textOption('--message-file', decodeText('--message-file', path, bytes), true);
      } else {
        message = textOption('--message', options.message ?? '', true);
      }
      if (options.from === undefined) {
        throw new UsageError(
          'missing --from support|me (required unless the message file is a saved email).',
          'Say who wrote the message: --from support or --from me.',
        );
      }
      const { on, note } = readStepOptions(context, options);
      const problem = messageProblem(options.from, options.infoRequested === true);
      if (problem) throw usageProblem(problem);
      const { claim, skipped } = await recordStep(
        await context.useCaseDeps(),
        id,
        {
          type: 'message',
          on,
          note,
          data: { from: options.from, message, infoRequested: options.infoRequested === true },
        },
        (options.attach ?? []).map((path) => ({ kind: 'correspondence', path })),
      );
      for (const item of skipped) context.err(`Skipped ${item.path}: same content as evidence #${item.sameAs}.`);
      const who = options.from === 'support' ? 'message from support' : 'your message';
      reportStep(context, claim, `${who} of ${on} logged${options.infoRequested ? ' (information requested)' : ''}`);
    });
}

/**
 * A saved email: its text is the message, its Date the default --on, its sender the default
 * --from; it is kept as evidence with its attachments. Flags given explicitly win.
 */
async function logEmail(
  context: CommandContext,
  id: number,
  path: string,
  bytes: Uint8Array,
  options: LogOptions,
): Promise<void> {
  const label = `--message-file ${path}`;
  const email = await readSavedEmail(context, label, bytes);
  const message = messageOf(label, email);
  const step = readStepOptions(context, options);
  const day = options.on === undefined ? emailDay(context, label, email) : step.on;
  if (day === null) context.err(`${path} has no date; logged on ${step.on} (give --on to change it).`);
  const on = day ?? step.on;
  const deps = await context.useCaseDeps();
  const from = options.from ?? senderSide(email.from, await loadClaim(deps.store, id));
  const problem = messageProblem(from, options.infoRequested === true);
  if (problem) throw usageProblem(problem);
  const outcome = await recordEmail(deps, id, {
    email,
    name: path === '-' ? 'email.eml' : basename(path),
    on,
    from,
    message,
    infoRequested: options.infoRequested === true,
    note: step.note,
    step: null,
    attachments: (options.attach ?? []).map((file) => ({ kind: 'correspondence', path: file })),
  });
  if (!outcome.logged) {
    context.err(`Skipped ${path}: this email was logged on ${formatClaimId(outcome.loggedOn)} already.`);
    return;
  }
  reportSkippedParts(context, path, email);
  for (const item of outcome.skipped) context.err(`Skipped ${item.path}: same content as evidence #${item.sameAs}.`);
  const who = from === 'support' ? 'message from support' : 'your message';
  const extra = outcome.attachments > 0 ? ` with ${plural(outcome.attachments, 'attachment')}` : '';
  reportStep(
    context,
    outcome.claim,
    `${who} of ${on} logged from ${path}${extra}${options.infoRequested ? ' (information requested)' : ''}`,
  );
}
