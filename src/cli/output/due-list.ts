/** What `status` prints: the due list grouped by urgency on a terminal, tab-separated or JSON otherwise. */
import type { DueGroup, DueItem } from '../../app/due-list.js';
import { formatClaimId } from '../../domain/claim.js';
import { formatMoney, toDecimalString } from '../../domain/money.js';
import type { Colors } from '../context.js';
import { formatTable, formatTsvRow, truncate } from './table.js';

const HEADINGS: Record<DueGroup, (within: number) => string> = {
  overdue: () => 'Overdue',
  today: () => 'Due today',
  soon: (within) => `Due within ${within} days`,
  later: () => 'Later',
};

/** SPEC's JSON: `[{id, status, action, due, overdue, daysLeft}]`. */
function promotion(item: DueItem): string {
  const { promotionId, promotionName } = item.claim;
  return promotionName ? `${promotionId} ${truncate(promotionName, 30)}` : promotionId;
}

export function formatDueTable(items: readonly DueItem[], within: number, color: Colors): string {
  const rows = items.map((item) => [
    formatClaimId(item.claim.id),
    item.claim.status,
    item.action,
    item.due,
    item.label,
    promotion(item),
    formatMoney(item.claim.requested, item.claim.currency),
  ]);
  const lines = formatTable(rows, (line, index) => {
    const group = items[index]?.group;
    return group === 'overdue' ? color.red(line) : group === 'today' ? color.yellow(line) : line;
  }).split('\n');
  const output: string[] = [];
  items.forEach((item, index) => {
    if (index === 0 || items[index - 1]?.group !== item.group) {
      output.push(`${output.length > 0 ? '\n' : ''}${color.bold(HEADINGS[item.group](within))}`);
    }
    output.push(`  ${lines[index] ?? ''}`);
  });
  return output.join('\n');
}

/** One line per item: id, status, action, due, label, promotion ID, promotion name, requested, currency. */
export function formatDueTsv(items: readonly DueItem[]): string {
  return items
    .map(({ claim, action, due, label }) =>
      formatTsvRow([
        formatClaimId(claim.id),
        claim.status,
        action,
        due,
        label,
        claim.promotionId,
        claim.promotionName,
        toDecimalString(claim.requested, claim.currency),
        claim.currency,
      ]),
    )
    .join('\n');
}
