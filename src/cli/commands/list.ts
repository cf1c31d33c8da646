import { Option } from '../commander.js';
import type { Command } from 'commander';
import { CHANNELS, REASONS, STATUSES } from '../../domain/claim.js';
import type { Channel, Reason, Status } from '../../domain/claim.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { listItemDocument } from '../../app/formats/claim-json.js';
import { summaryTable, summaryTsv } from '../output/summary.js';

interface ListOptions {
  status?: Status;
  reason?: Reason;
  channel?: Channel;
  json?: boolean;
}

export function defineList(command: Command, context: CommandContext): void {
  command
    .addOption(new Option('--status <status>', 'only claims with this status').choices(STATUSES))
    .addOption(new Option('--reason <reason>', 'only claims for this reason').choices(REASONS))
    .addOption(new Option('--channel <channel>', 'only claims on this channel').choices(CHANNELS))
    .option('--json', 'print the claims as JSON')
    .addHelpText(
      'after',
      examples('refund-claim list', 'refund-claim list --status denied', 'refund-claim list --channel creator --json'),
    )
    .action(async (options: ListOptions) => {
      const claims = await (
        await context.adapters.store()
      ).listClaims({ status: options.status, reason: options.reason, channel: options.channel });
      if (options.json) {
        context.out(formatJson(claims.map(listItemDocument)));
      } else if (claims.length === 0) {
        const filtered = options.status ?? options.reason ?? options.channel;
        context.err(filtered ? 'No claims match.' : 'No claims yet. Draft one with `refund-claim new`.');
      } else if (context.stdoutIsTerminal) {
        context.out(summaryTable(claims));
      } else {
        context.out(claims.map(summaryTsv).join('\n'));
      }
    });
}
