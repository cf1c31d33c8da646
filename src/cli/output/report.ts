/**
 * What `report` prints: recovery per group and currency with a total row per currency, as a
 * table fitted to the terminal, tab-separated lines with a header, or JSON.
 */
import type { GroupKey, Report, ReportBy, ReportFigures, ReportGroup } from '../../app/report.js';
import { formatMoney, toDecimalString } from '../../domain/money.js';
import type { Colors } from '../context.js';
import { fitTable } from './fit-table.js';
import type { FitColumn } from './fit-table.js';
import { formatRate, rateBar } from './rates.js';
import { formatTsvRow } from './table.js';

/** Rates as scripts get them: 0–1, rounded to 4 decimals. */
export function roundRate(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 10_000) / 10_000;
}

function keyDocument(key: GroupKey) {
  switch (key.by) {
    case 'channel-reason':
      return { channel: key.channel, reason: key.reason };
    case 'account':
      return { account: key.account, advertiserId: key.advertiserId };
    case 'month':
      return { month: key.month };
  }
}

function figuresDocument(figures: ReportFigures) {
  const money = (minor: number) => toDecimalString(minor, figures.currency);
  return {
    currency: figures.currency,
    claims: figures.claims,
    requested: money(figures.requested),
    recovered: money(figures.recovered),
    approved: money(figures.approved),
    recoveryRate: roundRate(figures.recoveryRate),
    approvalRate: roundRate(figures.approvalRate),
  };
}

/** SPEC's JSON: `{groups: [...], totals: [...]}`, amounts as decimal strings, rates rounded to 4 decimals. */
export function reportDocument(report: Report) {
  return {
    groups: report.groups.map((group) => ({
      ...keyDocument(group.key),
      ...figuresDocument(group),
      medianDaysToDecision: group.medianDaysToDecision,
    })),
    totals: report.totals.map(figuresDocument),
  };
}

const KEY_HEADERS: Record<ReportBy, string[]> = {
  'channel-reason': ['CHANNEL', 'REASON'],
  account: ['ACCOUNT'],
  month: ['MONTH'],
};

function keyCells(key: GroupKey): string[] {
  switch (key.by) {
    case 'channel-reason':
      return [key.channel, key.reason];
    case 'account':
      return [key.account];
    case 'month':
      return [key.month];
  }
}

export function formatReportTable(
  report: Report,
  by: ReportBy,
  since: string | null,
  color: Colors,
  width: number,
): string {
  const rows: { key: string[]; figures: ReportFigures; total: boolean }[] = [
    ...report.groups.map((group: ReportGroup) => ({ key: keyCells(group.key), figures: group, total: false })),
    ...report.totals.map((figures) => ({
      key: KEY_HEADERS[by].map((_, index) => (index === 0 ? `Total ${figures.currency}` : '')),
      figures,
      total: true,
    })),
  ];
  const money = (pick: (f: ReportFigures) => number) =>
    rows.map(({ figures }) => formatMoney(pick(figures), figures.currency));
  const columns: FitColumn[] = [
    ...KEY_HEADERS[by].map((header, index) => ({
      header,
      cells: rows.map((row) => row.key[index] ?? ''),
      // Channels, reasons and months are short: only an account's name is ever cut.
      ...(by === 'account' ? { min: 8, want: 20 } : {}),
    })),
    { header: 'CLAIMS', cells: rows.map(({ figures }) => String(figures.claims)), align: 'right' },
    { header: 'REQUESTED', cells: money((f) => f.requested), align: 'right' },
    { header: 'RECOVERED', cells: money((f) => f.recovered), align: 'right' },
    {
      header: 'APPROVED',
      cells: rows.map(({ figures }) =>
        figures.approved === 0 ? '—' : formatMoney(figures.approved, figures.currency),
      ),
      align: 'right',
      // Worth its place only when some money is on its way.
      drop: rows.some(({ figures }) => figures.approved > 0) ? 1 : 6,
    },
    { header: '', cells: rows.map(({ figures }) => rateBar(figures.recoveryRate)), drop: 5 },
    {
      header: 'RECOVERY',
      cells: rows.map(({ figures }) => formatRate(figures.recoveryRate)),
      align: 'right',
      drop: 2,
    },
    {
      header: 'APPROVAL',
      cells: rows.map(({ figures }) =>
        figures.decided === 0
          ? '—'
          : `${figures.approvedClaims}/${figures.decided} ${formatRate(figures.approvalRate)}`,
      ),
      drop: 3,
    },
    {
      header: 'DAYS',
      cells: rows.map(({ figures, total }) =>
        total || figures.medianDaysToDecision === null ? '—' : String(figures.medianDaysToDecision),
      ),
      align: 'right',
      drop: 4,
    },
  ];
  const { lines } = fitTable(columns, width);
  const firstTotal = report.groups.length + 1;
  return [
    color.bold(since === null ? 'All claims' : `Claims filed since ${since}`),
    lines.map((line, index) => (index === 0 || index >= firstTotal ? color.bold(line) : line)).join('\n'),
    '',
    color.dim(
      [
        'APPROVED  granted, not yet received',
        'RECOVERY  recovered ÷ requested; open claims count as nothing recovered yet',
        'APPROVAL  claims approved (fully or partly), of those answered',
        'DAYS      median calendar days from filing to the first answer',
      ].join('\n'),
    ),
  ].join('\n');
}

const TSV_KEY_HEADERS: Record<ReportBy, string[]> = {
  'channel-reason': ['channel', 'reason'],
  account: ['account', 'advertiser_id'],
  month: ['month'],
};

/**
 * A header line, then one line per group: the group's key, currency, claims, requested,
 * recovered, approved, recovery rate, approval rate, median days; then one `total` line per
 * currency (its other key cells and median empty).
 */
export function formatReportTsv(report: Report, by: ReportBy): string {
  const header = [
    ...TSV_KEY_HEADERS[by],
    'currency',
    'claims',
    'requested',
    'recovered',
    'approved',
    'recovery_rate',
    'approval_rate',
    'median_days_to_decision',
  ];
  const figures = (f: ReportFigures, median: number | null) => {
    const document = figuresDocument(f);
    return [
      document.currency,
      document.claims,
      document.requested,
      document.recovered,
      document.approved,
      document.recoveryRate === null ? null : String(document.recoveryRate),
      document.approvalRate === null ? null : String(document.approvalRate),
      median,
    ];
  };
  const groupKey = (key: GroupKey): (string | null)[] =>
    key.by === 'account' ? [key.account, key.advertiserId] : keyCells(key);
  return [
    header.join('\t'),
    ...report.groups.map((group) =>
      formatTsvRow([...groupKey(group.key), ...figures(group, group.medianDaysToDecision)]),
    ),
    ...report.totals.map((total) =>
      formatTsvRow([...TSV_KEY_HEADERS[by].map((_, index) => (index === 0 ? 'total' : null)), ...figures(total, null)]),
    ),
  ].join('\n');
}
