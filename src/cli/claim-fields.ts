/**
 * Every field of a claim as the command line and the wizard see it: its flag, its prompt and its
 * parser. `new` and `edit` read flags through this table and the wizard builds its questions from
 * it, so a field is validated the same way however it is given.
 */
import type { Command } from 'commander';
import { PAID_VIA } from '../domain/claim.js';
import type { ClaimFields, FieldKey, PaidVia } from '../domain/claim.js';
import { parseDate } from '../domain/date-input.js';
import { toLocalDate } from '../domain/dates.js';
import { UsageError } from '../domain/errors.js';
import { parseAmount, parseCurrency } from '../domain/money.js';
import type { Parsed } from '../domain/parsed.js';
import { parseAdvertiserId, parseCreatorHandle, parseEmail, parseName, parseText } from '../domain/text.js';

export interface ParseContext {
  currency: string;
  now: Date;
}

/** Fields given as a flag's value; `--as-credit` is a switch. */
export type TextFieldKey = Exclude<FieldKey, 'channel' | 'reason' | 'asCredit'>;

export interface FieldSpec {
  flag: string;
  /** How the value is shown in `--help`: `--charged <amount>`. */
  valueName: string;
  help: string;
  prompt: string;
  parse(input: string, context: ParseContext): Parsed<ClaimFields[TextFieldKey]>;
}

const text =
  (options: { multiline?: boolean } = {}) =>
  (input: string): Parsed<string> =>
    parseText(input, options);
const amount = (input: string, context: ParseContext): Parsed<number> => parseAmount(input, context.currency);
const date = (input: string, context: ParseContext): Parsed<string> => parseDate(input, context.now);
/** A day something already happened (a charge, a cancellation): never in the future, as `--on`. */
const pastDate = (input: string, context: ParseContext): Parsed<string> => {
  const parsed = date(input, context);
  const today = toLocalDate(context.now);
  return parsed.ok && parsed.value > today
    ? { ok: false, error: `${parsed.value} is in the future (today is ${today})` }
    : parsed;
};
const paidVia = (input: string): Parsed<PaidVia> => {
  const value = input.trim().toLowerCase();
  return (PAID_VIA as readonly string[]).includes(value)
    ? { ok: true, value: value as PaidVia }
    : { ok: false, error: `must be one of ${PAID_VIA.join(', ')}` };
};

