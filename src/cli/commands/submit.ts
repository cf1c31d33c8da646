import type { Command } from 'commander';
import { recordStep } from '../../app/record-event.js';
import { claimIdOf } from '../claim-id.js';
import type { CommandContext } from '../context.js';
import { addStepOptions, nameOption, readStepOptions, reportStep } from '../lifecycle.js';
import type { StepOptions } from '../lifecycle.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';

export function defineSubmit(command: Command, context: CommandContext): void {
  addStepOptions(
    command
      .argument('<id>', 'claim ID', claimIdArgument)
      .requiredOption('--ticket <number>', "support's ticket or case number"),
  )
    .addHelpText(
      'after',
      examples(
        'refund-claim submit RC-0001 --ticket 7301928374',
        'refund-claim submit 1 --ticket 7301928374 --on 2026-11-18',
      ),
    )
    .action(async (given: number, options: StepOptions & { ticket: string }) => {
      const { on, note } = readStepOptions(context, options);
      const ticket = nameOption('--ticket', options.ticket);
      const id = await claimIdOf(context, given);
      const { claim } = await recordStep(await context.useCaseDeps(), id, {
        type: 'submitted',
        on,
        note,
        data: { ticket },
      });
      reportStep(context, claim, `ticket ${ticket} filed on ${on}`);
    });
}
