/** SPEC's CSV columns, in order, written out here rather than taken from the code that writes them. */
export const SPEC_CSV_HEADER = [
  'id',
  'status',
  'channel',
  'reason',
  'account_name',
  'advertiser_id',
  'promotion_id',
  'promotion_name',
  'currency',
  'charged',
  'requested',
  'recovered',
  'ticket_number',
  'next_action',
  'due',
  'created',
  'description',
];

/** A small RFC 4180 reader, independent of csv-stringify, for checking what `export --format csv` wrote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
