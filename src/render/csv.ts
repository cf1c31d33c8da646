/**
 * CSV for spreadsheets, on csv-stringify (RFC 4180 quoting). Loaded only by `export --format csv`.
 *
 * A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or their full-width
 * forms) would run as a formula when the file is opened in Excel, LibreOffice or Google Sheets.
 * csv-stringify's `escape_formulas` puts a `'` in front of it, which those programs read as "this
 * is text": the cell shows the value, and nothing runs.
 *
 * Other control characters (an imported text's terminal escapes) are written escaped: the file's
 * only controls are its line ends, and the line breaks and tabs inside quoted cells.
 */
import type { CsvWriter } from '../app/deps.js';
import { printable } from '../domain/text.js';

export async function loadCsvWriter(): Promise<CsvWriter> {
  const { stringify } = await import('csv-stringify/sync');
  return {
    write(header, rows) {
      const cells = rows.map((row) => row.map((cell) => (cell === null ? null : printable(cell, { multiline: true }))));
      return stringify([[...header], ...cells], {
        escape_formulas: true,
        // CRLF, as RFC 4180 has it; a byte-order mark, so Excel reads the file as UTF-8.
        record_delimiter: 'windows',
        bom: true,
      });
    },
  };
}
