import { Option } from '../commander.js';
import type { Command } from 'commander';
import { accountFilter } from '../../app/accounts.js';
import { CHANNELS, REASONS, STATUSES } from '../../domain/claim.js';
import type { Channel, Reason, Status } from '../../domain/claim.js';
import { ownsClaim } from '../../domain/accounts.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { listItemDocument } from '../../app/formats/claim-json.js';
import { summaryTsv } from '../output/summary.js';

interface ListOptions {
  status?: Status;
  reason?: Reason;
  channel?: Channel;
  account?: string;
  json?: boolean;
}

export function defineList(command: Command, context: CommandContext): void {
  command
    .addOption(new Option('--status <status>', 'only claims with this status').choices(STATUSES))
    .addOption(new Option('--reason <reason>', 'only claims for this reason').choices(REASONS))
    .addOption(new Option('--channel <channel>', 'only claims on this channel').choices(CHANNELS))
    .option('--account <name|advertiser ID>', "only this account's claims")
    .option('--json', 'print the claims as JSON')
    .addHelpText(
      'after',
      examples(
        'refund-claim list',
        'refund-claim list --account 7012345678901234567 --status denied',
        'refund-claim list --channel creator --json',
      ),
    )
    .action(async (options: ListOptions) => {
      // Reads only: a data directory that does not exist yet stays that way.
      const store = await context.adapters.existingStore();
      const account = await accountFilter(store, options.account);
      const all =
        store === null
          ? []
          : await store.listClaims({ status: options.status, reason: options.reason, channel: options.channel });
      const claims = account === null ? all : all.filter((claim) => ownsClaim(account, claim));
      if (options.json) {
        context.out(formatJson(claims.map(listItemDocument)));
      } else if (claims.length === 0) {
        const filtered = options.status ?? options.reason ?? options.channel ?? options.account;
        context.err(filtered ? 'No claims match.' : 'No claims yet. Draft one with `refund-claim new`.');
      } else if (context.stdoutIsTerminal) {
        const { summaryTable } = await import('../output/summary-table.js');
        context.out(summaryTable(claims, context.terminalWidth));
      } else {
        context.out(claims.map(summaryTsv).join('\n'));
      }
    });
}
