/** Template helpers. Each refuses a missing argument: strict mode does not check helper arguments. */
import type { HelperOptions } from 'handlebars';
import { wrapText } from '../domain/columns.js';
import { formatDay, isCalendarDate } from '../domain/dates.js';
import { formatMoney } from '../domain/money.js';
import { formatSize } from '../domain/sizes.js';
import { printable } from '../domain/text.js';
import { plural } from '../domain/text.js';

type Located = HelperOptions & { loc?: { start: { line: number; column: number } } };

/** A helper could not use one of its arguments; `index` says which, the line and column where. */
export abstract class HelperError extends Error {
  readonly line: number | null;
  readonly column: number | null;

  constructor(
    readonly helper: string,
    readonly index: number,
    options: HelperOptions,
    message: string,
  ) {
    const start = (options as Located).loc?.start;
    super(message);
    this.line = start?.line ?? null;
    this.column = start?.column ?? null;
  }
}

/** A helper was given a field that does not exist. */
export class HelperArgumentError extends HelperError {
  constructor(helper: string, index: number, options: HelperOptions) {
    super(helper, index, options, `"${helper}" was given a field that does not exist`);
  }
}

/**
 * A helper was given a value it cannot show (a negative amount, a date that is not one). Printing
 * `USD 0.-5` or `NaN` into a message to support would be worse than stopping.
 */
export class HelperValueError extends HelperError {
  /** The value, quoted as it may be printed. */
  readonly shown: string;

  constructor(
    helper: string,
    index: number,
    options: HelperOptions,
    value: unknown,
    readonly why: string,
  ) {
    const shown = show(value);
    super(helper, index, options, `"${helper}" cannot show ${shown}: ${why}`);
    this.shown = shown;
  }
}

function show(value: unknown): string {
  const text = typeof value === 'object' && value !== null ? '(an object)' : (JSON.stringify(value) ?? String(value));
  return printable(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}

/** The last argument of a helper is Handlebars' options object. */
function args(helper: string, raw: unknown[]): { values: unknown[]; options: HelperOptions } {
  const options = raw.at(-1) as HelperOptions;
  const values = raw.slice(0, -1);
  const missing = values.indexOf(undefined);
  if (missing !== -1) throw new HelperArgumentError(helper, missing, options);
  return { values, options };
}

/**
 * Strict mode checks `{{field}}` but not the arguments of `{{#if field}}` and the other built-in
 * block helpers: a misspelt field there would silently take the else branch. Every field of the
 * views is present (null when empty), so `undefined` can only be a misspelling.
 */
export function guardBuiltin(name: string, builtin: (...raw: unknown[]) => unknown) {
  return function (this: unknown, ...raw: unknown[]): unknown {
    args(name, raw);
    return builtin.apply(this, raw);
  };
}

export const TEMPLATE_HELPERS = {
  /** `{{money amounts.requested amounts.currency}}` → `USD 1,234.56`; empty for null. */
  money(...raw: unknown[]): string {
    const { values, options } = args('money', raw);
    const [minor, currency] = values;
    if (minor === null) return '';
    if (typeof minor !== 'number' || !Number.isSafeInteger(minor) || minor < 0) {
      throw new HelperValueError('money', 0, options, minor, 'an amount is whole minor units, never negative');
    }
    if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
      throw new HelperValueError('money', 1, options, currency, 'a currency is a code like USD');
    }
    return formatMoney(minor, currency);
  },
  /** `{{date promotion.start}}` → `3 Nov 2026`, the one date style of a draft; empty for null. */
  date(...raw: unknown[]): string {
    const { values, options } = args('date', raw);
    const [day] = values;
    if (day === null) return '';
    if (typeof day !== 'string' || !isCalendarDate(day)) {
      throw new HelperValueError('date', 0, options, day, 'it is not a date (YYYY-MM-DD)');
    }
    return formatDay(day);
  },
  /**
   * Wraps to 80 columns at spaces: `{{#wrap}}…{{/wrap}}` around a draft's body, or
   * `{{wrap description}}` for one value. A list item's continuation hangs under its text
   * (`- `, `1. `, `01  file  Caption`); `hang=N` sets it, `width=N` the columns.
   */
  wrap(this: unknown, ...raw: unknown[]): string {
    const { values, options } = args('wrap', raw);
    const hash = options.hash as { hang?: unknown; width?: unknown };
    for (const [key, value] of Object.entries(hash)) {
      if (
        (key !== 'hang' && key !== 'width') ||
        typeof value !== 'number' ||
        !Number.isSafeInteger(value) ||
        value < 0
      ) {
        throw new HelperValueError('wrap', 0, options, value, `${key}= takes a whole number (hang=, width=)`);
      }
    }
    const block = (options as { fn?: HelperOptions['fn'] }).fn;
    if (values.length === 0 && !block) throw new HelperArgumentError('wrap', 0, options);
    const text = values.length > 0 ? values[0] : block?.(this);
    if (text === null) return '';
    if (typeof text !== 'string') throw new HelperValueError('wrap', 0, options, text, 'it wraps text');
    return wrapText(text, {
      ...(typeof hash.hang === 'number' ? { hang: hash.hang } : {}),
      ...(typeof hash.width === 'number' ? { width: hash.width } : {}),
    });
  },
  /** `{{plural evidence.length "file"}}` → `3 files`. */
  plural(...raw: unknown[]): string {
    const [count, word] = args('plural', raw).values;
    return plural(Number(count), String(word));
  },
  /** `{{size bytes}}` → `1.2 MB`. */
  size(...raw: unknown[]): string {
    const { values, options } = args('size', raw);
    const [bytes] = values;
    if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0) {
      throw new HelperValueError('size', 0, options, bytes, 'a size is a whole number of bytes');
    }
    return formatSize(bytes);
  },
  /** `{{#eq channel "creator"}}…{{/eq}}`. */
  eq(this: unknown, ...raw: unknown[]): string {
    const { values, options } = args('eq', raw);
    return values[0] === values[1] ? options.fn(this) : options.inverse(this);
  },
};
