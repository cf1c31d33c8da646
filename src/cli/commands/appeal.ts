import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { addDraftOptions, draftAndRecord } from '../lifecycle.js';
import type { DraftOptions } from '../lifecycle.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';

export function registerAppeal(program: Command, context: CommandContext): void {
  addDraftOptions(
    program
      .command('appeal')
      .description('print an appeal that answers the denial reason; --sent records it (denied → appealed)')
      .argument('<id>', 'claim ID', claimIdArgument),
    'appeal',
  )
    .addHelpText(
      'after',
      examples('refund-claim appeal RC-0001', 'refund-claim appeal 1 --out appeal.txt', 'refund-claim appeal 1 --sent'),
    )
    .action((id: number, options: DraftOptions) =>
      draftAndRecord(context, id, options, 'appeal-sent', () => ({
        template: 'appeal',
        event: 'appeal-sent',
        what: 'appeal',
      })),
    );
}
