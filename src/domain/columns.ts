/**
 * Text measured and wrapped in terminal columns, as a support agent's screen shows it: a CJK
 * character or an emoji takes two columns, a combining accent none (string-width, which is pure).
 */
import stringWidth from 'string-width';

/** SPEC "Drafts": every line of a draft fits 80 columns. */
export const DRAFT_WIDTH = 80;

export function columns(text: string): number {
  return stringWidth(text);
}

export interface WrapOptions {
  /** Columns a line may take; 80 unless told. */
  width?: number;
  /**
   * Columns a wrapped line's continuation is indented by, past the line's own indentation. By
   * default a list item hangs under its text: `- ` by 2, `1. ` by 3, an evidence line
   * (`01  file-name  Caption`) by 4; other lines by 0.
   */
  hang?: number;
}

/** The hanging indent a line's own marker asks for. */
function markerHang(text: string): number {
  const evidence = /^\d{2,} {2}/.exec(text);
  if (evidence) return evidence[0].length;
  const item = /^(?:[-*] |\d+\. )/.exec(text);
  return item ? item[0].length : 0;
}

/**
 * Wraps every line longer than `width` at spaces. A word wider than a line (a long file name or
 * URL) is never broken: it stands alone on its line. Runs of spaces between words are kept where
 * the line is not broken (the evidence list's columns), dropped where it is.
 */
export function wrapText(text: string, options: WrapOptions = {}): string {
  const width = options.width ?? DRAFT_WIDTH;
  return text
    .split('\n')
    .map((line) => wrapLine(line, width, options.hang))
    .join('\n');
}

function wrapLine(line: string, width: number, hang: number | undefined): string {
  if (columns(line) <= width) return line;
  const indent = /^ */.exec(line)?.[0] ?? '';
  const body = line.slice(indent.length);
  const next = indent + ' '.repeat(hang ?? markerHang(body));
  // Words with the spaces before each: ['01', '  02-receipt.pdf', '  Invoice', ' of', …].
  // A date (`12 Nov 2026`) or an amount (`USD 412.50`) is kept on one line, like a word.
  const words = body.match(/ *(?:\d{1,2} [A-Z][a-z]{2} \d{4}\b|[A-Z]{3} \d[\d,.]*\d\b|[^ ]+)/g) ?? [];
  const lines: string[] = [];
  let current = indent;
  let empty = true;
  for (const word of words) {
    const bare = word.trimStart();
    if (empty) {
      current += bare;
      empty = false;
    } else if (columns(current + word) <= width) {
      current += word;
    } else {
      lines.push(current);
      current = next + bare;
    }
  }
  lines.push(current);
  return lines.map((l) => l.trimEnd()).join('\n');
}
