import { Option } from '../commander.js';
import type { Command } from 'commander';
import { closeClaim } from '../../app/close-claim.js';
import type { Outcome } from '../../domain/claim.js';
import { formatMoney } from '../../domain/money.js';
import { claimIdOf } from '../claim-id.js';
import type { CommandContext } from '../context.js';
import { addStepOptions, readAmount, readStepOptions, reportStep } from '../lifecycle.js';
import type { StepOptions } from '../lifecycle.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';

interface CloseOptions extends StepOptions {
  outcome: Outcome;
  amount?: string;
  yes?: boolean;
}

export function defineClose(command: Command, context: CommandContext): void {
  addStepOptions(
    command
      .argument('<id>', 'claim ID', claimIdArgument)
      .addOption(
        new Option('--outcome <outcome>', 'how it ended')
          .choices(['refunded', 'credited', 'rejected', 'withdrawn'])
          .makeOptionMandatory(),
      )
      .option('--amount <amount>', 'amount recovered (default: the approved amount, else the requested one)')
      .option('--yes', 'accept an amount above the requested one without asking'),
  )
    .addHelpText(
      'after',
      examples(
        'refund-claim close RC-0001 --outcome refunded',
        'refund-claim close 1 --outcome credited --amount 120.00 --on 2026-12-18',
        'refund-claim close 1 --outcome withdrawn --note "Resolved with the creator directly"',
      ),
    )
    .action(async (given: number, options: CloseOptions) => {
      const step = readStepOptions(context, options);
      const { amount } = options;
      const id = await claimIdOf(context, given);
      const { claim, recovered } = await closeClaim(await context.useCaseDeps(), id, {
        outcome: options.outcome,
        ...step,
        readAmount: amount === undefined ? null : (current) => readAmount(context, current, amount, options),
      });
      const money = recovered === null ? '' : `, ${formatMoney(recovered, claim.currency)} recovered`;
      reportStep(context, claim, `closed as ${options.outcome}${money}`);
    });
}
