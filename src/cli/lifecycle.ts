/** What every lifecycle command shares: `--on`, `--note`, amounts, and the report afterwards. */
import type { Command } from 'commander';
import { draftMessage } from '../app/draft-message.js';
import type { MessageKind, MessageStep } from '../app/draft-message.js';
import type { Claim } from '../domain/claim.js';
import { formatClaimId } from '../domain/claim.js';
import { UsageError } from '../domain/errors.js';
import { isFutureStep } from '../domain/lifecycle.js';
import { formatMoney, parseAmount } from '../domain/money.js';
import { amountNeedsConfirmation } from '../domain/settlement.js';
import { parseName, parseText } from '../domain/text.js';
import type { CommandContext } from './context.js';
import { outputFileOf, writeTextFile } from './files.js';
import { formatNextAction } from './output/claim-text.js';
import { dateOption } from './date-option.js';
import { confirmQuestion } from './wizard/questions.js';

export interface StepOptions {
  on?: string;
  note?: string;
}

export function addStepOptions(command: Command): Command {
  return command
    .option('--on <date>', 'when it happened (default: today; any past date, never a future one)')
    .option('--note <text>', 'a note for the timeline');
}

/** `--on` and `--note`, checked: `--on` cannot be a day a step has not happened yet. */
export function readStepOptions(context: CommandContext, options: StepOptions): { on: string; note: string | null } {
  const today = context.today();
  const on = options.on === undefined ? today : dateOption('--on', options.on, context.now());
  if (isFutureStep(on, today)) {
    throw new UsageError(
      `--on ${on} is in the future.`,
      'Record a step once it has happened; --on takes today or an earlier date.',
    );
  }
  return { on, note: options.note === undefined ? null : textOption('--note', options.note) };
}

export function textOption(flag: string, value: string, multiline = false): string {
  const parsed = parseText(value, { multiline });
  if (!parsed.ok) throw new UsageError(`${flag} ${parsed.error}.`);
  return parsed.value;
}

/** An ID such as `--ticket`: one line, with nothing that makes it read as another. */
export function nameOption(flag: string, value: string): string {
  const parsed = parseName(value);
  if (!parsed.ok) throw new UsageError(`${flag} ${parsed.error}.`);
  return parsed.value;
}

/**
 * An amount for `decision` and `close`, in the claim's currency. One that needs confirming
 * (above the requested amount) needs `--yes` or a "yes" at the terminal.
 */
export async function readAmount(
  context: CommandContext,
  claim: Claim,
  value: string,
  options: { yes?: boolean; input?: boolean },
): Promise<number> {
  const parsed = parseAmount(value, claim.currency);
  if (!parsed.ok) throw new UsageError(`--amount ${parsed.error}.`);
  const amount = parsed.value;
  if (!amountNeedsConfirmation(amount, claim.requested) || options.yes) return amount;
  const question = `${formatMoney(amount, claim.currency)} is more than the ${formatMoney(claim.requested, claim.currency)} requested. Record it anyway?`;
  if (context.canPrompt(options.input ?? true)) {
    if (await context.prompter().confirm(confirmQuestion('amountAboveRequested', question, false))) return amount;
  }
  throw new UsageError(
    `--amount ${formatMoney(amount, claim.currency)} is more than the ${formatMoney(claim.requested, claim.currency)} requested.`,
    'Check the amount; pass --yes if it is right.',
  );
}

/** After every step: the claim's new status, and what to do next by when. */
export function reportStep(context: CommandContext, claim: Claim, done: string): void {
  context.err(
    `${formatClaimId(claim.id)}: ${done}. Status: ${claim.status}.\n${formatNextAction(claim, context.today())}`,
  );
}

export interface DraftOptions extends StepOptions {
  out?: string;
  sent?: boolean;
}

export function addDraftOptions(command: Command, what: string): Command {
  return addStepOptions(
    command
      .option('--out <file>', `write the ${what} to this file (- for standard output)`)
      .option('--sent', 'record that it was sent (prints nothing unless --out is given)'),
  );
}

const WORDS: Record<MessageKind, string> = { followup: 'follow-up', escalation: 'escalation', appeal: 'appeal' };

/** Prints the drafted message (or writes it to --out) and, with --sent, records that it went out. */
export async function sendDraft(
  context: CommandContext,
  id: number,
  options: DraftOptions,
  message: MessageStep['message'],
  answer: string | null = null,
): Promise<void> {
  const step = readStepOptions(context, options);
  const out = await outputFileOf('--out', options.out, context.dataDir);
  const deliver =
    options.sent && options.out === undefined
      ? null
      : (text: string) => (out === null ? context.out(text) : writeTextFile('--out', out, text, context.dataDir));
  const { kind, claim } = await draftMessage(
    { ...(await context.useCaseDeps()), loadTemplates: () => context.adapters.templates() },
    id,
    { message, ...step, answer, deliver, sent: options.sent === true },
  );
  if (options.sent) reportStep(context, claim, `${WORDS[kind]} sent on ${step.on}`);
}
