import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import type { CommandContext } from '../context.js';
import { INPUT_LIMITS, readTextInput } from '../files.js';
import { addDraftOptions, sendDraft, textOption } from '../lifecycle.js';
import type { DraftOptions } from '../lifecycle.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';

interface AppealOptions extends DraftOptions {
  answer?: string;
  answerFile?: string;
}

export function defineAppeal(command: Command, context: CommandContext): void {
  addDraftOptions(
    command
      .argument('<id>', 'claim ID', claimIdArgument)
      .option('--answer <text>', 'your answer to the reason support gave, in your words')
      .option('--answer-file <path>', 'read the answer from a file (- for standard input)'),
    'appeal',
  )
    .addHelpText(
      'after',
      examples(
        'refund-claim appeal RC-0001',
        'refund-claim appeal 1 --answer "The invoice (#1) shows two charges on 3 Nov, inside the window." --out appeal.txt',
        'refund-claim appeal 1 --sent',
      ),
    )
    .action(async (id: number, options: AppealOptions) => {
      if (options.answer !== undefined && options.answerFile !== undefined) {
        throw new UsageError('Give --answer or --answer-file, not both.');
      }
      const answer =
        options.answerFile !== undefined
          ? textOption(
              '--answer-file',
              await readTextInput('--answer-file', options.answerFile, INPUT_LIMITS.answer, () =>
                context.deps.readStdin(),
              ),
              true,
            )
          : options.answer === undefined
            ? null
            : textOption('--answer', options.answer, true);
      await sendDraft(context, id, options, 'appeal', answer);
      if (answer === null && !options.sent) {
        context.err(
          'Tip: answer the reason support gave in your own words with --answer "…"; it goes under MY ANSWER.',
        );
      }
    });
}
