import { describe, expect, it } from 'vitest';
import { loadCsvWriter } from '../../../src/render/csv.js';
import { parseCsv } from '../../helpers/csv.js';

describe('the CSV writer', () => {
  it('prefixes a quote to every cell a spreadsheet would evaluate, and quotes what needs quoting', async () => {
    const csv = await loadCsvWriter();
    const hostile = [
      '=1+1',
      '+1',
      '-1',
      '@SUM(A1)',
      '\tTAB',
      '\rCR',
      '＝FULLWIDTH',
      'a,b',
      'say "hi"',
      'two\nlines',
      'safe 1-2',
      '',
      null,
    ];
    const text = csv.write(
      ['h'],
      hostile.map((cell) => [cell]),
    );
    expect(text.startsWith('\uFEFFh\r\n')).toBe(true);
    expect(parseCsv(text.slice(1)).map((row) => row[0])).toEqual([
      'h',
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tTAB",
      // A carriage return is written escaped, so the cell no longer starts with one.
      '\\rCR',
      "'＝FULLWIDTH",
      'a,b',
      'say "hi"',
      'two\nlines',
      'safe 1-2',
      '',
      '',
    ]);
  });
});
