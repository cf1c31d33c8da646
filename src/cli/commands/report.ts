import type { Command } from 'commander';
import { buildReport } from '../../app/report.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { formatReportTable, formatReportTsv, reportDocument } from '../output/report.js';
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
        context.out(formatJson(reportDocument(groups)));
      } else if (groups.length === 0) {
        context.err(
          since === null ? 'No claims yet. Draft one with `refund-claim new`.' : `No claims drafted since ${since}.`,
        );
      } else if (context.stdoutIsTerminal) {
        context.out(formatReportTable(groups, since, context.color));
      } else {
        context.out(formatReportTsv(groups));
      }
    });
}
