import type { Command } from 'commander';
import { captionEvidence } from '../../app/caption-evidence.js';
import { formatClaimId } from '../../domain/claim.js';
import { UsageError } from '../../domain/errors.js';
import { parseCaption } from '../../domain/text.js';
import { claimIdOf } from '../claim-id.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';

function evidenceNumber(text: string): number {
  if (!/^#?\d{1,4}$/.test(text.trim())) throw new UsageError(`<n> "${text}" is not an evidence number like 2.`);
  return Number(text.trim().replace('#', ''));
}

export function defineCaption(command: Command, context: CommandContext): void {
  command
    .argument('<id>', 'claim ID', claimIdArgument)
    .argument('<n>', 'evidence number (as in show and the ticket)', evidenceNumber)
    .argument('<text>', 'the caption: one line saying what the file shows')
    .addHelpText(
      'after',
      examples(
        'refund-claim caption RC-0001 2 "Billing page: two charges of USD 250.00 on 3 Nov"',
        'refund-claim caption 1 1 "Invoice INV-4471 for October, USD 150"',
      ),
    )
    .action(async (given: number, number: number, text: string) => {
      const parsed = parseCaption(text);
      if (!parsed.ok) throw new UsageError(`<text> the caption ${parsed.error}.`);
      const id = await claimIdOf(context, given);
      const { changed } = await captionEvidence(
        { store: await context.adapters.store(), clock: context.deps.clock },
        id,
        number,
        parsed.value,
      );
      context.err(
        changed
          ? `Caption of ${formatClaimId(id)} evidence #${number} set.`
          : `${formatClaimId(id)} evidence #${number} already had that caption; nothing changed.`,
      );
    });
}
