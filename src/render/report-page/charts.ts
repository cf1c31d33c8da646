/**
 * The page's charts, drawn by Observable Plot into linkedom's document (no browser, no script in
 * the page). Colours are Okabe and Ito's palette, told apart by people with every common colour
 * blindness, and each pair differs in lightness too, so a black-and-white print keeps them
 * apart; counts are also written on the bars.
 */
import * as Plot from '@observablehq/plot';
import type { CurrencyMonths, DueWeek, ReasonDays, StatusCount } from '../../app/deps.js';
import { formatDay } from '../../domain/dates.js';
import { currencyDigits } from '../../domain/money.js';
import { raw } from './markup.js';
import type { Markup } from './markup.js';
import type { PlotDocument, PlotElement } from './plot-document.js';

/** Okabe–Ito: dark blue, orange, sky blue, vermillion (https://jfly.uni-koeln.de/color/). */
export const PALETTE = { blue: '#0072B2', orange: '#E69F00', sky: '#56B4E9', vermillion: '#D55E00' } as const;

const WIDTH = 640;
const FONT = { fontSize: '11px', fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' };

export interface Chart {
  /** The svg, or a figure holding its legend and the svg. */
  node: Markup;
}

/** What a chart says in words: its title, a line under it, and every figure for screen readers. */
export interface ChartText {
  title: string;
  /** Shown under the title: how to read the chart. */
  summary: string;
  /** The svg's <desc> and aria-description: what the chart shows, figure by figure. */
  description: string;
}

/** Integer ticks for an axis of counts: 0, 1, 2, … up to about ten of them. */
function countAxis(max: number): { ticks: number; tickFormat: string } {
  return { ticks: Math.max(1, Math.min(max, 10)), tickFormat: 'd' };
}

/** `2026-11` → `Nov 2026`. */
export function monthLabel(month: string): string {
  return formatDay(`${month}-01`).replace(/^1 /, '');
}

/** Requested and recovered per month filed, in one currency: amounts in major units. */
export function monthsChart(document: PlotDocument, data: CurrencyMonths, text: ChartText): Chart {
  const scale = 10 ** currencyDigits(data.currency);
  const rows = data.months.flatMap((month) => [
    { month: monthLabel(month.month), kind: 'requested', amount: month.requested / scale },
    { month: monthLabel(month.month), kind: 'recovered', amount: month.recovered / scale },
  ]);
  return draw(document, text, {
    width: WIDTH,
    height: 240,
    marginLeft: 70,
    marginBottom: 40,
    fx: { domain: data.months.map((m) => monthLabel(m.month)), label: 'Month filed', axis: 'bottom', padding: 0.15 },
    x: { domain: ['requested', 'recovered'], axis: null },
    y: { label: `Amount (${data.currency})`, grid: true, nice: true },
    color: {
      legend: true,
      domain: ['requested', 'recovered'],
      range: [PALETTE.orange, PALETTE.blue],
    },
    marks: [
      Plot.barY(rows, { fx: 'month', x: 'kind', y: 'amount', fill: 'kind', stroke: 'black', strokeWidth: 0.5 }),
      Plot.ruleY([0]),
    ],
  });
}

/** How many claims are in each status: open ones light, closed ones dark. */
export function statusChart(document: PlotDocument, data: readonly StatusCount[], text: ChartText): Chart {
  const rows = data.map((count) => ({ ...count, state: count.open ? 'open' : 'closed' }));
  const max = Math.max(...data.map((count) => count.claims));
  return draw(document, text, {
    width: WIDTH,
    height: 40 + 28 * data.length,
    marginLeft: 130,
    marginRight: 30,
    y: { domain: data.map((count) => count.status), label: 'Status' },
    x: { label: 'Claims (count)', grid: true, ...countAxis(max) },
    color: { legend: true, domain: ['open', 'closed'], range: [PALETTE.sky, PALETTE.blue] },
    marks: [
      Plot.barX(rows, { y: 'status', x: 'claims', fill: 'state', stroke: 'black', strokeWidth: 0.5 }),
      Plot.text(rows, { y: 'status', x: 'claims', text: (d: StatusCount) => String(d.claims), dx: 8 }),
      Plot.ruleX([0]),
    ],
  });
}

/** Each answered claim as a dot at its days from filing to the first answer; the median as a bar. */
export function daysChart(document: PlotDocument, data: readonly ReasonDays[], text: ChartText): Chart {
  const dots = data.flatMap((reason) => reason.days.map((days) => ({ reason: reason.reason, days })));
  return draw(document, text, {
    width: WIDTH,
    height: 60 + 40 * data.length,
    marginLeft: 130,
    marginRight: 100,
    y: { domain: data.map((reason) => reason.reason), label: 'Reason' },
    x: { label: 'Days from filing to the first answer', grid: true, nice: true, zero: true },
    color: { legend: true, domain: ['one claim', 'median'], range: [PALETTE.blue, PALETTE.vermillion] },
    marks: [
      Plot.dot(dots, { y: 'reason', x: 'days', r: 4, stroke: PALETTE.blue, fill: PALETTE.blue, fillOpacity: 0.35 }),
      Plot.tickX(data, { y: 'reason', x: 'median', stroke: PALETTE.vermillion, strokeWidth: 3 }),
      Plot.text(data, {
        y: 'reason',
        x: (d: ReasonDays) => d.days.at(-1) ?? d.median,
        text: (d: ReasonDays) => `median ${d.median} d`,
        dx: 10,
        textAnchor: 'start',
      }),
    ],
  });
}

/** Open claims by the week their next action is due, the overdue ones stacked below in vermillion. */
export function dueWeeksChart(document: PlotDocument, data: readonly DueWeek[], text: ChartText): Chart {
  const weekLabel = (week: string): string => formatDay(week);
  const rows = data.flatMap((week) => [
    { week: weekLabel(week.week), state: 'overdue', claims: week.overdue },
    { week: weekLabel(week.week), state: 'due', claims: week.onTime },
  ]);
  const max = Math.max(...data.map((week) => week.overdue + week.onTime));
  const overdue = data.filter((week) => week.overdue > 0);
  return draw(document, text, {
    width: WIDTH,
    height: data.length > 6 ? 280 : 250,
    marginTop: 30,
    marginBottom: data.length > 6 ? 60 : 40,
    x: {
      domain: data.map((week) => weekLabel(week.week)),
      label: 'Week the next action is due (the Monday it starts)',
      tickRotate: data.length > 6 ? -30 : 0,
    },
    y: { label: 'Open claims (count)', grid: true, ...countAxis(max) },
    color: { legend: true, domain: ['overdue', 'due'], range: [PALETTE.vermillion, PALETTE.sky] },
    marks: [
      Plot.barY(rows, { x: 'week', y: 'claims', fill: 'state', stroke: 'black', strokeWidth: 0.5 }),
      Plot.text(overdue, {
        x: (d: DueWeek) => weekLabel(d.week),
        y: (d: DueWeek) => d.overdue / 2,
        text: (d: DueWeek) => `${d.overdue} overdue`,
        fill: 'white',
        fontWeight: 'bold',
      }),
      Plot.text(data, {
        x: (d: DueWeek) => weekLabel(d.week),
        y: (d: DueWeek) => d.overdue + d.onTime,
        text: (d: DueWeek) => String(d.overdue + d.onTime),
        dy: -8,
      }),
      Plot.ruleY([0]),
    ],
  });
}

/**
 * Draws one chart into `document`, labelled for assistive technology: aria attributes, and a
 * <title> and <desc> inside the svg. Labels are words (`Nov 2026`), never ISO dates, which Plot
 * would warn about on stderr.
 */
function draw(document: PlotDocument, text: ChartText, options: Plot.PlotOptions): Chart {
  const node = Plot.plot({
    ...options,
    style: FONT,
    document,
    ariaLabel: text.title,
    ariaDescription: text.description,
  }) as unknown as PlotElement;
  const svg = node.tagName.toLowerCase() === 'svg' ? node : Array.from(node.children).find(isSvg);
  if (svg) {
    svg.setAttribute('role', 'img');
    const title = document.createElement('title');
    title.textContent = text.title;
    const desc = document.createElement('desc');
    desc.textContent = text.description;
    svg.prepend(title, desc);
  }
  return { node: raw(node.outerHTML) };
}

const isSvg = (element: PlotElement): boolean => element.tagName.toLowerCase() === 'svg';
