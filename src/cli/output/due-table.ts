/**
 * What `status` prints on a terminal: the due list grouped by urgency, fitted to the terminal's
 * width. Loaded only for a terminal: measuring text in columns (string-width) costs start-up
 * time that piped and JSON output never pay.
 */
import type { DueGroup, DueItem } from '../../app/due-list.js';
import { formatClaimId } from '../../domain/claim.js';
import { formatMoney } from '../../domain/money.js';
import type { Colors } from '../context.js';
import { fitTable } from './fit-table.js';
import type { FitColumn } from './fit-table.js';

const HEADINGS: Record<DueGroup, (within: number) => string> = {
  overdue: () => 'Overdue',
  today: () => 'Due today',
  soon: (within) => `Due within ${within} days`,
  later: () => 'Later',
};

const INDENT = '  ';

/**
 * The columns, in SPEC's order. On a narrow terminal the status gives way first, then the
 * promotion ID beside its name; account and promotion names are cut with `…`.
 */
function dueColumns(items: readonly DueItem[], withPromotionId: boolean): FitColumn[] {
  const promotionName = (item: DueItem): string =>
    item.claim.promotionName ?? (withPromotionId ? '' : item.claim.promotionId);
  return [
    { cells: items.map((item) => formatClaimId(item.claim.id)) },
    { cells: items.map((item) => item.claim.status), drop: 2 },
    { cells: items.map((item) => item.action) },
    // The due date and its label share one column: `2026-11-12 overdue 2d`.
    { cells: items.map((item) => `${item.due} ${item.label}`) },
    { cells: items.map((item) => item.claim.accountName), min: 6, want: 16 },
    ...(withPromotionId ? [{ cells: items.map((item) => item.claim.promotionId), drop: 1 }] : []),
    { cells: items.map(promotionName), min: 6, want: 16 },
    { cells: items.map((item) => formatMoney(item.claim.requested, item.claim.currency)), align: 'right' as const },
  ];
}

export function formatDueTable(items: readonly DueItem[], within: number, color: Colors, width: number): string {
  const paint = (line: string, index: number): string => {
    const group = items[index]?.group;
    return group === 'overdue' ? color.red(line) : group === 'today' ? color.yellow(line) : line;
  };
  const available = width - INDENT.length;
  const withId = fitTable(dueColumns(items, true), available);
  // Without its ID column, a promotion without a name is shown by its ID.
  const { lines } = withId.kept.some((column) => column.drop === 1)
    ? withId
    : fitTable(dueColumns(items, false), available);
  const output: string[] = [];
  items.forEach((item, index) => {
    if (index === 0 || items[index - 1]?.group !== item.group) {
      output.push(`${output.length > 0 ? '\n' : ''}${color.bold(HEADINGS[item.group](within))}`);
    }
    output.push(INDENT + paint(lines[index] ?? '', index));
  });
  return output.join('\n');
}
