import type { Command } from 'commander';
import { buildReport } from '../../app/report.js';
import type { ReportGroup } from '../../app/report.js';
import { formatMoney, toDecimalString } from '../../domain/money.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { formatRate, rateBar } from '../output/rates.js';
import { formatTable, formatTsvRow } from '../output/table.js';
import { dateOption } from '../date-option.js';

interface ReportOptions {
  since?: string;
  json?: boolean;
}

export function defineReport(command: Command, context: CommandContext): void {
  command
    .option('--since <date>', 'only claims drafted on or after this date')
    .option('--json', 'print {groups: [...]} for scripts')
    .addHelpText(
      'after',
      examples(
        'refund-claim report',
        'refund-claim report --since 2026-01-01',
        "refund-claim report --json | jq '.groups[] | select(.recoveryRate < 0.5)'",
      ),
    )
    .action(async (options: ReportOptions) => {
      const since = options.since === undefined ? null : dateOption('--since', options.since, context.now());
      const groups = await buildReport(await context.adapters.store(), { since });
      if (options.json) {
        context.out(formatJson({ groups: groups.map(reportDocument) }));
      } else if (groups.length === 0) {
        context.err(
          since === null ? 'No claims yet. Draft one with `refund-claim new`.' : `No claims drafted since ${since}.`,
        );
      } else if (context.stdoutIsTerminal) {
        context.out(terminalView(groups, since, context));
      } else {
        context.out(groups.map(tsvRow).join('\n'));
      }
    });
}

/** SPEC's JSON: amounts as decimal strings, rates unrounded. */
function reportDocument(group: ReportGroup) {
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

function terminalView(groups: readonly ReportGroup[], since: string | null, context: CommandContext): string {
  const { color } = context;
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

/** channel, reason, currency, claims, requested, recovered, recovery rate, approval rate, median days. */
function tsvRow(group: ReportGroup): string {
  const document = reportDocument(group);
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
