import { Argument } from 'commander';
import type { Command } from 'commander';
import { assertStepFits, recordStep } from '../../app/record-event.js';
import type { Decision } from '../../domain/claim.js';
import { UsageError } from '../../domain/errors.js';
import { formatMoney } from '../../domain/money.js';
import type { CommandContext } from '../context.js';
import { addStepOptions, readAmount, readStepOptions, reportStep, textOption } from '../lifecycle.js';
import type { StepOptions } from '../lifecycle.js';
import { examples } from '../output/help.js';
import { claimIdArgument, dateOption } from '../options.js';

interface DecisionOptions extends StepOptions {
  amount?: string;
  reason?: string;
  expectBy?: string;
  appealBy?: string;
  yes?: boolean;
}

export function registerDecision(program: Command, context: CommandContext): void {
  addStepOptions(
    program
      .command('decision')
      .description('record what the platform decided')
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
    .action(async (id: number, decision: Decision, options: DecisionOptions) => {
      const step = readStepOptions(context, options);
      const claim = assertStepFits(context.store(), id, { type: 'decision', data: { decision } });
      if (decision === 'denied' && options.amount !== undefined) {
        throw new UsageError('--amount goes with approved or partially-approved; a denial approves nothing.');
      }
      if (decision === 'denied' && options.expectBy !== undefined) {
        throw new UsageError(
          '--expect-by goes with approved or partially-approved: it is when the money should arrive.',
        );
      }
      if (decision !== 'denied' && options.appealBy !== undefined) {
        throw new UsageError('--appeal-by goes with denied: it is the last day to appeal.');
      }
      if (decision === 'partially-approved' && options.amount === undefined) {
        throw new UsageError('A partial approval needs --amount: how much was approved.');
      }
      const amount = options.amount === undefined ? null : await readAmount(context, claim, options.amount, options);
      if (decision === 'partially-approved' && amount !== null && amount >= claim.requested) {
        throw new UsageError(
          `--amount ${formatMoney(amount, claim.currency)} is not less than the ${formatMoney(claim.requested, claim.currency)} requested; record it as approved.`,
        );
      }
      const { claim: after } = await recordStep(context.useCaseDeps(), id, {
        type: 'decision',
        ...step,
        data: {
          decision,
          amount: decision === 'denied' ? null : (amount ?? claim.requested),
          reason: options.reason === undefined ? null : textOption('--reason', options.reason, true),
          expectBy: options.expectBy === undefined ? null : dateOption('--expect-by', options.expectBy, context.now()),
          appealBy: options.appealBy === undefined ? null : dateOption('--appeal-by', options.appealBy, context.now()),
        },
      });
      reportStep(context, after, `${decision} on ${step.on}`);
    });
}
