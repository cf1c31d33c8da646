/**
 * Aligned columns for terminals. Colour is applied to a whole padded line afterwards, so escape
 * codes never disturb the widths.
 */
const width = (text: string): number => [...text].length;

export function formatTable(
  rows: readonly (readonly string[])[],
  paint?: (line: string, row: number) => string,
): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, width(cell))));
  return rows
    .map((row, index) => {
      const line = row
        .map((cell, column) =>
          column === row.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - width(cell)),
        )
        .join('  ')
        .trimEnd();
      return paint ? paint(line, index) : line;
    })
    .join('\n');
}

const SEPARATORS = /[\t\r\n]+/g;

function countTabs(line: string): number {
  let count = 0;
  for (let at = line.indexOf('\t'); at !== -1; at = line.indexOf('\t', at + 1)) count++;
  return count;
}

/** One tab-separated line for scripts: tabs and newlines inside values become spaces. */
export function formatTsvRow(cells: readonly (string | number | null)[]): string {
  // Values almost never hold a tab or a newline: joining first and checking the line once is
  // about twice as fast as cleaning every value, for the thousands of lines status and list print.
  const line = cells.join('\t');
  if (countTabs(line) === cells.length - 1 && !line.includes('\n') && !line.includes('\r')) return line;
  return cells.map((cell) => String(cell ?? '').replace(SEPARATORS, ' ')).join('\t');
}

/** Cuts a value to `max` characters with an ellipsis, for table cells. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
