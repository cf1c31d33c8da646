/** What every lifecycle command shares: `--on`, `--note`, amounts, and the report afterwards. */
import type { Command } from 'commander';
import { messageView } from '../app/message-view.js';
import { checkStep, recordStep } from '../app/record-event.js';
import type { Claim } from '../domain/claim.js';
import { formatClaimId } from '../domain/claim.js';
import { UsageError } from '../domain/errors.js';
import { formatMoney, parseAmount } from '../domain/money.js';
import { parseText } from '../domain/text.js';
import type { CommandContext } from './context.js';
import { writeTextFile } from './files.js';
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

/** `--on` and `--note`, checked: a step that has not happened yet cannot be recorded. */
export function readStepOptions(context: CommandContext, options: StepOptions): { on: string; note: string | null } {
  const today = context.today();
  const on = options.on === undefined ? today : dateOption('--on', options.on, context.now());
  if (on > today) {
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

/**
 * An amount for `decision` and `close`, in the claim's currency. More than was requested happens
 * (fees refunded too) but is usually a typo, so it needs `--yes` or a "yes" at the terminal.
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
  if (amount <= claim.requested || options.yes) return amount;
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
      .option('--out <file>', `write the ${what} to this file`)
      .option('--sent', 'record that it was sent (prints nothing unless --out is given)'),
  );
}

export interface Draft {
  template: string;
  /** The user's answer to a denial reason, for the appeal. */
  answer?: string | null;
  event: 'followup-sent' | 'escalation-sent' | 'appeal-sent';
  /** "follow-up", "appeal": for the report after --sent. */
  what: string;
}

/**
 * Prints a drafted message (or writes it to --out) and, with --sent, records that it went out.
 * The claim must be in a status where sending it fits (`sending`), printing included.
 */
export async function draftAndRecord(
  context: CommandContext,
  id: number,
  options: DraftOptions,
  sending: Draft['event'],
  choose: (claim: Claim) => Draft,
): Promise<void> {
  const step = readStepOptions(context, options);
  const claim = await checkStep(await context.adapters.store(), id, { type: sending, on: step.on, data: {} });
  const draft = choose(claim);
  if (!options.sent || options.out !== undefined) {
    const text = (await context.adapters.templates()).render(
      draft.template,
      messageView(claim, step.on, draft.answer ?? null),
    );
    if (options.out === undefined) context.out(text);
    else await writeTextFile('--out', options.out, text);
  }
  if (options.sent) {
    const { claim: after } = await recordStep(await context.useCaseDeps(), id, {
      type: draft.event,
      ...step,
      data: {},
    });
    reportStep(context, after, `${draft.what} sent on ${step.on}`);
  }
}
