/**
 * `report --html`: one self-contained HTML page — inline CSS, inline SVG drawn by Observable Plot,
 * no script, no font, image or stylesheet fetched — for a person or a client. Loaded only by
 * `report --html` (Plot and d3 take ~300 ms to load).
 */
import type { ReportPageData, ReportPageRenderer } from '../../app/deps.js';
import { formatDay } from '../../domain/dates.js';
import { formatMoney } from '../../domain/money.js';
import { plural, printable } from '../../domain/text.js';
import { daysChart, dueWeeksChart, monthLabel, monthsChart, statusChart } from './charts.js';
import type { Chart, ChartText } from './charts.js';
import { h, raw } from './markup.js';
import type { Child, Markup } from './markup.js';
import { plotDocument } from './plot-document.js';
import type { PlotDocument } from './plot-document.js';
import { PAGE_CSS } from './style.js';
import {
  accountTable,
  daysTable,
  dueWeeksTable,
  formatPercent,
  monthsTable,
  statusTable,
  totalsTable,
} from './tables.js';

export const reportPageRenderer: ReportPageRenderer = { render: renderReportPage };

export function renderReportPage(data: ReportPageData): string {
  const document = plotDocument();
  const scope = scopeWords(data);
  const head = h(
    'head',
    null,
    h('meta', { charset: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'generator', content: 'refund-claim' }),
    h('title', null, `Refund claims report, ${formatDay(data.today)}`),
    // Our own stylesheet, as it is: escaping would break its `>` selectors.
    raw(`<style>${PAGE_CSS}</style>`),
  );
  const header = h(
    'header',
    null,
    h('h1', null, data.account === null ? 'Refund claims' : `Refund claims: ${printable(data.account)}`),
    h('p', { class: 'meta' }, `${scope}. Made on ${formatDay(data.today)} by refund-claim.`),
  );
  const body = data.claims === 0 ? [emptyNotice(data)] : sections(document, data);
  const page = h('html', { lang: 'en' }, head, h('body', null, h('main', null, header, body, footer(data))));
  return `<!DOCTYPE html>${page.html}\n`;
}

function scopeWords(data: ReportPageData): string {
  const since = data.since === null ? 'All claims' : `Claims filed since ${formatDay(data.since)}`;
  return data.account === null ? `${since}, every account` : since;
}

function emptyNotice(data: ReportPageData): Markup {
  if (data.since === null && data.account === null) {
    return h(
      'p',
      { class: 'empty', role: 'status' },
      'There are no claims yet, so there is nothing to chart. Draft one with ',
      h('code', null, 'refund-claim new'),
      '.',
    );
  }
  const since = data.since === null ? '' : ` since ${formatDay(data.since)}`;
  return h('p', { class: 'empty', role: 'status' }, `No claims were filed${since}, so there is nothing to chart.`);
}

