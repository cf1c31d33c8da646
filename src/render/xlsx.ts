/**
 * The .xlsx writer, on write-excel-file (maintained, one dependency: fflate): cells typed as the
 * export says, so a spreadsheet keeps a 19-digit advertiser ID as text (a CSV's number column
 * turns it into 7.01234567890124E+18), amounts as numbers in their currency's format, and dates
 * as dates. Text is written as a string cell: a spreadsheet never reads it as a formula, so no
 * `'` prefix is needed. Loaded only by `export --format xlsx`.
 */
import type { XlsxCell, XlsxWriter } from '../app/deps.js';
import { printable } from '../domain/text.js';

export async function loadXlsxWriter(): Promise<XlsxWriter> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  return {
    async write(sheet, header, rows) {
      const data = [
        header.map((title) => ({ type: String, value: title, fontWeight: 'bold' as const })),
        ...rows.map((row) => row.map(cellOf)),
      ];
      return writeXlsxFile(data, { sheet, stickyRowsCount: 1 }).toBuffer();
    },
  };
}

function cellOf(cell: XlsxCell) {
  if (cell === null) return null;
  switch (cell.kind) {
    case 'text':
      // Control characters are not allowed in XML text: shown escaped, as everywhere else.
      return { type: String, value: printable(cell.value, { multiline: true }) };
    case 'number':
      return { type: Number, value: cell.value, format: cell.format };
    case 'date': {
      const [year = 0, month = 1, day = 1] = cell.value.split('-').map(Number);
      // Midnight UTC of that day: the writer turns a Date's UTC fields into the sheet's day.
      return { type: Date, value: new Date(Date.UTC(year, month - 1, day)), format: 'yyyy-mm-dd' };
    }
  }
}
