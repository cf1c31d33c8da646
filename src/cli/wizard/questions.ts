/**
 * The wizard's questions as data. Each field's `validate` and `filter` use the same parsers as
 * its command-line flag, so an answer is accepted exactly when the flag would be.
 */
import { CHANNELS, EVIDENCE_KINDS } from '../../domain/claim.js';
import type { Channel, ClaimFields, EvidenceKind, Reason } from '../../domain/claim.js';
import { describeKinds, withArticle } from '../../domain/completeness.js';
import { CHANNEL_LABELS, CHANNEL_REASONS, EVIDENCE_KIND_LABELS, REASON_LABELS } from '../../domain/reasons.js';
import { amountCurrency, parseAmount } from '../../domain/money.js';
import { parseCaption } from '../../domain/text.js';
import { FIELD_SPECS } from '../claim-fields.js';
import type { ParseContext, TextFieldKey } from '../claim-fields.js';
import type { ConfirmQuestion, InputQuestion, SelectQuestion, TextQuestion } from './prompter.js';

export function channelQuestion(): SelectQuestion<Channel> {
  return {
    type: 'select',
    name: 'channel',
    message: 'Where did you pay for the promotion?',
    choices: CHANNELS.map((value) => ({ value, name: CHANNEL_LABELS[value] })),
  };
}

/** Only the reasons the channel allows (SPEC's channel × reason table). */
export function reasonQuestion(channel: Channel): SelectQuestion<Reason> {
  return {
    type: 'select',
    name: 'reason',
    message: 'What went wrong?',
    choices: CHANNEL_REASONS[channel].map((value) => ({ value, name: REASON_LABELS[value], description: value })),
  };
}

export interface FieldQuestionOptions {
  /** An empty answer means "none" (null). */
  optional?: boolean;
  default?: string;
  /** The question in the channel's words, instead of the field's own prompt. */
  message?: string;
  /** A rule that ties this answer to earlier ones (requested ≤ charged); returns the problem. */
  check?: (value: never) => string | null;
}

export function fieldQuestion<K extends TextFieldKey>(
  field: K,
  context: ParseContext,
  options: FieldQuestionOptions = {},
): InputQuestion<ClaimFields[K] | null> {
  const spec = FIELD_SPECS[field];
  const isAmount = ['charged', 'expected', 'requested'].includes(field);
  const parse = (input: string) => spec.parse(input, context);
  return {
    type: 'input',
    name: field,
    message: isAmount ? `${options.message ?? spec.prompt} (${context.currency})` : (options.message ?? spec.prompt),
    default: options.default,
    validate: (input) => {
      if (input.trim() === '') return options.optional ? true : 'Required.';
      const result = parse(input);
      if (!result.ok) return capitalize(result.error);
      return options.check?.(result.value as never) ?? true;
    },
    filter: (input) => {
      if (input.trim() === '') return null;
      const result = parse(input);
      return (result.ok ? result.value : null) as ClaimFields[K] | null;
    },
  };
}

/**
 * The first amount, when no flag fixed the currency: it may name its own (`EUR 1.234,50`,
 * `12,50 €`), which then becomes the claim's; without one it is read in `currency`.
 */
export function amountInAnyCurrencyQuestion(
  name: string,
  currency: string,
  options: FieldQuestionOptions = {},
): InputQuestion<{ minor: number; currency: string | null }> {
  const read = (input: string) => {
    const named = amountCurrency(input) ?? currency;
    return { named, result: parseAmount(input, named) };
  };
  return {
    type: 'input',
    name,
    message: `${options.message ?? 'Amount charged'} (${currency}, or write another currency's code: EUR 1.234,50)`,
    default: options.default,
    validate: (input) => {
      if (input.trim() === '') return 'Required.';
      const { result } = read(input);
      return result.ok ? true : capitalize(result.error);
    },
    filter: (input) => {
      const { result } = read(input);
      // null when the answer names no currency: the claim keeps its default.
      return { minor: result.ok ? result.value : 0, currency: amountCurrency(input) };
    },
  };
}

/** The description, over as many lines as it takes. */
export function descriptionQuestion(options: FieldQuestionOptions = {}): TextQuestion<string | null> {
  const spec = FIELD_SPECS.description;
  const parse = (input: string) => spec.parse(input, { currency: 'USD', now: new Date(0) });
  return {
    type: 'text',
    name: 'description',
    message: options.message ?? spec.prompt,
    default: options.default,
    validate: (input) => {
      if (input.trim() === '') return options.optional ? true : 'Required.';
      const result = parse(input);
      return result.ok ? true : capitalize(result.error);
    },
    filter: (input) => {
      const result = parse(input);
      return result.ok ? (result.value as string) : null;
    },
  };
}

/** Terminals paste dragged files quoted or with escaped spaces; `~/` is the home directory. */
export function cleanPath(input: string, home: string): string {
  let path = input.trim();
  if (/^(['"]).*\1$/.test(path)) path = path.slice(1, -1);
  else path = path.replace(/\\ /g, ' ');
  return path.startsWith('~/') ? `${home}${path.slice(1)}` : path;
}

export function evidencePathQuestion(
  name: string,
  kinds: readonly EvidenceKind[],
  check: (path: string) => Promise<string | null>,
  home: string,
  options: { optional: boolean; reason?: Reason },
): InputQuestion<string | null> {
  return {
    type: 'input',
    name,
    message: `Path to ${describeKinds(kinds, options.reason)}${options.optional ? ' (Enter to skip and attach it later)' : ''}`,
    validate: async (input) => {
      if (input.trim() === '') return options.optional ? true : 'Required.';
      return (await check(cleanPath(input, home))) ?? true;
    },
    filter: (input) => (input.trim() === '' ? null : cleanPath(input, home)),
  };
}

export function captionQuestion(name: string): InputQuestion<string | null> {
  return {
    type: 'input',
    name,
    message: 'One-line caption for the support agent (optional)',
    validate: (input) => {
      if (input.trim() === '') return true;
      const result = parseCaption(input);
      return result.ok ? true : `The caption ${result.error}.`;
    },
    filter: (input) => (input.trim() === '' ? null : input.trim()),
  };
}

export function moreEvidenceQuestion(name: string): SelectQuestion<EvidenceKind | 'done'> {
  return {
    type: 'select',
    name,
    message: 'Add another file?',
    choices: [
      { value: 'done', name: "No, that's all for now" },
      ...EVIDENCE_KINDS.map((value) => ({ value, name: `Yes, ${withArticle(EVIDENCE_KIND_LABELS[value])}` })),
    ],
  };
}

export function confirmQuestion(name: string, message: string, defaultAnswer: boolean): ConfirmQuestion {
  return { type: 'confirm', name, message, default: defaultAnswer };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
