/**
 * The `new` command's flags: the claim's fields, its evidence in command-line order, and the
 * claim they describe when no one is at the terminal to answer the wizard.
 */
import { existsSync } from 'node:fs';
import { Option } from './commander.js';
import type { Command } from 'commander';
import { completeFields } from '../app/complete-fields.js';
import type { EvidenceInput } from '../app/deps.js';
import { CHANNELS, REASONS } from '../domain/claim.js';
import type { ClaimFields, EvidenceKind } from '../domain/claim.js';
import { UsageError } from '../domain/errors.js';
import { assertReasonFits, needsUnspentBalanceConsent, UNSPENT_BALANCE_WARNING } from '../domain/reasons.js';
import { parseCaption, parseText } from '../domain/text.js';
import { addFieldOptions, FIELD_SPECS, flagOf, readFieldFlags } from './claim-fields.js';
import type { TextFieldKey } from './claim-fields.js';
import type { CommandContext } from './context.js';
import { INPUT_LIMITS, readTextInput } from './files.js';

/** Evidence flags by kind; `--attach` is for anything else. */
export const EVIDENCE_FLAGS: readonly (readonly [string, EvidenceKind, string])[] = [
  ['--screenshot', 'screenshot', 'a screenshot'],
  ['--receipt', 'receipt', 'a receipt, invoice or billing statement'],
  ['--report', 'report', 'a performance report export'],
  ['--correspondence', 'correspondence', 'an email or chat log'],
  ['--recording', 'recording', 'a screen recording'],
  ['--attach', 'other', 'any other file'],
];

const FIELDS = Object.keys(FIELD_SPECS) as TextFieldKey[];

type OrderedEvidence = EvidenceInput & { order: number };

export interface NewOptions extends Record<string, unknown> {
  channel?: ClaimFields['channel'];
  reason?: ClaimFields['reason'];
  descriptionFile?: string;
  out?: string;
  yes?: boolean;
  input: boolean;
  allowDuplicate?: boolean;
  asCredit?: boolean;
  json?: boolean;
}

export function addNewClaimOptions(command: Command): Command {
  // Evidence flags of every kind share one counter, so files keep their command-line order.
  let order = 0;
  const collect =
    (kind: EvidenceKind) =>
    (path: string, previous: OrderedEvidence[] = []): OrderedEvidence[] => [
      ...previous,
      { kind, path, order: order++ },
    ];

  command
    .addOption(
      new Option('--channel <channel>', 'where it was paid (default without a terminal: tiktok-ads)').choices(CHANNELS),
    )
    .addOption(new Option('--reason <reason>', 'what went wrong').choices(REASONS));
  addFieldOptions(command, FIELDS);
  command.option('--description-file <path>', 'read the description from a file (- for standard input)');
  for (const [flag, kind, words] of EVIDENCE_FLAGS) {
    command.addOption(
      new Option(`${flag} <path>`, `${words} (repeatable; PATH::CAPTION adds its caption)`).argParser(collect(kind)),
    );
  }
  return command
    .option('--as-credit', 'ask for ad credit instead of money back')
    .option('--out <file>', 'also write the ticket draft to this file')
    .option('--yes', 'do not ask for confirmation')
    .option('--no-input', 'never prompt: a missing value is an error')
    .option('--allow-duplicate', 'file a second open claim for the same promotion and reason')
    .option('--json', 'print the saved claim as JSON instead of its ID');
}

/** Evidence from every kind's flag, back in command-line order, each with its `::CAPTION`. */
export function evidenceFromFlags(options: NewOptions): EvidenceInput[] {
  return EVIDENCE_FLAGS.flatMap(([flag]) =>
    ((options[flag.slice(2)] as OrderedEvidence[] | undefined) ?? []).map((item) => ({ ...item, flag })),
  )
    .sort((a, b) => a.order - b.order)
    .map(({ kind, path, flag }) => ({ kind, ...withCaption(flag, path) }));
}

/**
 * `invoice.pdf::Invoice INV-4471` is the file and its caption — but only when the part before
 * `::` names an existing file; a file whose own name holds `::` is taken whole.
 */
function withCaption(flag: string, value: string): { path: string; caption: string | null } {
  const at = value.indexOf('::');
  if (at <= 0 || existsSync(value)) return { path: value, caption: null };
  const path = value.slice(0, at);
  if (!existsSync(path)) return { path: value, caption: null };
  const parsed = parseCaption(value.slice(at + 2));
  if (!parsed.ok) throw new UsageError(`${flag} ${path}: the caption ${parsed.error}.`);
  return { path, caption: parsed.value };
}

/** The fields the flags give, checked one by one. */
export async function readGivenFields(context: CommandContext, options: NewOptions): Promise<Partial<ClaimFields>> {
  const given = readFieldFlags(options, FIELDS, { now: context.now(), currency: 'USD' });
  // Amount flags were read in USD when --currency is absent: the wizard must not ask it again.
  if (given.charged !== undefined || given.expected !== undefined || given.requested !== undefined) {
    given.currency ??= 'USD';
  }
  if (options.asCredit === true) given.asCredit = true;
  if (options.channel) given.channel = options.channel;
  if (options.reason) given.reason = options.reason;
  if (options.channel && options.reason) assertReasonFits(options.channel, options.reason);
  if (options.descriptionFile !== undefined) {
    if (given.description !== undefined) {
      throw new UsageError('Give --description or --description-file, not both.');
    }
    const text = await readTextInput('--description-file', options.descriptionFile, INPUT_LIMITS.description, () =>
      context.deps.readStdin(),
    );
    const parsed = parseText(text, { multiline: true });
    if (!parsed.ok)
      throw new UsageError(`--description-file ${options.descriptionFile}: the description ${parsed.error}.`);
    given.description = parsed.value;
  }
  return given;
}

/**
 * Without a terminal every missing value is an error, named by its flag; a saved account may fill
 * in the name and email. A consent the wizard would ask for is given with `--yes`.
 */
export async function fieldsWithoutTerminal(
  context: CommandContext,
  given: Partial<ClaimFields>,
  yes: boolean,
): Promise<ClaimFields> {
  const completed = await completeFields(context.adapters, given);
  const { account } = completed;
  if (account && (given.accountName === undefined || given.email === undefined)) {
    context.err(`Using the saved account ${account.name} <${account.email}>.`);
  }
  if (account && given.agency === undefined && account.agency !== null) {
    context.err(`Filing as ${account.agency}, the agency saved with the account (--agency to change it).`);
  }
  if (account && given.salesRep === undefined && account.salesRep !== null) {
    context.err(`Sales representative: ${account.salesRep}, saved with the account (--sales-rep to change it).`);
  }
  if (!completed.ok) {
    throw new UsageError(
      `missing ${completed.missing.map(flagOf).join(', ')} (required when not running interactively)`,
      'Run `refund-claim new --help` for every flag, or run it in a terminal for the wizard.',
    );
  }
  const { fields } = completed;
  if (needsUnspentBalanceConsent(fields)) {
    // Shown even with --yes, which only stands in for the confirmation.
    context.err(UNSPENT_BALANCE_WARNING);
    if (!yes) {
      throw new UsageError(
        'an unspent-balance request on tiktok-ads must be confirmed: pass --yes once you have read the warning above (required when not running interactively)',
      );
    }
  }
  return fields;
}
