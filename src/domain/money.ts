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
 * Parses `1234.56`, `1,234.56`, `$1,234.56`, `1234.56 USD`. Never negative, never more decimals
 * than the currency has.
 */
export function parseAmount(text: string, currency: string): Parsed<number> {
  let rest = text.trim();
  const fail = (why: string): Parsed<number> => ({ ok: false, error: `"${text}" ${why}` });
  if (rest.startsWith('-') || rest.startsWith('(')) return fail('is negative; amounts are never negative');

  const code = /^[A-Za-z]{3}(?=[\s\d])/.exec(rest)?.[0] ?? /(?<=[\s\d])[A-Za-z]{3}$/.exec(rest)?.[0];
  if (code) {
    if (code.toUpperCase() !== currency)
      return fail(`is in ${code.toUpperCase()}, but the claim's currency is ${currency}`);
    rest = (rest.startsWith(code) ? rest.slice(3) : rest.slice(0, -3)).trim();
  }
  for (const [symbol, currencies] of Object.entries(SYMBOLS)) {
    if (rest.startsWith(symbol) || rest.endsWith(symbol)) {
      if (!currencies.includes(currency)) return fail(`uses ${symbol}, but the claim's currency is ${currency}`);
      rest = (rest.startsWith(symbol) ? rest.slice(symbol.length) : rest.slice(0, -symbol.length)).trim();
      break;
    }
  }
  if (rest.startsWith('-')) return fail('is negative; amounts are never negative');

  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(rest);
  if (!match) return fail('is not an amount; write it like 1234.56 or 1,234.56');
  const digits = currencyDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return fail(
      digits === 0 ? `has decimals, but ${currency} has none` : `has more than ${digits} decimals for ${currency}`,
    );
  }
  const whole = (match[1] ?? '').replaceAll(',', '');
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR) return fail('is too large');
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
