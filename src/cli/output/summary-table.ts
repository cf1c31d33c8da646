/**
 * `list` and `accounts show` on a terminal: one claim per line, fitted to the terminal's width.
 * A closed claim shows what was recovered, an open one what is asked. Loaded only for a
 * terminal (string-width costs start-up time that piped output never pays).
 */
import type { ClaimSummary } from '../../app/deps.js';
import { formatClaimId, isTerminal } from '../../domain/claim.js';
import { formatMoney } from '../../domain/money.js';
import { fitTable } from './fit-table.js';
import type { FitColumn } from './fit-table.js';

/** The amount a person looks for: recovered once closed (nothing back counts as 0), else requested. */
function shownAmount(claim: ClaimSummary): string {
  return formatMoney(isTerminal(claim.status) ? (claim.recovered ?? 0) : claim.requested, claim.currency);
}

/**
 * On a narrow terminal the channel gives way first, then the promotion ID beside its name, then
 * the reason, then the next action's due date; account and promotion names are cut with `…`.
 */
function listColumns(claims: readonly ClaimSummary[], withPromotionId: boolean): FitColumn[] {
  return [
    { header: 'ID', cells: claims.map((claim) => formatClaimId(claim.id)) },
    { header: 'STATUS', cells: claims.map((claim) => claim.status) },
    { header: 'CHANNEL', cells: claims.map((claim) => claim.channel), drop: 4 },
    { header: 'REASON', cells: claims.map((claim) => claim.reason), drop: 2 },
    { header: 'ACCOUNT', cells: claims.map((claim) => claim.accountName), min: 6, want: 16 },
    ...(withPromotionId ? [{ header: 'PROMOTION', cells: claims.map((claim) => claim.promotionId), drop: 3 }] : []),
    {
      header: withPromotionId ? 'NAME' : 'PROMOTION',
      cells: claims.map((claim) => claim.promotionName ?? (withPromotionId ? '' : claim.promotionId)),
      min: 6,
      want: 16,
    },
    { header: 'AMOUNT', cells: claims.map(shownAmount), align: 'right' },
    { header: 'NEXT', cells: claims.map((claim) => claim.nextAction ?? '—') },
    { header: 'DUE', cells: claims.map((claim) => claim.nextDue ?? ''), drop: 1 },
  ];
}

export function summaryTable(claims: readonly ClaimSummary[], width: number): string {
  const fitted = fitTable(listColumns(claims, true), width);
  if (fitted.kept.some((column) => column.drop === 3)) return fitted.lines.join('\n');
  return fitTable(listColumns(claims, false), width).lines.join('\n');
}
