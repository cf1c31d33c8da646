import type { Command } from 'commander';
import { messageView } from '../../app/message-view.js';
import { assertStepFits, recordStep } from '../../app/record-event.js';
import type { CommandContext } from '../context.js';
import { writeTextFile } from '../files.js';
import { addStepOptions, readStepOptions, reportStep } from '../lifecycle.js';
import type { StepOptions } from '../lifecycle.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';

interface AppealOptions extends StepOptions {
  out?: string;
  sent?: boolean;
}

export function registerAppeal(program: Command, context: CommandContext): void {
  addStepOptions(
    program
      .command('appeal')
      .description('print an appeal that answers the denial reason; --sent records it (denied → appealed)')
      .argument('<id>', 'claim ID', claimIdArgument)
      .option('--out <file>', 'write the appeal to this file')
      .option('--sent', 'record that it was sent (prints nothing unless --out is given)'),
  )
    .addHelpText(
      'after',
      examples('refund-claim appeal RC-0001', 'refund-claim appeal 1 --out appeal.txt', 'refund-claim appeal 1 --sent'),
    )
    .action(async (id: number, options: AppealOptions) => {
      const step = readStepOptions(context, options);
      const claim = assertStepFits(context.store(), id, { type: 'appeal-sent', data: {} });
      if (!options.sent || options.out !== undefined) {
        const text = (await context.templates()).render('appeal', messageView(claim, step.on));
        if (options.out === undefined) context.out(text);
        else writeTextFile('--out', options.out, text);
      }
      if (options.sent) {
        const { claim: after } = await recordStep(
          { store: context.store(), evidence: context.evidenceStore(), clock: context.deps.clock },
          id,
          { type: 'appeal-sent', ...step, data: {} },
        );
        reportStep(context, after, `appeal sent on ${step.on}`);
      }
    });
}
