import { homedir } from 'node:os';
import { Option } from '../commander.js';
import type { Command } from 'commander';
import { claimDocument } from '../../app/claim-document.js';
import { createClaim } from '../../app/create-claim.js';
import type { EvidenceInput } from '../../app/deps.js';
import { previewClaim } from '../../app/preview-claim.js';
import { renderTicket } from '../../app/ticket-view.js';
import { CHANNELS, formatClaimId, REASONS } from '../../domain/claim.js';
import type { Claim, ClaimFields, EvidenceKind } from '../../domain/claim.js';
import { commonFields, describeKinds, missingEvidence, requiredFields } from '../../domain/completeness.js';
import { UsageError } from '../../domain/errors.js';
import { UNSPENT_BALANCE_WARNING } from '../../domain/reasons.js';
import { parseText } from '../../domain/text.js';
import { addFieldOptions, FIELD_SPECS, flagOf, readFieldFlags, withDefaults } from '../claim-fields.js';
import type { TextFieldKey } from '../claim-fields.js';
import type { CommandContext } from '../context.js';
import { assertWritableTarget, readTextInput, writeTextFile } from '../files.js';
import { formatNextAction } from '../output/claim-text.js';
import { formatFindings } from '../output/findings.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { runNewClaimWizard } from '../wizard/new-claim-wizard.js';

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

interface NewOptions extends Record<string, unknown> {
  channel?: ClaimFields['channel'];
  reason?: ClaimFields['reason'];
  descriptionFile?: string;
  out?: string;
  yes?: boolean;
  input: boolean;
  allowDuplicate?: boolean;
  json?: boolean;
}

export function defineNew(command: Command, context: CommandContext): void {
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
    command.addOption(new Option(`${flag} <path>`, `${words} (repeatable)`).argParser(collect(kind)));
  }
  command
    .option('--out <file>', 'also write the ticket draft to this file')
    .option('--yes', 'do not ask for confirmation')
    .option('--no-input', 'never prompt: a missing value is an error')
    .option('--allow-duplicate', 'file a second open claim for the same promotion and reason')
    .option('--json', 'print the saved claim as JSON instead of its ID')
    .addHelpText(
      'after',
      examples(
        'refund-claim new',
        'refund-claim new --no-input --reason incorrect-charge --advertiser-id 7012345678901 --account-name "Acme Shoes" \\\n      --email ads@acme.test --promotion-id 1790000001 --charged 500 --expected 300 \\\n      --description "Billed twice for the 3 Nov budget increase" --receipt invoice.pdf',
        'refund-claim new --channel creator --reason creator-no-delivery --creator @studio.name --json',
      ),
    )
    .action(async (options: NewOptions) => runNew(context, options));
}

/** Evidence from every kind's flag, back in command-line order. */
function evidenceFromFlags(options: NewOptions): EvidenceInput[] {
  return EVIDENCE_FLAGS.flatMap(([flag]) => (options[flag.slice(2)] as OrderedEvidence[] | undefined) ?? [])
    .sort((a, b) => a.order - b.order)
    .map(({ kind, path }) => ({ kind, path }));
}

function readGiven(context: CommandContext, options: NewOptions): Partial<ClaimFields> {
  const given = readFieldFlags(options, FIELDS, { now: context.now(), currency: 'USD' });
  // Amount flags were read in USD when --currency is absent: the wizard must not ask it again.
  if (given.charged !== undefined || given.expected !== undefined || given.requested !== undefined) {
    given.currency ??= 'USD';
  }
  if (options.channel) given.channel = options.channel;
  if (options.reason) given.reason = options.reason;
  if (options.descriptionFile !== undefined) {
    if (given.description !== undefined) {
      throw new UsageError('Give --description or --description-file, not both.');
    }
    const text = readTextInput('--description-file', options.descriptionFile, () => context.deps.readStdin());
    const parsed = parseText(text, { multiline: true });
    if (!parsed.ok)
      throw new UsageError(`--description-file ${options.descriptionFile}: the description ${parsed.error}.`);
    given.description = parsed.value;
  }
  return given;
}

/** A saved account whose advertiser ID or name matches fills in what the flags left out. */
async function reuseSavedAccount(context: CommandContext, given: Partial<ClaimFields>): Promise<void> {
  if (given.accountName !== undefined && given.email !== undefined) return;
  const store = await context.adapters.existingStore();
  if (!store) return;
  const account =
    (given.advertiserId ? await store.findAccount({ advertiserId: given.advertiserId }) : null) ??
    (given.accountName ? await store.findAccount({ name: given.accountName }) : null);
  if (!account) return;
  given.accountName ??= account.name;
  given.email ??= account.email;
  context.err(`Using the saved account ${account.name} <${account.email}>.`);
}

