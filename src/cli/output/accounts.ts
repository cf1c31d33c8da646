/** What `accounts` prints: the saved accounts, fitted to the terminal, tab-separated or JSON. */
import type { AccountSummary } from '../../app/accounts.js';
import { formatMoney, toDecimalString } from '../../domain/money.js';
import type { Colors } from '../context.js';
import { fitTable } from './fit-table.js';
import { formatTsvRow } from './table.js';

/** SPEC's JSON: `{name, advertiserId, email, agency, salesRep, open, total, amounts: [{currency, requested, recovered}]}`. */
export function accountDocument(account: AccountSummary) {
  return {
    name: account.name,
    advertiserId: account.advertiserId,
    email: account.email,
    agency: account.agency,
    salesRep: account.salesRep,
    open: account.open,
    total: account.total,
    amounts: account.amounts.map((amount) => ({
      currency: amount.currency,
      requested: toDecimalString(amount.requested, amount.currency),
      recovered: toDecimalString(amount.recovered, amount.currency),
    })),
  };
}

/**
 * One line per account and currency (an account's further currencies on lines of their own,
 * under its first). The email gives way first on a narrow terminal, then the agency.
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
      { header: 'OPEN', cells: cell((row) => String(row.account.open)), align: 'right' },
      { header: 'CLAIMS', cells: cell((row) => String(row.account.total)), align: 'right' },
      { header: 'REQUESTED', cells: money('requested'), align: 'right' },
      { header: 'RECOVERED', cells: money('recovered'), align: 'right' },
    ],
    width,
  );
  return lines.map((line, index) => (index === 0 ? color.bold(line) : line)).join('\n');
}

/**
 * Tab-separated, one line per account and currency: name, advertiser ID, email, agency, sales
 * representative, open, total, currency, requested, recovered (an account without claims: one
 * line with the last three empty).
 */
export function formatAccountsTsv(accounts: readonly AccountSummary[]): string {
  return accounts
    .flatMap((account) => {
      const head = [
        account.name,
        account.advertiserId,
        account.email,
        account.agency,
        account.salesRep,
        account.open,
        account.total,
      ];
      if (account.amounts.length === 0) return [formatTsvRow([...head, null, null, null])];
      return account.amounts.map((amount) =>
        formatTsvRow([
          ...head,
          amount.currency,
          toDecimalString(amount.requested, amount.currency),
          toDecimalString(amount.recovered, amount.currency),
        ]),
      );
    })
    .join('\n');
}

/** `accounts show` on a terminal: who the account is, then its totals per currency. */
export function formatAccountHead(account: AccountSummary, color: Colors): string {
  const lines = [
    color.bold(account.name),
    `Advertiser ID   ${account.advertiserId ?? '—'}`,
    `Email           ${account.email}`,
    `Agency          ${account.agency ?? '—'}`,
    `Sales rep       ${account.salesRep ?? '—'}`,
    `Claims          ${account.open} open of ${account.total}`,
    ...account.amounts.map(
      (amount) =>
        `${amount.currency.padEnd(16)}${formatMoney(amount.requested, amount.currency)} requested, ${formatMoney(amount.recovered, amount.currency)} recovered`,
    ),
  ];
  return lines.join('\n');
}
