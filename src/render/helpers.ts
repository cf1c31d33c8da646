/** Template helpers. Each refuses a missing argument: strict mode does not check helper arguments. */
import type { HelperOptions } from 'handlebars';
import { formatDay } from '../domain/dates.js';
import { formatMoney } from '../domain/money.js';
import { formatSize } from '../domain/sizes.js';

type Located = HelperOptions & { loc?: { start: { line: number; column: number } } };

/** A helper was given a field that does not exist; `index` says which of its arguments. */
export class HelperArgumentError extends Error {
  readonly line: number | null;
  readonly column: number | null;

  constructor(
    readonly helper: string,
    readonly index: number,
    options: HelperOptions,
  ) {
    const start = (options as Located).loc?.start;
    super(`"${helper}" was given a field that does not exist`);
    this.line = start?.line ?? null;
    this.column = start?.column ?? null;
  }
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
    const [minor, currency] = args('money', raw).values;
    return typeof minor === 'number' && typeof currency === 'string' ? formatMoney(minor, currency) : '';
  },
  /** `{{date promotion.start}}` → `3 Nov 2026 (2026-11-03)`; empty for null. */
  date(...raw: unknown[]): string {
    const [day] = args('date', raw).values;
    return typeof day === 'string' ? `${formatDay(day)} (${day})` : '';
  },
  /** `{{plural evidence.length "file"}}` → `3 files`. */
  plural(...raw: unknown[]): string {
    const [count, word] = args('plural', raw).values;
    return `${String(count)} ${String(word)}${count === 1 ? '' : 's'}`;
  },
  /** `{{size bytes}}` → `1.2 MB`. */
  size(...raw: unknown[]): string {
    const [bytes] = args('size', raw).values;
    return formatSize(Number(bytes));
  },
  /** `{{#eq channel "creator"}}…{{/eq}}`. */
  eq(this: unknown, ...raw: unknown[]): string {
    const { values, options } = args('eq', raw);
    return values[0] === values[1] ? options.fn(this) : options.inverse(this);
  },
};
