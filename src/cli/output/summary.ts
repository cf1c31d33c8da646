/** One claim per line, as `list` prints it: a table on a terminal, tab-separated otherwise. */
import type { ClaimSummary } from '../../app/deps.js';
import { formatClaimId } from '../../domain/claim.js';
import { formatMoney, toDecimalString } from '../../domain/money.js';
import { formatTable, formatTsvRow, truncate } from './table.js';

export function summaryTable(claims: readonly ClaimSummary[]): string {
  const header = ['ID', 'STATUS', 'CHANNEL', 'REASON', 'ACCOUNT', 'PROMOTION', 'REQUESTED', 'NEXT'];
  const rows = claims.map((claim) => [
    formatClaimId(claim.id),
    claim.status,
    claim.channel,
    claim.reason,
    truncate(claim.accountName, 24),
    truncate(claim.promotionName ? `${claim.promotionId} ${claim.promotionName}` : claim.promotionId, 32),
    formatMoney(claim.requested, claim.currency),
    claim.nextAction ? `${claim.nextAction} ${claim.nextDue ?? ''}` : '—',
  ]);
  return formatTable([header, ...rows]);
}

/** id, status, channel, reason, account, advertiser ID, promotion ID, promotion name, requested, currency, next action, due. */
export function summaryTsv(claim: ClaimSummary): string {
  return formatTsvRow([
    formatClaimId(claim.id),
    claim.status,
    claim.channel,
    claim.reason,
    claim.accountName,
    claim.advertiserId,
    claim.promotionId,
    claim.promotionName,
    toDecimalString(claim.requested, claim.currency),
    claim.currency,
    claim.nextAction,
    claim.nextDue,
  ]);
}
