/** One claim per line for scripts, as `list` and `accounts show` print it when piped. */
import type { ClaimSummary } from '../../app/deps.js';
import { formatClaimId } from '../../domain/claim.js';
import { toDecimalString } from '../../domain/money.js';
import { formatTsvRow } from './table.js';

/**
 * SPEC's order: id, status, channel, reason, account name, promotion ID, promotion name,
 * currency, requested, recovered, next action, due.
 */
export function summaryTsv(claim: ClaimSummary): string {
  return formatTsvRow([
    formatClaimId(claim.id),
    claim.status,
    claim.channel,
    claim.reason,
    claim.accountName,
    claim.promotionId,
    claim.promotionName,
    claim.currency,
    toDecimalString(claim.requested, claim.currency),
    claim.recovered === null ? null : toDecimalString(claim.recovered, claim.currency),
    claim.nextAction,
    claim.nextDue,
  ]);
}