export const FIELD_SPECS: Record<TextFieldKey, FieldSpec> = {
  advertiserId: {
    flag: '--advertiser-id',
    valueName: 'digits',
    help: 'Ads Manager advertiser ID (required for tiktok-ads)',
    prompt: 'Advertiser ID (digits, shown under the account name in Ads Manager)',
    parse: parseAdvertiserId,
  },
  accountName: {
    flag: '--account-name',
    valueName: 'name',
    help: 'advertiser account or business name',
    prompt: 'Account or business name',
    parse: (input) => parseName(input),
  },
  email: {
    flag: '--email',
    valueName: 'address',
    help: 'contact email for support replies',
    prompt: 'Contact email for support replies',
    parse: parseEmail,
  },
  promotionId: {
    flag: '--promotion-id',
    valueName: 'id',
    help: 'campaign, ad group or Promote order ID',
    prompt: 'Promotion ID (campaign, ad group or Promote order ID)',
    parse: (input) => parseName(input),
  },
  promotionName: {
    flag: '--promotion-name',
    valueName: 'name',
    help: 'promotion or campaign name',
    prompt: 'Promotion name (optional)',
    parse: (input) => parseName(input),
  },
  start: {
    flag: '--start',
    valueName: 'date',
    help: 'promotion start date',
    prompt: 'Promotion start date',
    parse: date,
  },
  end: { flag: '--end', valueName: 'date', help: 'promotion end date', prompt: 'Promotion end date', parse: date },
  currency: {
    flag: '--currency',
    valueName: 'code',
    help: 'ISO 4217 currency code (default: USD)',
    prompt: 'Currency (ISO 4217 code)',
    parse: (input) => parseCurrency(input),
  },
  charged: {
    flag: '--charged',
    valueName: 'amount',
    help: 'amount charged (for unspent-balance: the unspent balance)',
    prompt: 'Amount charged',
    parse: amount,
  },
  expected: {
    flag: '--expected',
    valueName: 'amount',
    help: 'amount that should have been charged (incorrect-charge)',
    prompt: 'Amount that should have been charged',
    parse: amount,
  },
  requested: {
    flag: '--requested',
    valueName: 'amount',
    help: 'amount to ask back (default: charged − expected, or charged)',
    prompt: 'Amount to request back',
    parse: amount,
  },
  chargeDate: {
    flag: '--charge-date',
    valueName: 'date',
    help: 'date of the charge (accidental-charge)',
    prompt: 'Date of the charge',
    parse: pastDate,
  },
  promised: {
    flag: '--promised',
    valueName: 'text',
    help: 'result the promotion was sold with (non-performance)',
    prompt: 'What was promised (e.g. "50,000 impressions")',
    parse: text(),
  },
  delivered: {
    flag: '--delivered',
    valueName: 'text',
    help: 'result actually delivered (non-performance)',
    prompt: 'What was delivered (e.g. "3,200 impressions")',
    parse: text(),
  },
  creator: {
    flag: '--creator',
    valueName: 'handle',
    help: "creator's TikTok handle (creator-no-delivery)",
    prompt: "Creator's TikTok handle",
    parse: parseCreatorHandle,
  },
  deliverables: {
    flag: '--deliverables',
    valueName: 'text',
    help: 'what the creator agreed to post (creator-no-delivery)',
    prompt: 'What the creator agreed to post',
    parse: text(),
  },
  description: {
    flag: '--description',
    valueName: 'text',
    help: 'what happened, in your words (or --description-file)',
    prompt: 'What happened? (when, what you saw, what you expected)',
    parse: text({ multiline: true }),
  },
  fileBy: {
    flag: '--file-by',
    valueName: 'date',
    help: "the platform's deadline for filing, if you know it",
    prompt: "The platform's deadline for filing, if you know it (Enter to skip)",
    parse: date,
  },
  noticedOn: {
    flag: '--noticed-on',
    valueName: 'date',
    help: 'the day you noticed the problem',
    prompt: 'When did you notice the problem? (Enter to skip)',
    parse: pastDate,
  },
  cancelledOn: {
    flag: '--cancelled-on',
    valueName: 'date',
    help: 'the day the campaign was cancelled (campaign-cancelled)',
    prompt: 'When was it cancelled?',
    parse: pastDate,
  },
  cancelReason: {
    flag: '--cancel-reason',
    valueName: 'text',
    help: 'why the campaign was cancelled (campaign-cancelled)',
    prompt: 'Why was it cancelled?',
    parse: text({ multiline: true }),
  },
  failure: {
    flag: '--failure',
    valueName: 'text',
    help: 'what failed: delivery, review, billing screen, reporting… (technical-issue)',
    prompt: 'What failed? (delivery, review, billing screen, reporting…)',
    parse: text(),
  },
  invoice: {
    flag: '--invoice',
    valueName: 'reference',
    help: 'the invoice or billing statement reference',
    prompt: 'Invoice or billing statement reference (Enter to skip)',
    parse: (input) => parseName(input),
  },
  balanceShownOn: {
    flag: '--balance-shown-on',
    valueName: 'date',
    help: 'the day the balance screenshot was taken (unspent-balance)',
    prompt: 'On which day was the balance screenshot taken?',
    parse: pastDate,
  },
  deliverablesDue: {
    flag: '--deliverables-due',
    valueName: 'date',
    help: 'the day the creator had to deliver (creator-no-delivery)',
    prompt: 'By which day did the creator have to deliver?',
    parse: date,
  },
  paidVia: {
    flag: '--paid-via',
    valueName: 'tiktok-one|direct',
    help: 'how the creator was paid (creator only; default: direct)',
    prompt: 'Paid through TikTok One or directly? (tiktok-one or direct)',
    parse: paidVia,
  },
  agency: {
    flag: '--agency',
    valueName: 'name',
    help: 'the agency filing for the advertiser (saved with the account)',
    prompt: 'Agency filing for the advertiser (Enter if none)',
    parse: (input) => parseName(input),
  },
  salesRep: {
    flag: '--sales-rep',
    valueName: 'name or email',
    help: "the account's TikTok sales representative (saved with the account)",
    prompt: "The account's TikTok sales representative (Enter if none)",
    parse: (input) => parseName(input),
  },
};

/** `--charged` for `charged`; `--reason` and `--channel` for the two choice fields. */
export function flagOf(field: FieldKey): string {
  if (field === 'channel' || field === 'reason') return `--${field}`;
  if (field === 'asCredit') return '--as-credit';
  return FIELD_SPECS[field].flag;
}

/** Commander's camelCase key for a flag: `--account-name` → `accountName`. */
const optionKey = (flag: string): string => flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function addFieldOptions(command: Command, fields: readonly TextFieldKey[]): Command {
  for (const field of fields) {
    const spec = FIELD_SPECS[field];
    command.option(`${spec.flag} <${spec.valueName}>`, spec.help);
  }
  return command;
}

/** Parses one flag's value or refuses it with exit 2, naming the flag and the accepted form. */
export function parseFlag<K extends TextFieldKey>(field: K, input: string, context: ParseContext): ClaimFields[K] {
  const result = FIELD_SPECS[field].parse(input, context);
  if (!result.ok) {
    throw new UsageError(`${FIELD_SPECS[field].flag} ${result.error}.`);
  }
  return result.value as ClaimFields[K];
}

/**
 * Reads every field flag that was given. Currency first: amounts are read in it, or in
 * `context.currency` when the flag is absent (USD for a new claim, an existing claim's own).
 */
export function readFieldFlags(
  options: Record<string, unknown>,
  fields: readonly TextFieldKey[],
  context: { now: Date; currency: string },
): Partial<ClaimFields> {
  const values: Partial<ClaimFields> = {};
  const raw = (field: TextFieldKey): string | undefined => {
    const value = options[optionKey(FIELD_SPECS[field].flag)];
    return typeof value === 'string' ? value : undefined;
  };
  const currencyInput = raw('currency');
  const currency =
    currencyInput === undefined ? context.currency : parseFlag('currency', currencyInput, { ...context });
  if (currencyInput !== undefined) values.currency = currency;
  for (const field of fields) {
    const input = raw(field);
    if (input === undefined || field === 'currency') continue;
    (values as Record<string, unknown>)[field] = parseFlag(field, input, { now: context.now, currency });
  }
  return values;
}
