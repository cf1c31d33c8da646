import { describe, expect, it } from 'vitest';
import { amountCurrency, formatMoney, parseAmount, parseCurrency, toDecimalString } from '../../../src/domain/money.js';

describe('parseAmount', () => {
  it.each([
    ['1234.56', 'USD', 123456],
    ['1,234.56', 'USD', 123456],
    ['$1,234.56', 'USD', 123456],
    ['1234.56 USD', 'USD', 123456],
    ['usd 50', 'USD', 5000],
    ['€ 19.9', 'EUR', 1990],
    ['0.5', 'USD', 50],
    ['0', 'USD', 0],
    ['1,000,000', 'JPY', 1000000],
    ['¥1500', 'JPY', 1500],
    ['12.345', 'KWD', 12345],
    ['R$ 10,50'.replace(',', '.'), 'BRL', 1050],
    // The currency's own style (SPEC "Input rules"): the last mark is decimal when few enough digits follow.
    ['1.234,50', 'EUR', 123450],
    ['12,50', 'EUR', 1250],
    ['EUR 1.234,50', 'EUR', 123450],
    ['1.234.567,8 €', 'EUR', 123456780],
    ['12,5', 'USD', 1250],
    ['1.234', 'USD', 123400],
    ['12.345', 'USD', 1234500],
    ['1.500', 'JPY', 1500],
    ['1,500', 'JPY', 1500],
    ['12.345', 'KWD', 12345],
  ])('reads %s in %s as %i minor units', (text, currency, minor) => {
    expect(parseAmount(text, currency)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ['-5', 'USD', 'negative'],
    ['(5.00)', 'USD', 'negative'],
    ['12.3456', 'USD', 'more than 2 decimals for USD'],
    ['10.5', 'JPY', 'JPY has none'],
    ['12.5', 'JPY', 'JPY has none'],
    ['1,23,4', 'USD', 'not an amount'],
    ['1,23.00', 'USD', 'not an amount'],
    ['1234.567', 'USD', 'not an amount'],
    ['1,234,56', 'USD', 'not an amount'],
    ['1.234.56', 'USD', 'not an amount'],
    ['0.500', 'USD', 'not an amount'],
    ['12.', 'USD', 'not an amount'],
    ['all of it', 'USD', 'not an amount'],
    ['all', 'USD', 'not an amount'],
    ['abc', 'USD', 'not an amount'],
    ['', 'USD', 'not an amount'],
    ['€50', 'USD', 'uses €'],
    ['50 EUR', 'USD', 'is in EUR'],
    ['1e5', 'USD', 'not an amount'],
    ['99999999999999999', 'USD', 'too large'],
  ])('refuses %s in %s', (text, currency, why) => {
    const result = parseAmount(text, currency);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(why);
  });
});

describe('amountCurrency', () => {
  it('finds the currency an amount names, and never takes a word for a code', () => {
    expect(amountCurrency('EUR 1.234,50')).toBe('EUR');
    expect(amountCurrency('12,50 eur')).toBe('EUR');
    expect(amountCurrency('€12,50')).toBe('EUR');
    expect(amountCurrency('£7')).toBe('GBP');
    expect(amountCurrency('$12')).toBeNull();
    expect(amountCurrency('1234')).toBeNull();
    expect(amountCurrency('all of it')).toBeNull();
    expect(amountCurrency('ALL 500')).toBe('ALL');
  });
});

describe('formatting', () => {
  it("prints decimal strings with the currency's decimals", () => {
    expect(toDecimalString(5000, 'USD')).toBe('50.00');
    expect(toDecimalString(5, 'USD')).toBe('0.05');
    expect(toDecimalString(1500, 'JPY')).toBe('1500');
    expect(toDecimalString(12345, 'KWD')).toBe('12.345');
  });

  it('prints amounts with the code and thousands separators', () => {
    expect(formatMoney(123456789, 'USD')).toBe('USD 1,234,567.89');
    expect(formatMoney(1500000, 'JPY')).toBe('JPY 1,500,000');
    expect(formatMoney(0, 'EUR')).toBe('EUR 0.00');
  });
});

describe('parseCurrency', () => {
  it('accepts ISO 4217 codes the runtime knows, in any case', () => {
    expect(parseCurrency('eur')).toEqual({ ok: true, value: 'EUR' });
    expect(parseCurrency(' JPY ')).toEqual({ ok: true, value: 'JPY' });
  });

  it.each(['XYZ', 'US', 'dollars', ''])('refuses %j', (text) => {
    expect(parseCurrency(text).ok).toBe(false);
  });
});
