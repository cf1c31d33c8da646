/**
 * Money is kept as integer minor units plus an ISO 4217 code, so sums and comparisons are exact.
 * The number of decimals per currency comes from the runtime's Intl data (JPY 0, USD 2, KWD 3).
 */
import type { Parsed } from './parsed.js';

let knownCurrencies: Set<string> | undefined;

export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

export function parseCurrency(text: string): Parsed<string> {
  const code = text.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(code) && isKnownCurrency(code)) return { ok: true, value: code };
  return { ok: false, error: `"${text}" is not an ISO 4217 currency code (for example USD, EUR, GBP)` };
}

/**
 * The decimals of the currencies most claims are in, the same in every ICU version. Asking Intl
 * costs ~10 ms the first time (ICU loads its number-formatting data), which `status` and `list`
 * would pay on every run just to print amounts. A test holds these to Intl's answers; every
 * other currency asks Intl.
 */
export const COMMON_CURRENCY_DIGITS: ReadonlyMap<string, number> = new Map([
  ['USD', 2],
  ['EUR', 2],
  ['GBP', 2],
  ['CAD', 2],
  ['AUD', 2],
  ['NZD', 2],
  ['CHF', 2],
  ['SGD', 2],
  ['HKD', 2],
  ['MXN', 2],
  ['BRL', 2],
  ['INR', 2],
  ['JPY', 0],
  ['KRW', 0],
]);

const digitsCache = new Map<string, number>(COMMON_CURRENCY_DIGITS);

export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Symbols people type in front of or after an amount, and the currencies each may stand for. */
const SYMBOLS: Record<string, readonly string[]> = {
  $: ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'TWD'],
  '€': ['EUR'],
  '£': ['GBP'],
  '¥': ['JPY', 'CNY'],
  '₹': ['INR'],
  '₩': ['KRW'],
  '₱': ['PHP'],
  '₫': ['VND'],
  '฿': ['THB'],
  '₺': ['TRY'],
  '₪': ['ILS'],
  R$: ['BRL'],
  RM: ['MYR'],
  Rp: ['IDR'],
};

/** Upper bound that keeps every sum of amounts exact in a double. */
const MAX_MINOR = 10 ** 13;

/**
 * The currency an amount is written in, when it says: an ISO 4217 code before or after the
 * number (`EUR 1.234,50`, `12,50 eur`) or a symbol only one currency uses (`€`, `£`, `₹`).
 * `$` and `¥` say nothing; neither does a word that happens to be a code ("all of it" is not ALL).
 */
export function amountCurrency(text: string): string | null {
  const code = currencyCode(text.trim());
  if (code) return code.code;
  for (const [symbol, currencies] of Object.entries(SYMBOLS)) {
    const rest = text.trim();
    if ((rest.startsWith(symbol) || rest.endsWith(symbol)) && currencies.length === 1) return currencies[0] ?? null;
  }
  return null;
}

/** A currency code written beside a number, and the text without it. */
function currencyCode(text: string): { code: string; rest: string } | null {
  const before = /^([A-Za-z]{3})\s*(?=[\d.,])/.exec(text);
  const after = /(?<=[\d.,])\s*([A-Za-z]{3})$/.exec(text);
  const found = before ?? after;
  if (!found?.[1]) return null;
  const code = found[1].toUpperCase();
  if (!isKnownCurrency(code)) return null;
  const rest = before ? text.slice(found[0].length) : text.slice(0, found.index);
  return { code, rest: rest.trim() };
}

/**
 * Parses `1234.56`, `1,234.56`, `$1,234.56`, `1234.56 USD` and the currency's own style
 * (`1.234,56`, `12,50` for EUR) by SPEC's rule: the last `.` or `,` is the decimal mark when at
 * most the currency's number of decimals follow it, otherwise a thousands separator, and every
 * thousands separator is followed by exactly three digits. Never negative, never more decimals
 * than the currency has.
 */
