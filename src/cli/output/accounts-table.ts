/**
 * `accounts` on a terminal, fitted to its width. Loaded only for a terminal (string-width costs
 * start-up time that piped and JSON output never pay).
 */
import type { AccountSummary } from '../../app/accounts.js';
import { formatMoney } from '../../domain/money.js';
import type { Colors } from '../context.js';
import { fitTable } from './fit-table.js';

/**
 * One line per account and currency (an account's further currencies on lines of their own,
 * under its first). On a narrow terminal the sales representative gives way first, then the email,
 * the agency and the advertiser ID.
 */
export function formatAccountsTable(accounts: readonly AccountSummary[], width: number, color: Colors): string {
  const rows = accounts.flatMap((account) => {
    const amounts = account.amounts.length > 0 ? account.amounts : [null];
    return amounts.map((amount, index) => ({ account, amount, first: index === 0 }));
  });
  const cell = (text: (row: (typeof rows)[number]) => string) => rows.map((row) => (row.first ? text(row) : ''));
  const money = (pick: 'requested' | 'recovered') =>
    rows.map((row) => (row.amount ? formatMoney(row.amount[pick], row.amount.currency) : '—'));
  const { lines } = fitTable(
    [
      { header: 'ACCOUNT', cells: cell((row) => row.account.name), min: 8, want: 20 },
      { header: 'ADVERTISER ID', cells: cell((row) => row.account.advertiserId ?? '—'), drop: 1 },
      { header: 'EMAIL', cells: cell((row) => row.account.email), min: 10, want: 20, drop: 3 },
      { header: 'AGENCY', cells: cell((row) => row.account.agency ?? '—'), min: 8, want: 14, drop: 2 },
      { header: 'SALES REP', cells: cell((row) => row.account.salesRep ?? '—'), min: 8, want: 14, drop: 4 },
      { header: 'OPEN', cells: cell((row) => String(row.account.open)), align: 'right' },
      { header: 'CLAIMS', cells: cell((row) => String(row.account.total)), align: 'right' },
      { header: 'REQUESTED', cells: money('requested'), align: 'right' },
      { header: 'RECOVERED', cells: money('recovered'), align: 'right' },
    ],
    width,
  );
  return lines.map((line, index) => (index === 0 ? color.bold(line) : line)).join('\n');
}
