/** What `report` prints: recovery by channel and reason, as a table, tab-separated lines or JSON. */
import type { ReportGroup } from '../../app/report.js';
import { formatMoney, toDecimalString } from '../../domain/money.js';
import type { Colors } from '../context.js';
import { formatRate, rateBar } from './rates.js';
import { formatTable, formatTsvRow } from './table.js';

/** SPEC's JSON: `{groups: [...]}`, amounts as decimal strings, rates unrounded. */
export function reportDocument(groups: readonly ReportGroup[]) {
  return { groups: groups.map(groupDocument) };
}

function groupDocument(group: ReportGroup) {
  return {
    channel: group.channel,
    reason: group.reason,
    currency: group.currency,
    claims: group.claims,
    requested: toDecimalString(group.requested, group.currency),
    recovered: toDecimalString(group.recovered, group.currency),
    recoveryRate: group.recoveryRate,
    approvalRate: group.approvalRate,
    medianDaysToDecision: group.medianDaysToDecision,
  };
}

export function formatReportTable(groups: readonly ReportGroup[], since: string | null, color: Colors): string {
  const header = ['CHANNEL', 'REASON', 'CLAIMS', 'REQUESTED', 'RECOVERED', 'RECOVERY', '', 'APPROVED', 'DAYS'];
  const rows = groups.map((group) => [
    group.channel,
    group.reason,
    String(group.claims),
    formatMoney(group.requested, group.currency),
    formatMoney(group.recovered, group.currency),
    rateBar(group.recoveryRate),
    formatRate(group.recoveryRate).padStart(4),
    group.decided === 0 ? '—' : `${group.approved}/${group.decided} ${formatRate(group.approvalRate)}`,
    group.medianDaysToDecision === null ? '—' : String(group.medianDaysToDecision),
  ]);
  return [
    color.bold(since === null ? 'All claims' : `Claims drafted since ${since}`),
    formatTable([header, ...rows], (line, index) => (index === 0 ? color.bold(line) : line)),
    '',
    color.dim(
      [
        'RECOVERY  recovered ÷ requested; open claims count as nothing recovered yet',
        'APPROVED  claims whose latest answer approved them (fully or partly), of those answered',
        'DAYS      median calendar days from filing to the first answer',
      ].join('\n'),
    ),
  ].join('\n');
}

/** One line per group: channel, reason, currency, claims, requested, recovered, recovery rate, approval rate, median days. */
export function formatReportTsv(groups: readonly ReportGroup[]): string {
  return groups.map(tsvRow).join('\n');
}

function tsvRow(group: ReportGroup): string {
  const document = groupDocument(group);
  return formatTsvRow([
    document.channel,
    document.reason,
    document.currency,
    document.claims,
    document.requested,
    document.recovered,
    document.recoveryRate === null ? null : String(document.recoveryRate),
    document.approvalRate === null ? null : String(document.approvalRate),
    document.medianDaysToDecision,
  ]);
}
