import { Argument } from '../commander.js';
import type { Command } from 'commander';
import { recordDecision } from '../../app/record-decision.js';
import type { Decision } from '../../domain/claim.js';
import { loadClaim } from '../../app/load-claim.js';
import { claimIdOf } from '../claim-id.js';
import type { CommandContext } from '../context.js';
import { addStepOptions, readAmount, readStepOptions, reportStep, textOption } from '../lifecycle.js';
import type { StepOptions } from '../lifecycle.js';
import { examples } from '../output/help.js';
import { dateOption } from '../date-option.js';
import { claimIdArgument } from '../options.js';

interface DecisionOptions extends StepOptions {
  amount?: string;
  reason?: string;
  expectBy?: string;
  appealBy?: string;
  yes?: boolean;
}

export function defineDecision(command: Command, context: CommandContext): void {
  addStepOptions(
    command
      .argument('<id>', 'claim ID', claimIdArgument)
      .addArgument(new Argument('<decision>', 'what was decided').choices(['approved', 'partially-approved', 'denied']))
      .option(
        '--amount <amount>',
        'amount approved (default for approved: the requested amount; required when partially approved)',
      )
      .option('--reason <text>', 'the reason support gave (the appeal answers it)')
      .option('--expect-by <date>', 'when the refund should arrive (default: decision + 30 days)')
      .option('--appeal-by <date>', 'the last day to appeal a denial (default: decision + 7 days)')
      .option('--yes', 'accept an amount above the requested one without asking'),
  )
    .addHelpText(
      'after',
      examples(
        'refund-claim decision RC-0001 approved --expect-by 2026-12-20',
        'refund-claim decision 1 partially-approved --amount 120.00',
        'refund-claim decision 1 denied --reason "Outside the refund window" --appeal-by 2026-12-01',
      ),
    )
    .action(async (given: number, decision: Decision, options: DecisionOptions) => {
      const step = readStepOptions(context, options);
      const id = await claimIdOf(context, given);
      // The amount is read in the claim's currency, and one above the requested amount confirmed.
      const current = await loadClaim(await context.adapters.store(), id);
      const amount = options.amount === undefined ? null : await readAmount(context, current, options.amount, options);
      const date = (flag: string, value: string | undefined) =>
        value === undefined ? null : dateOption(flag, value, context.now());
      const { claim } = await recordDecision(await context.useCaseDeps(), id, {
        decision,
        amount,
        reason: options.reason === undefined ? null : textOption('--reason', options.reason, true),
        expectBy: date('--expect-by', options.expectBy),
        appealBy: date('--appeal-by', options.appealBy),
        ...step,
      });
      reportStep(context, claim, `${decision} on ${step.on}`);
    });
}
