import { Option } from '../commander.js';
import type { Command } from 'commander';
import { recordStep, usageProblem } from '../../app/record-event.js';
import { UsageError } from '../../domain/errors.js';
import { messageProblem } from '../../domain/lifecycle.js';
import type { CommandContext } from '../context.js';
import { INPUT_LIMITS, readTextInput } from '../files.js';
import { addStepOptions, readStepOptions, reportStep, textOption } from '../lifecycle.js';
import type { StepOptions } from '../lifecycle.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';

interface LogOptions extends StepOptions {
  from: 'support' | 'me';
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
      .addOption(new Option('--from <who>', 'who wrote it').choices(['support', 'me']).makeOptionMandatory())
      .option('--message <text>', 'the message')
      .option('--message-file <path>', 'read the message from a file (- for standard input)')
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
        'refund-claim log RC-0001 --from support --message "We are reviewing your case." --on 2026-11-19',
        'refund-claim log 1 --from support --info-requested --message-file reply.txt --attach reply.eml',
        'refund-claim log 1 --from me --message "Attached the invoice you asked for."',
      ),
    )
    .action(async (id: number, options: LogOptions) => {
      const { on, note } = readStepOptions(context, options);
      if ((options.message === undefined) === (options.messageFile === undefined)) {
        throw new UsageError('Give the message with --message or --message-file (one of them).');
      }
      const problem = messageProblem(options.from, options.infoRequested === true);
      if (problem) throw usageProblem(problem);
      const message =
        options.message !== undefined
          ? textOption('--message', options.message, true)
          : textOption(
              '--message-file',
              await readTextInput('--message-file', options.messageFile ?? '-', INPUT_LIMITS.message, () =>
                context.deps.readStdin(),
              ),
              true,
            );
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
