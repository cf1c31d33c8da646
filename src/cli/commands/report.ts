import type { Command } from 'commander';
import { buildReport } from '../../app/report.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { formatReportTable, formatReportTsv, reportDocument } from '../output/report.js';
import { dateOption } from '../date-option.js';
import { UsageError } from '../../domain/errors.js';
import { writeReportHtml } from '../report-html.js';

interface ReportOptions {
  since?: string;
  json?: boolean;
  html?: string;
  account?: string;
  force?: boolean;
}

export function defineReport(command: Command, context: CommandContext): void {
  command
    .option('--since <date>', 'only claims drafted on or after this date (--html: filed)')
    .option('--json', 'print {groups: [...]} for scripts')
    .option('--html <file>', 'write a self-contained page with charts, for people (- for standard output)')
    .option('--account <name|advertiser ID>', "only this account's claims (with --html)")
    .option('--force', 'replace an existing --html file')
    .addHelpText(
      'after',
      examples(
        'refund-claim report',
        'refund-claim report --since 2026-01-01',
        "refund-claim report --json | jq '.groups[] | select(.recoveryRate < 0.5)'",
        'refund-claim report --html acme-2026.html --account "Acme Shoes" --since 2026-01-01',
      ),
    )
    .action(async (options: ReportOptions) => {
      const since = options.since === undefined ? null : dateOption('--since', options.since, context.now());
      if (options.html !== undefined) {
        if (options.json) throw new UsageError('--html and --json are two different outputs: give one of them.');
        const { html, account = null, force = false } = options;
        return writeReportHtml(context, { html, since, account, force });
      }
      if (options.account !== undefined || options.force) {
        throw new UsageError(`${options.force ? '--force' : '--account'} goes with --html in this version.`);
      }
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
