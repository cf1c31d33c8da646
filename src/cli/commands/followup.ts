import type { Command } from 'commander';
import { messageView } from '../../app/message-view.js';
import { assertStepFits, recordStep } from '../../app/record-event.js';
import { nextAction } from '../../domain/deadlines.js';
import type { CommandContext } from '../context.js';
import { writeTextFile } from '../files.js';
import { addStepOptions, readStepOptions, reportStep } from '../lifecycle.js';
import type { StepOptions } from '../lifecycle.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';

interface FollowupOptions extends StepOptions {
  out?: string;
  sent?: boolean;
}

export function registerFollowup(program: Command, context: CommandContext): void {
  addStepOptions(
    program
      .command('followup')
      .description('print a follow-up to support (an escalation after two unanswered ones); --sent records it')
      .argument('<id>', 'claim ID', claimIdArgument)
      .option('--out <file>', 'write the message to this file')
      .option('--sent', 'record that it was sent (prints nothing unless --out is given)'),
  )
    .addHelpText(
      'after',
      examples(
        'refund-claim followup RC-0001',
        'refund-claim followup 1 --out followup.txt',
        'refund-claim followup 1 --sent --on yesterday',
      ),
    )
    .action(async (id: number, options: FollowupOptions) => {
      const step = readStepOptions(context, options);
      const claim = assertStepFits(context.store(), id, { type: 'followup-sent', data: {} });
      const escalation = nextAction(claim)?.action === 'escalate';
      if (!options.sent || options.out !== undefined) {
        const text = (await context.templates()).render(
          escalation ? 'escalation' : 'followup',
          messageView(claim, step.on),
        );
        if (options.out === undefined) context.out(text);
        else writeTextFile('--out', options.out, text);
      }
      if (options.sent) {
        const { claim: after } = await recordStep(
          { store: context.store(), evidence: context.evidenceStore(), clock: context.deps.clock },
          id,
          { type: escalation ? 'escalation-sent' : 'followup-sent', ...step, data: {} },
        );
        reportStep(context, after, `${escalation ? 'escalation' : 'follow-up'} sent on ${step.on}`);
      }
    });
}
