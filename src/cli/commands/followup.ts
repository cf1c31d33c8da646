import type { Command } from 'commander';
import { claimIdOf } from '../claim-id.js';
import type { CommandContext } from '../context.js';
import { addDraftOptions, sendDraft } from '../lifecycle.js';
import type { DraftOptions } from '../lifecycle.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';

export function defineFollowup(command: Command, context: CommandContext): void {
  addDraftOptions(command.argument('<id>', 'claim ID', claimIdArgument), 'message')
    .addHelpText(
      'after',
      examples(
        'refund-claim followup RC-0001',
        'refund-claim followup 1 --out followup.txt',
        'refund-claim followup 1 --sent --on yesterday',
      ),
    )
    .action(async (given: number, options: DraftOptions) =>
      sendDraft(context, await claimIdOf(context, given), options, 'reminder'),
    );
}
