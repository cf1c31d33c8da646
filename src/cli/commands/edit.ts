import { Option } from '../commander.js';
import type { Command } from 'commander';
import { editClaim } from '../../app/edit-claim.js';
import { CHANNELS, formatClaimId, REASONS } from '../../domain/claim.js';
import type { ClaimFields } from '../../domain/claim.js';
import { loadClaim } from '../../app/load-claim.js';
import { UsageError } from '../../domain/errors.js';
import { FIELD_LABELS } from '../../domain/completeness.js';
import { addFieldOptions, FIELD_SPECS, readFieldFlags } from '../claim-fields.js';
import type { TextFieldKey } from '../claim-fields.js';
import { claimIdOf } from '../claim-id.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';

const FIELDS = Object.keys(FIELD_SPECS) as TextFieldKey[];

export function defineEdit(command: Command, context: CommandContext): void {
  command
    .argument('<id>', 'claim ID', claimIdArgument)
    .addOption(new Option('--channel <channel>', 'where it was paid').choices(CHANNELS))
    .addOption(new Option('--reason <reason>', 'what went wrong').choices(REASONS));
  addFieldOptions(command, FIELDS)
    .option('--as-credit', 'ask for ad credit instead of money back')
    .option('--no-as-credit', 'ask for money back to the original payment method')
    .addHelpText(
      'after',
      examples(
        'refund-claim edit RC-0001 --promotion-id 1790000002',
        'refund-claim edit 2 --cancelled-on 2026-11-03 --cancel-reason "Product recall" --agency "Northwind Media"',
        'refund-claim edit 1 --description "Charged twice on 3 Nov for the same budget increase; see receipts #1 and #2."',
      ),
    )
    .action(async (given: number, options: Record<string, unknown>) => {
      const id = await claimIdOf(context, given);
      const current = await loadClaim(await context.adapters.store(), id);
      const changes: Partial<ClaimFields> = readFieldFlags(options, FIELDS, {
        now: context.now(),
        currency: current.currency,
      });
      if (typeof options.channel === 'string') changes.channel = options.channel as ClaimFields['channel'];
      if (typeof options.reason === 'string') changes.reason = options.reason as ClaimFields['reason'];
      if (typeof options.asCredit === 'boolean') changes.asCredit = options.asCredit;
      if (Object.keys(changes).length === 0) {
        throw new UsageError(
          'Nothing to change.',
          'Give the fields to correct, like --promotion-id 1790000002 (see --help).',
        );
      }
      const { changed } = await editClaim(
        { store: await context.adapters.store(), clock: context.deps.clock },
        id,
        changes,
      );
      context.err(
        changed.length === 0
          ? `${formatClaimId(id)} already had those values; nothing changed.`
          : `Updated ${formatClaimId(id)}: ${changed.map((key) => FIELD_LABELS[key]).join(', ')}.`,
      );
    });
}
