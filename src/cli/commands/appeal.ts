import type { Command } from 'commander';
import { loadClaim } from '../../app/load-claim.js';
import { isEvent } from '../../domain/claim.js';
import { UsageError } from '../../domain/errors.js';
import { parseText, printable } from '../../domain/text.js';
import { claimIdOf } from '../claim-id.js';
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
    .action(async (given: number, options: AppealOptions) => {
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
      const id = await claimIdOf(context, given);
      // At a terminal, the person is asked for it first (SPEC); an empty answer keeps the draft's own.
      const asked = answer === null && !options.sent && context.canPrompt(true) ? await askAnswer(context, id) : null;
      await sendDraft(context, id, options, 'appeal', answer ?? asked);
      if (answer === null && asked === null && !options.sent) {
        context.err(
          'Tip: answer the reason support gave in your own words with --answer "…"; it goes under THE ANSWER.',
        );
      }
    });
}

/** Asks for the answer to the reason support gave, quoting it; null when left empty. */
async function askAnswer(context: CommandContext, id: number): Promise<string | null> {
  const claim = await loadClaim(await context.adapters.store(), id);
  const decision = claim.events.findLast((event) => isEvent(event, 'decision'));
  const reason = decision && isEvent(decision, 'decision') ? (decision.data.reason ?? null) : null;
  return context.prompter().text({
    type: 'text',
    name: 'answer',
    message: reason
      ? `Your answer to "${printable(reason)}" (empty: answer from the claim's facts and evidence)`
      : "Your answer to support's decision (empty: answer from the claim's facts and evidence)",
    validate: (input) => {
      if (input.trim() === '') return true;
      const result = parseText(input, { multiline: true });
      return result.ok ? true : `The answer ${result.error}.`;
    },
    filter: (input) => (input.trim() === '' ? null : input.trim()),
  });
}
