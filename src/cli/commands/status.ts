import type { Command } from 'commander';
import { dueList } from '../../app/due-list.js';
import { dueItemDocument } from '../../app/formats/claim-json.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { formatDueTable, formatDueTsv } from '../output/due-list.js';
import { formatJson } from '../output/json.js';
import { parseDays } from '../options.js';

export const EXIT_OVERDUE = 8;

interface StatusOptions {
  within: number;
  json?: boolean;
  exitStatus?: boolean;
}

export function defineStatus(command: Command, context: CommandContext): void {
  command
    .option('--within <days>', 'how many days ahead count as due soon', parseDays, 7)
    .option('--json', 'print [{id, status, action, due, overdue, daysLeft}] for scripts')
    .option('--exit-status', 'exit with 8 when anything is overdue (for cron)')
    .addHelpText(
      'after',
      examples(
        'refund-claim status',
        'refund-claim status --within 14',
        'refund-claim status --exit-status || notify-send "claims overdue"',
      ),
    )
    .action(async (options: StatusOptions) => {
      const items = await dueList(await context.adapters.store(), context.today(), options.within);
      if (options.json) {
        context.out(formatJson(items.map(dueItemDocument)));
      } else if (items.length === 0) {
        context.err('Nothing pending: no open claim needs action.');
      } else if (context.stdoutIsTerminal) {
        context.out(formatDueTable(items, options.within, context.color));
      } else {
        context.out(formatDueTsv(items));
      }
      if (options.exitStatus && items.some((item) => item.overdue)) context.exitCode = EXIT_OVERDUE;
    });
}