export function parseAmount(text: string, currency: string): Parsed<number> {
  let rest = text.trim();
  const fail = (why: string): Parsed<number> => ({ ok: false, error: `"${text}" ${why}` });
  if (rest.startsWith('-') || rest.startsWith('(')) return fail('is negative; amounts are never negative');

  const written = currencyCode(rest);
  if (written) {
    if (written.code !== currency) return fail(`is in ${written.code}, but the claim's currency is ${currency}`);
    rest = written.rest;
  }
  for (const [symbol, currencies] of Object.entries(SYMBOLS)) {
    if (rest.startsWith(symbol) || rest.endsWith(symbol)) {
      if (!currencies.includes(currency)) return fail(`uses ${symbol}, but the claim's currency is ${currency}`);
      rest = (rest.startsWith(symbol) ? rest.slice(symbol.length) : rest.slice(0, -symbol.length)).trim();
      break;
    }
  }
  if (rest.startsWith('-')) return fail('is negative; amounts are never negative');

  const digits = currencyDigits(currency);
  const number = splitNumber(rest, digits);
  if (number === 'decimals') {
    return fail(
      digits === 0 ? `has decimals, but ${currency} has none` : `has more than ${digits} decimals for ${currency}`,
    );
  }
  if (number === null) return fail('is not an amount; write it like 1234.56, 1,234.56 or 1.234,56');
  const minor = Number(number.whole) * 10 ** digits + Number(number.fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR) return fail('is too large');
  return { ok: true, value: minor };
}

/**
 * `1.234,56` → whole `1234`, fraction `56`. `decimals` when the last separator can only have
 * been meant as a decimal mark with too many digits after it (`12.3456` in USD, `10.5` in JPY).
 */
function splitNumber(text: string, digits: number): { whole: string; fraction: string } | 'decimals' | null {
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return null;
  const last = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
  if (last === -1) return { whole: text, fraction: '' };
  const after = text.slice(last + 1);
  const mark = after.length <= digits ? text.charAt(last) : null;
  const whole = mark === null ? text : text.slice(0, last);
  const fraction = mark === null ? '' : after;
  const groups = whole.split(/[.,]/);
  if (groups.length === 1) return { whole, fraction };
  const separators = new Set(whole.replace(/\d/g, ''));
  const grouped =
    separators.size === 1 &&
    !separators.has(mark ?? '') &&
    /^[1-9]\d{0,2}$/.test(groups[0] ?? '') &&
    groups.slice(1).every((group) => /^\d{3}$/.test(group));
  if (grouped) return { whole: groups.join(''), fraction };
  // `12.3456` in USD or `10.5` in JPY: one separator, read as a decimal mark with too many digits.
  return mark === null && groups.length === 2 && (groups.at(-1)?.length ?? 0) !== 3 ? 'decimals' : null;
}

/**
 * Reads back what toDecimalString writes (`"1234.56"`, JSON exports): a machine format, so a
 * `.` is always the decimal mark and there are no separators, whatever a person might type.
 */
export function parseDecimalString(text: string, currency: string): Parsed<number> {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, error: `"${text}" is not a decimal amount like "1234.56"` };
  const digits = currencyDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return {
      ok: false,
      error: `"${text}" ${digits === 0 ? `has decimals, but ${currency} has none` : `has more than ${digits} decimals for ${currency}`}`,
    };
  }
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR) return { ok: false, error: `"${text}" is too large` };
  return { ok: true, value: minor };
}

/** `"1234.56"`: the decimal string used in JSON and CSV. */
export function toDecimalString(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** `"USD 1,234.56"`: how people read an amount, unambiguous across dollars. */
export function formatMoney(minor: number, currency: string): string {
  const [whole = '0', fraction] = toDecimalString(minor, currency).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${fraction === undefined ? grouped : `${grouped}.${fraction}`}`;
}
