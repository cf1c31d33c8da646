/**
 * What `status` prints for scripts: one tab-separated line per open claim. The row formatting of
 * piped `status` lives here alone; the terminal's table is in ./due-table.ts.
 */
import type { DueItem } from '../../app/due-list.js';
import { formatClaimId } from '../../domain/claim.js';
import { toDecimalString } from '../../domain/money.js';
import { formatTsvRow } from './table.js';

/**
 * One line per item, SPEC's order: id, status, action, due, label, account name, promotion ID,
 * promotion name, currency, requested. Thousands of lines for cron: nothing is formatted per row
 * beyond the amount.
 */
export function formatDueTsv(items: readonly DueItem[]): string {
  return items
    .map(({ claim, action, due, label }) =>
      formatTsvRow([
        formatClaimId(claim.id),
        claim.status,
        action,
        due,
        label,
        claim.accountName,
        claim.promotionId,
        claim.promotionName,
        claim.currency,
        toDecimalString(claim.requested, claim.currency),
      ]),
    )
    .join('\n');
}