/** Every required flag that is missing, in one list: a script learns them all at once. */
function missingFlags(given: Partial<ClaimFields>): string[] {
  const channel = given.channel ?? 'tiktok-ads';
  const fields = given.reason ? requiredFields(channel, given.reason) : commonFields(channel);
  const missing = fields.filter((field) => field !== 'currency' && given[field] === undefined).map(flagOf);
  return given.reason ? missing : ['--reason', ...missing];
}

/**
 * Without a terminal every missing value is an error, found before the data directory is
 * touched; a saved account may fill in the name and email.
 */
async function fieldsFromFlags(
  context: CommandContext,
  given: Partial<ClaimFields>,
  yes: boolean,
): Promise<ClaimFields> {
  given.channel ??= 'tiktok-ads';
  await reuseSavedAccount(context, given);
  const missing = missingFlags(given);
  if (missing.length > 0) {
    throw new UsageError(
      `missing ${missing.join(', ')} (required when not running interactively)`,
      'Run `refund-claim new --help` for every flag, or run it in a terminal for the wizard.',
    );
  }
  const fields = withDefaults(given);
  if (fields.channel === 'tiktok-ads' && fields.reason === 'unspent-balance') {
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

async function runNew(context: CommandContext, options: NewOptions): Promise<void> {
  const given = readGiven(context, options);
  const givenEvidence = evidenceFromFlags(options);
  if (options.out !== undefined) assertWritableTarget('--out', options.out);
  let fields: ClaimFields;
  let evidence = givenEvidence;
  let allowDuplicate = options.allowDuplicate === true;

  if (context.canPrompt(options.input)) {
    const store = await context.adapters.store();
    const evidenceStore = await context.adapters.evidence();
    const result = await runNewClaimWizard(
      {
        prompter: context.prompter(),
        now: context.now(),
        home: homedir(),
        findAccount: (query) => store.findAccount(query),
        findOpenDuplicates: (...args) => store.findOpenDuplicates(...args),
        inspect: async (path) => (await evidenceStore.inspect(path)).mime,
        preview: async (draft, files) => context.err(await preview(context, draft, files)),
        say: (text) => context.err(text),
      },
      given,
      givenEvidence,
      { yes: options.yes === true, allowDuplicate },
    );
    ({ fields, evidence, allowDuplicate } = result);
  } else {
    fields = await fieldsFromFlags(context, given, options.yes === true);
  }

  const { claim, skipped } = await createClaim(await context.useCaseDeps(), { fields, evidence, allowDuplicate });
  if (options.out !== undefined)
    await writeTextFile('--out', options.out, renderTicket(await context.adapters.templates(), claim));
  context.out(options.json ? formatJson(claimDocument(claim, context.today())) : formatClaimId(claim.id));
  context.err(savedMessage(claim, skipped, context.today(), options.out));
}

function savedMessage(
  claim: Claim,
  skipped: readonly { path: string; sameAs: number }[],
  today: string,
  out?: string,
): string {
  const id = formatClaimId(claim.id);
  const files = `${claim.evidence.length} evidence file${claim.evidence.length === 1 ? '' : 's'}`;
  const lines = [`Saved ${id} (${claim.reason} on ${claim.channel}, ${files}).`];
  for (const item of skipped) lines.push(`Skipped ${item.path}: same content as evidence #${item.sameAs}.`);
  if (out !== undefined) lines.push(`Ticket draft written to ${out}.`);
  for (const kinds of missingEvidence(claim.reason, claim.evidence)) {
    lines.push(
      `Still needed: ${describeKinds(kinds, claim.reason)} — refund-claim attach ${id} <file> --kind ${kinds[0] ?? 'other'}`,
    );
  }
  lines.push(formatNextAction(claim, today));
  return lines.join('\n');
}

/** The completeness findings and the ticket as they will be, before anything is saved. */
async function preview(context: CommandContext, fields: ClaimFields, files: readonly EvidenceInput[]): Promise<string> {
  const { claim, findings, ticket } = await previewClaim(
    { ...(await context.useCaseDeps()), templates: await context.adapters.templates() },
    fields,
    files,
  );
  const rule = '─'.repeat(72);
  return [
    '',
    formatFindings(findings, claim, context.color),
    '',
    `Ticket draft for ${formatClaimId(claim.id)}:`,
    rule,
    ticket.trimEnd(),
    rule,
  ].join('\n');
}
