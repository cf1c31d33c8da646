/** The page's tables: totals per currency, the figures behind each chart, and one table per account. */
import type { AccountTable, CurrencyMonths, CurrencyTotals, DueWeek, ReasonDays, StatusCount } from '../../app/deps.js';
import { formatClaimId } from '../../domain/claim.js';
import { formatDay } from '../../domain/dates.js';
import { formatMoney } from '../../domain/money.js';
import { printable } from '../../domain/text.js';
import { monthLabel } from './charts.js';
import { h } from './markup.js';
import type { Child, Markup } from './markup.js';

/** `62%`; `—` when there is no rate (nothing requested, nothing answered). */
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/**
 * A table: header cells, body rows, an optional footer; `numeric` columns are right-aligned,
 * `nowrap` ones (IDs, dates) never broken over two lines.
 */
function table(
  options: { caption?: string; className?: string; numeric: readonly number[]; nowrap?: readonly number[] },
  header: readonly string[],
  rows: readonly (readonly Child[])[],
  footer: readonly (readonly Child[])[] = [],
): Markup {
  const cls = (index: number): string | null =>
    options.numeric.includes(index) ? 'n' : options.nowrap?.includes(index) ? 'nowrap' : null;
  const row = (cells: readonly Child[], tag: 'td' | 'th' = 'td') =>
    h(
      'tr',
      null,
      cells.map((cell, index) => h(tag, { class: cls(index) }, cell)),
    );
  return h(
    'table',
    { class: options.className },
    options.caption === undefined ? null : h('caption', null, options.caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        header.map((cell, index) => h('th', { class: cls(index), scope: 'col' }, cell)),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((cells) => row(cells)),
    ),
    footer.length === 0
      ? null
      : h(
          'tfoot',
          null,
          footer.map((cells) => row(cells)),
        ),
  );
}

export function totalsTable(totals: readonly CurrencyTotals[]): Markup {
  return table(
    { className: 'totals', numeric: [1, 2, 3, 4, 5] },
    ['Currency', 'Claims', 'Requested', 'Recovered', 'Recovery rate', 'Approval rate'],
    totals.map((total) => [
      total.currency,
      total.claims,
      formatMoney(total.requested, total.currency),
      formatMoney(total.recovered, total.currency),
      formatPercent(total.recoveryRate),
      total.decided === 0 ? '—' : `${formatPercent(total.approvalRate)} (${total.approved} of ${total.decided})`,
    ]),
  );
}

const FIGURES = 'The figures behind the chart';

export function monthsTable(data: CurrencyMonths): Markup {
  return table(
    { caption: FIGURES, className: 'chart-data', numeric: [1, 2, 3] },
    ['Month filed', 'Claims', 'Requested', 'Recovered'],
    data.months.map((month) => [
      monthLabel(month.month),
      month.claims,
      formatMoney(month.requested, data.currency),
      formatMoney(month.recovered, data.currency),
    ]),
  );
}

export function statusTable(data: readonly StatusCount[]): Markup {
  return table(
    { caption: FIGURES, className: 'chart-data', numeric: [2] },
    ['Status', 'Open or closed', 'Claims'],
    data.map((count) => [count.status, count.open ? 'open' : 'closed', count.claims]),
  );
}

export function daysTable(data: readonly ReasonDays[]): Markup {
  return table(
    { caption: FIGURES, className: 'chart-data', numeric: [1, 2] },
    ['Reason', 'Answered claims', 'Median days', 'Days of each claim'],
    data.map((reason) => [reason.reason, reason.days.length, reason.median, reason.days.join(', ')]),
  );
}

export function dueWeeksTable(data: readonly DueWeek[]): Markup {
  return table(
    { caption: FIGURES, className: 'chart-data', numeric: [1, 2, 3] },
    ['Week of', 'Overdue', 'Due', 'Total'],
    data.map((week) => [formatDay(week.week), week.overdue, week.onTime, week.overdue + week.onTime]),
  );
}

/** Every claim of the account, then its totals per currency. */
export function accountTable(account: AccountTable): Markup {
  return table(
    { numeric: [5, 6], nowrap: [0, 4] },
    ['Claim', 'Promotion', 'Reason', 'Status', 'Filed', 'Requested', 'Recovered', 'Next action'],
    account.claims.map((claim) => [
      formatClaimId(claim.id),
      printable(claim.promotion),
      claim.reason,
      claim.status,
      formatDay(claim.filedOn),
      formatMoney(claim.requested, claim.currency),
      claim.recovered === null ? '—' : formatMoney(claim.recovered, claim.currency),
      claim.nextAction === null || claim.due === null
        ? '—'
        : h(
            'span',
            { class: claim.overdue ? 'overdue' : null },
            `${claim.nextAction} by ${formatDay(claim.due)}${claim.overdue ? ' (overdue)' : ''}`,
          ),
    ]),
    account.totals.map((total) => [
      `Total ${total.currency}`,
      `${total.claims} ${total.claims === 1 ? 'claim' : 'claims'}`,
      '',
      `recovery ${formatPercent(total.recoveryRate)}`,
      '',
      formatMoney(total.requested, total.currency),
      formatMoney(total.recovered, total.currency),
      '',
    ]),
  );
}
