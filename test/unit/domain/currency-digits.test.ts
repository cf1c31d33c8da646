import { describe, expect, it } from 'vitest';
import { COMMON_CURRENCY_DIGITS, formatMoney, toDecimalString } from '../../../src/domain/money.js';

describe('currency decimals', () => {
  it.each([...COMMON_CURRENCY_DIGITS])('knows %s has %i decimals, as Intl does', (currency, digits) => {
    const intl = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
    expect(digits).toBe(intl);
  });

  it('asks Intl about every other currency', () => {
    expect(toDecimalString(1234, 'KWD')).toBe('1.234');
    expect(formatMoney(123456, 'USD')).toBe('USD 1,234.56');
    expect(formatMoney(1234, 'JPY')).toBe('JPY 1,234');
  });
});
