import { describe, expect, it } from 'vitest';
import { formatTable, formatTsvRow } from '../../../src/cli/output/table.js';

describe('formatTsvRow', () => {
  it('joins values with tabs, empty for null', () => {
    expect(formatTsvRow(['RC-0001', 12, null, 'USD'])).toBe('RC-0001\t12\t\tUSD');
  });

  it('turns tabs and line breaks inside a value into one space', () => {
    expect(formatTsvRow(['a\tb', 'c\r\nd', 'e'])).toBe('a b\tc d\te');
    expect(formatTsvRow(['line\n', null])).toBe('line \t');
  });

  it('escapes the other control characters of a value, also when no tab or line break comes with them', () => {
    expect(formatTsvRow(['RC-0001', 'Acme\u001b[2J\u0007', 'x\u202e'])).toBe('RC-0001\tAcme\\x1b[2J\\x07\tx\\u202e');
    expect(formatTsvRow(['a\tb\u009b', 'c'])).toBe('a b\\x9b\tc');
  });
});

describe('formatTable', () => {
  it('escapes control characters in cells, and aligns the columns on what is shown', () => {
    expect(
      formatTable([
        ['Acme\u001b[2J', 'x'],
        ['Café', 'y'],
      ]).split('\n'),
    ).toEqual(['Acme\\x1b[2J  x', 'Café         y']);
  });
});
