/**
 * Aligned columns for terminals. Colour is applied to a whole padded line afterwards, so escape
 * codes never disturb the widths. A cell is one line of shown text: a control character in a
 * value (an imported name, a hand-edited database) is shown escaped, never sent to the terminal.
 */
import { printable } from '../../domain/text.js';

const width = (text: string): number => [...text].length;

export function formatTable(
  rows: readonly (readonly string[])[],
  paint?: (line: string, row: number) => string,
): string {
  const shown = rows.map((row) => row.map((cell) => printable(cell)));
  const widths: number[] = [];
  for (const row of shown) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, width(cell))));
  return shown
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

/**
 * One tab-separated line for scripts: tabs and newlines inside values become spaces, and other
 * control characters are shown escaped (a pipe often ends at a terminal: `| cat`, `| tee`).
 */
export function formatTsvRow(cells: readonly (string | number | null)[]): string {
  // Values almost never hold a tab or a control character: joining first and checking the line
  // once is about twice as fast as cleaning every value, for the thousands of lines status and
  // list print. The multiline check lets tabs and newlines through: those are looked for apart.
  const line = cells.join('\t');
  const clean = countTabs(line) === cells.length - 1 && !line.includes('\n');
  if (clean && printable(line, { multiline: true }) === line) return line;
  return cells.map((cell) => printable(String(cell ?? '').replace(SEPARATORS, ' '))).join('\t');
}

/** Cuts a value to `max` characters with an ellipsis, for table cells. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
