import { describe, expect, it } from 'vitest';
import { formatTsvRow } from '../../../src/cli/output/table.js';

describe('formatTsvRow', () => {
  it('joins values with tabs, empty for null', () => {
    expect(formatTsvRow(['RC-0001', 12, null, 'USD'])).toBe('RC-0001\t12\t\tUSD');
  });

  it('turns tabs and line breaks inside a value into one space', () => {
    expect(formatTsvRow(['a\tb', 'c\r\nd', 'e'])).toBe('a b\tc d\te');
    expect(formatTsvRow(['line\n', null])).toBe('line \t');
  });
});
