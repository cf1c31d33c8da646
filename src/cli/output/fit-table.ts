/**
 * Tables that fit the terminal: columns sized to their content and measured in terminal columns
 * (string-width: a CJK character or an emoji takes two, a combining accent none), long values cut
 * with `…`, and the less needed columns left out when even the cut values do not fit. No line is
 * ever wider than the terminal, so nothing wraps. Colour is applied to a whole line afterwards,
 * so escape codes never disturb the widths.
 */
import { columns as widthOf } from '../../domain/columns.js';
import { printable } from '../../domain/text.js';

export interface FitColumn {
  header?: string;
  /** One cell per row. */
  cells: readonly string[];
  /** How narrow the column may be cut (with `…`); absent: never cut. */
  min?: number;
  /**
   * How wide a cut column should stay before it is cut further: columns are left out (by `drop`)
   * rather than cut below this. Defaults to `min`.
   */
  want?: number;
  /** Left out when the table does not fit: the highest number goes first; absent: always shown. */
  drop?: number;
  align?: 'left' | 'right';
}

const GAP = '  ';

/** Cuts `text` to at most `width` terminal columns, ending with `…` when anything was cut. */
export function cutToWidth(text: string, width: number): string {
  if (widthOf(text) <= width) return text;
  if (width <= 0) return '';
  let shown = '';
  let used = 0;
  // By grapheme, so an emoji with its modifiers or a letter with its accent is never split.
  for (const { segment } of segmenter().segment(text)) {
    const cell = widthOf(segment);
    if (used + cell > width - 1) break;
    shown += segment;
    used += cell;
  }
  return `${shown.trimEnd()}…`;
}

let graphemes: Intl.Segmenter | undefined;
const segmenter = (): Intl.Segmenter => (graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - widthOf(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * Lays `table` out in at most `width` terminal columns. Returns the lines (the header first when
 * any column has one) and which columns were kept.
 */
export function fitTable(
  table: readonly FitColumn[],
  width: number,
  paint?: (line: string, row: number) => string,
): { lines: string[]; kept: FitColumn[] } {
  const shown = table.map((column) => ({
    ...column,
    header: column.header === undefined ? undefined : printable(column.header),
    cells: column.cells.map((cell) => printable(cell)),
  }));
  const natural = (column: (typeof shown)[number]): number =>
    Math.max(column.header === undefined ? 0 : widthOf(column.header), ...column.cells.map(widthOf));
  let kept = shown;
  const comfortable = (columns: typeof shown): number =>
    columns.reduce((sum, column) => sum + Math.min(natural(column), column.want ?? column.min ?? Infinity), 0) +
    GAP.length * (columns.length - 1);
  while (comfortable(kept) > width) {
    const next = kept.reduce<(typeof shown)[number] | undefined>(
      (best, column) =>
        column.drop !== undefined && (best === undefined || column.drop > (best.drop ?? 0)) ? column : best,
      undefined,
    );
    if (!next) break;
    kept = kept.filter((column) => column !== next);
  }
  const widths = kept.map(natural);
  let excess = widths.reduce((sum, w) => sum + w, 0) + GAP.length * (kept.length - 1) - width;
  // Cut the widest cuttable column by one column at a time: long names share what is left.
  while (excess > 0) {
    let widest = -1;
    kept.forEach((column, index) => {
      const current = widths[index] ?? 0;
      if (column.min !== undefined && current > column.min && (widest < 0 || current > (widths[widest] ?? 0)))
        widest = index;
    });
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
    excess--;
  }
  const hasHeader = kept.some((column) => column.header !== undefined);
  const rows = Math.max(0, ...kept.map((column) => column.cells.length));
  const lines: string[] = [];
  const line = (cellOf: (column: (typeof shown)[number]) => string, row: number): void => {
    const text = kept
      .map((column, index) => {
        const cell = cutToWidth(cellOf(column), widths[index] ?? 0);
        return index === kept.length - 1 && column.align !== 'right'
          ? cell
          : pad(cell, widths[index] ?? 0, column.align);
      })
      .join(GAP)
      .trimEnd();
    // A terminal narrower than the columns that are never cut still gets no wrapped line.
    const fitted = cutToWidth(text, width);
    lines.push(paint ? paint(fitted, row) : fitted);
  };
  if (hasHeader) line((column) => column.header ?? '', -1);
  for (let row = 0; row < rows; row++) line((column) => column.cells[row] ?? '', row);
  return { lines, kept };
}
