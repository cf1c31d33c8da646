import type { Command } from 'commander';
import { accountFilter } from '../../app/accounts.js';
import { dueList } from '../../app/due-list.js';
import { dueItemDocument } from '../../app/formats/claim-json.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { formatDueTsv } from '../output/due-list.js';
import { formatJson } from '../output/json.js';
import { parseDays } from '../options.js';

export const EXIT_OVERDUE = 8;

interface StatusOptions {
  within: number;
  account?: string;
  json?: boolean;
  exitStatus?: boolean;
}

export function defineStatus(command: Command, context: CommandContext): void {
  command
    .option('--within <days>', 'how many days ahead count as due soon', parseDays, 7)
    .option('--account <name|advertiser ID>', "only this account's claims")
    .option('--json', 'print [{id, status, action, due, overdue, daysLeft, account}] for scripts')
    .option('--exit-status', 'exit with 8 when anything is overdue (for cron)')
    .addHelpText(
      'after',
      examples(
        'refund-claim status',
        'refund-claim status --account "Maple Street Bakery" --within 14',
        'refund-claim status --exit-status || notify-send "claims overdue"',
      ),
    )
    .action(async (options: StatusOptions) => {
      // Reads only: a data directory that does not exist yet stays that way.
      const store = await context.adapters.existingStore();
      const account = await accountFilter(store, options.account);
      const items = store === null ? [] : await dueList(store, context.today(), options.within, account);
      if (options.json) {
        context.out(formatJson(items.map(dueItemDocument)));
      } else if (items.length === 0) {
        context.err(
          account === null
            ? 'Nothing pending: no open claim needs action.'
            : `Nothing pending for ${account.name}: none of its claims needs action.`,
        );
      } else if (context.stdoutIsTerminal) {
        const { formatDueTable } = await import('../output/due-table.js');
        context.out(formatDueTable(items, options.within, context.color, context.terminalWidth));
      } else {
        context.out(formatDueTsv(items));
      }
      if (options.exitStatus && items.some((item) => item.overdue)) context.exitCode = EXIT_OVERDUE;
    });
}
