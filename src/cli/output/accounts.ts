/** What `accounts` prints for scripts and JSON, and `accounts show`'s head; the table is ./accounts-table.ts. */
import type { AccountSummary } from '../../app/accounts.js';
import { formatMoney, toDecimalString } from '../../domain/money.js';
import type { Colors } from '../context.js';
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
