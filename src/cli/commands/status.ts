import type { Command } from 'commander';
import { dueList } from '../../app/due-list.js';
import { dueItemDocument } from '../../app/formats/claim-json.js';
import type { DueGroup, DueItem } from '../../app/due-list.js';
import { formatClaimId } from '../../domain/claim.js';
import { formatMoney, toDecimalString } from '../../domain/money.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { formatTable, formatTsvRow, truncate } from '../output/table.js';
import { parseDays } from '../options.js';

export const EXIT_OVERDUE = 8;

interface StatusOptions {
  within: number;
  json?: boolean;
  exitStatus?: boolean;
}

const HEADINGS: Record<DueGroup, (within: number) => string> = {
  overdue: () => 'Overdue',
  today: () => 'Due today',
  soon: (within) => `Due within ${within} days`,
  later: () => 'Later',
};

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
        context.out(terminalView(items, options.within, context));
      } else {
        context.out(items.map(tsvRow).join('\n'));
      }
      if (options.exitStatus && items.some((item) => item.overdue)) context.exitCode = EXIT_OVERDUE;
    });
}

function promotion(item: DueItem): string {
  const { promotionId, promotionName } = item.claim;
  return promotionName ? `${promotionId} ${truncate(promotionName, 30)}` : promotionId;
}

function terminalView(items: readonly DueItem[], within: number, context: CommandContext): string {
  const { color } = context;
  const rows = items.map((item) => [
    formatClaimId(item.claim.id),
    item.claim.status,
    item.action,
    item.due,
    item.label,
    promotion(item),
    formatMoney(item.claim.requested, item.claim.currency),
  ]);
  const lines = formatTable(rows, (line, index) => {
    const group = items[index]?.group;
    return group === 'overdue' ? color.red(line) : group === 'today' ? color.yellow(line) : line;
  }).split('\n');
  const output: string[] = [];
  items.forEach((item, index) => {
    if (index === 0 || items[index - 1]?.group !== item.group) {
      output.push(`${output.length > 0 ? '\n' : ''}${color.bold(HEADINGS[item.group](within))}`);
    }
    output.push(`  ${lines[index] ?? ''}`);
  });
  return output.join('\n');
}

/** id, status, action, due, label, promotion ID, promotion name, requested, currency. */
function tsvRow(item: DueItem): string {
  const { claim } = item;
  return formatTsvRow([
    formatClaimId(claim.id),
    claim.status,
    item.action,
    item.due,
    item.label,
    claim.promotionId,
    claim.promotionName,
    toDecimalString(claim.requested, claim.currency),
    claim.currency,
  ]);
}
