import { Option } from '../commander.js';
import type { Command } from 'commander';
import { accountFilter } from '../../app/accounts.js';
import { buildReport, REPORT_BY } from '../../app/report.js';
import type { ReportBy } from '../../app/report.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { formatReportTable, formatReportTsv, reportDocument } from '../output/report.js';
import { dateOption } from '../date-option.js';
import { UsageError } from '../../domain/errors.js';
import { writeReportHtml } from '../report-html.js';

interface ReportOptions {
  since?: string;
  account?: string;
  by: ReportBy;
  json?: boolean;
  html?: string;
  force?: boolean;
}

export function defineReport(command: Command, context: CommandContext): void {
  command
    .option('--since <date>', 'only claims filed (a draft: drafted) on or after this date')
    .option('--account <name|advertiser ID>', "only this account's claims")
    .addOption(new Option('--by <grouping>', 'group by').choices(REPORT_BY).default('channel-reason'))
    .option('--json', 'print {groups: [...], totals: [...]} for scripts')
    .option('--html <file>', 'write a self-contained page with charts, for people (- for standard output)')
    .option('--force', 'replace an existing --html file')
    .addHelpText(
      'after',
      examples(
        'refund-claim report',
        'refund-claim report --by month --since 2026-01-01',
        "refund-claim report --by account --json | jq '.groups[] | select(.recoveryRate < 0.5)'",
        'refund-claim report --html acme-2026.html --account "Acme Shoes" --since 2026-01-01',
      ),
    )
    .action(async (options: ReportOptions) => {
      const since = options.since === undefined ? null : dateOption('--since', options.since, context.now());
      if (options.html !== undefined) {
        if (options.json) throw new UsageError('--html and --json are two different outputs: give one of them.');
        const { html, account, force = false } = options;
        return writeReportHtml(context, { html, since, account, force });
      }
      if (options.force) throw new UsageError('--force goes with --html: it replaces an existing page.');
      // Reads only: a data directory that does not exist yet stays that way.
      const store = await context.adapters.existingStore();
      const account = await accountFilter(store, options.account);
      const report =
        store === null ? { groups: [], totals: [] } : await buildReport(store, { since, by: options.by, account });
      if (options.json) {
        context.out(formatJson(reportDocument(report)));
      } else if (report.groups.length === 0) {
        context.err(
          since === null ? 'No claims yet. Draft one with `refund-claim new`.' : `No claims filed since ${since}.`,
        );
      } else if (context.stdoutIsTerminal) {
        context.out(formatReportTable(report, options.by, since, context.color, context.terminalWidth));
      } else {
        context.out(formatReportTsv(report, options.by));
      }
    });
}