function sections(document: PlotDocument, data: ReportPageData): Child[] {
  const open = data.dueWeeks.reduce((sum, week) => sum + week.overdue + week.onTime, 0);
  const overdue = data.dueWeeks.reduce((sum, week) => sum + week.overdue, 0);
  return [
    h(
      'section',
      { id: 'totals' },
      h('h2', null, 'Totals per currency'),
      totalsTable(data.totals),
      h(
        'p',
        { class: 'note' },
        'Amounts in different currencies are never added together. Recovery rate: recovered ÷ requested, open claims counting as nothing recovered yet. Approval rate: claims whose latest answer approved them, fully or partly, of those the platform answered.',
      ),
    ),
    h(
      'section',
      { id: 'months' },
      h('h2', null, 'Requested and recovered per month'),
      data.months.map((currency) => {
        const months = currency.months;
        const text: ChartText = {
          title: `Requested and recovered per month filed, ${currency.currency}`,
          summary: `Per month, what the claims filed that month asked for (orange, left) and what has come back for them so far (dark blue, right), in ${currency.currency}.`,
          description: `Bars per month from ${monthLabel(months[0]?.month ?? '')} to ${monthLabel(months.at(-1)?.month ?? '')}: ${months
            .map(
              (m) =>
                `${monthLabel(m.month)} requested ${formatMoney(m.requested, currency.currency)}, recovered ${formatMoney(m.recovered, currency.currency)}`,
            )
            .join('; ')}.`,
        };
        return figure(text, (t) => monthsChart(document, currency, t), monthsTable(currency));
      }),
    ),
    h(
      'section',
      { id: 'statuses' },
      h('h2', null, 'Claims by status'),
      figure(
        {
          title: 'Claims by status',
          summary: 'How many claims are in each status now: open ones light, closed ones dark.',
          description: `${data.statuses.map((s) => `${s.status} ${s.claims}`).join(', ')} (${plural(data.claims, 'claim')} in all).`,
        },
        (text) => statusChart(document, data.statuses, text),
        statusTable(data.statuses),
      ),
    ),
    h(
      'section',
      { id: 'days' },
      h('h2', null, 'Days from filing to decision, by reason'),
      data.daysToDecision.length === 0
        ? h('p', null, 'No claim has had an answer from the platform yet.')
        : figure(
            {
              title: 'Days from filing to the first answer, by reason',
              summary:
                'Each dot is one answered claim: calendar days from filing to the platform’s first answer. The bar marks the median.',
              description: `${data.daysToDecision
                .map((r) => `${r.reason}: median ${r.median} days over ${plural(r.days.length, 'answered claim')}`)
                .join('; ')}.`,
            },
            (text) => daysChart(document, data.daysToDecision, text),
            daysTable(data.daysToDecision),
          ),
    ),
    h(
      'section',
      { id: 'due' },
      h('h2', null, 'Open claims by due week'),
      data.dueWeeks.length === 0
        ? h('p', null, 'No claim is open: nothing is due.')
        : figure(
            {
              title: 'Open claims by the week their next action is due',
              summary: `${plural(open, 'open claim')}, ${overdue} overdue: the overdue ones are the dark lower part of each bar, labelled.`,
              description: `${plural(open, 'open claim')}, ${overdue} overdue. ${data.dueWeeks
                .map(
                  (w) =>
                    `Week of ${formatDay(w.week)}: ${w.overdue + w.onTime}${w.overdue > 0 ? ` (${w.overdue} overdue)` : ''}`,
                )
                .join('; ')}.`,
            },
            (text) => dueWeeksChart(document, data.dueWeeks, text),
            dueWeeksTable(data.dueWeeks),
          ),
    ),
    h(
      'section',
      { id: 'accounts' },
      h('h2', null, data.accounts.length === 1 ? 'The account' : 'Accounts'),
      data.accounts.map((account) =>
        h(
          'section',
          { class: 'account' },
          h(
            'h3',
            null,
            printable(account.name),
            account.advertiserId === null ? null : ` (advertiser ID ${account.advertiserId})`,
          ),
          accountTable(account),
        ),
      ),
    ),
  ];
}

/**
 * A chart with its title and description as the figure's caption, and the figures it shows as a
 * table: readable without the picture, by a screen reader, and on paper.
 */
function figure(text: ChartText, draw: (text: ChartText) => Chart, figures: Markup): Markup {
  return h(
    'figure',
    { class: 'chart' },
    h('figcaption', null, h('strong', null, text.title), '. ', text.summary),
    draw(text).node,
    figures,
  );
}

function footer(data: ReportPageData): Markup {
  const rates = data.totals.map((t) => `${t.currency} ${formatPercent(t.recoveryRate)}`).join(', ');
  return h(
    'footer',
    null,
    h(
      'p',
      null,
      'A claim counts in the month it was filed (submitted to the platform; a draft in the month it was drafted). Days to decision count calendar days from filing to the platform’s first answer: a recorded decision, or a close as refunded, credited or rejected. A claim is overdue when its next action was due before the day this page was made.',
    ),
    rates === '' ? null : h('p', null, `Recovery rate per currency: ${rates}.`),
  );
}
