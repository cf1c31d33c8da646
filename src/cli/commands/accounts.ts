import type { Command } from 'commander';
import { editAccount, listAccountSummaries, showAccount } from '../../app/accounts.js';
import type { AccountChanges } from '../../app/accounts.js';
import { listItemDocument } from '../../app/formats/claim-json.js';
import { formatClaimId } from '../../domain/claim.js';
import { UsageError } from '../../domain/errors.js';
import type { Parsed } from '../../domain/parsed.js';
import { parseAdvertiserId, parseEmail, parseName, plural } from '../../domain/text.js';
import type { CommandContext } from '../context.js';
import { accountDocument, formatAccountHead, formatAccountsTsv } from '../output/accounts.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { summaryTsv } from '../output/summary.js';

const NO_ACCOUNTS = 'No saved accounts yet: `refund-claim new` saves the account of each claim.';

export function defineAccounts(command: Command, context: CommandContext): void {
  command
    .option('--json', 'print [{name, advertiserId, email, agency, salesRep, open, total, amounts}]')
    .addHelpText(
      'after',
      examples(
        'refund-claim accounts',
        'refund-claim accounts show "Maple Street Bakery"',
        'refund-claim accounts edit 7012345678901234567 --sales-rep "dana@tiktok.test"',
      ),
    )
    .action(async (options: { json?: boolean }) => {
      // Reads only: a data directory that does not exist yet stays that way.
      const store = await context.adapters.existingStore();
      const accounts = store === null ? [] : await listAccountSummaries(store);
      if (options.json) context.out(formatJson(accounts.map(accountDocument)));
      else if (accounts.length === 0) context.err(NO_ACCOUNTS);
      else if (context.stdoutIsTerminal) {
        const { formatAccountsTable } = await import('../output/accounts-table.js');
        context.out(formatAccountsTable(accounts, context.terminalWidth, context.color));
      } else context.out(formatAccountsTsv(accounts));
    });

  command
    .command('show')
    .description('one account and its claims')
    .argument('<account>', 'the account: its name or advertiser ID')
    .option('--json', 'print {account, claims}')
    .addHelpText(
      'after',
      examples(
        'refund-claim accounts show "Maple Street Bakery"',
        'refund-claim accounts show 7012345678901234567 --json',
      ),
    )
    .action(async (query: string, _: unknown, show: Command) => {
      // `accounts --json` is read before the subcommand: `accounts show x --json` lands there.
      const options = show.optsWithGlobals<{ json?: boolean }>();
      const store = await context.adapters.existingStore();
      if (store === null) throw new UsageError(`No saved account matches "${query}": there are no claims yet.`);
      const { account, claims } = await showAccount(store, query);
      if (options.json) {
        context.out(formatJson({ account: accountDocument(account), claims: claims.map(listItemDocument) }));
      } else if (context.stdoutIsTerminal) {
        const { summaryTable } = await import('../output/summary-table.js');
        const table = claims.length > 0 ? `\n\n${summaryTable(claims, context.terminalWidth)}` : '';
        context.out(formatAccountHead(account, context.color) + table);
      } else if (claims.length > 0) {
        context.out(claims.map(summaryTsv).join('\n'));
      } else {
        context.err(`${account.name} has no claims.`);
      }
    });

  command
    .command('edit')
    .description('correct a saved account; its open claims follow')
    .argument('<account>', 'the account: its name or advertiser ID')
    .option('--name <name>', 'the account or business name')
    .option('--email <email>', 'contact email for support replies')
    .option('--advertiser-id <digits>', 'Ads Manager advertiser ID')
    .option('--agency <name>', 'the agency filing for the advertiser')
    .option('--sales-rep <name or email>', "the account's TikTok sales representative")
    .addHelpText(
      'after',
      examples(
        'refund-claim accounts edit "Maple Street Bakery" --email billing@maple.test',
        'refund-claim accounts edit 7012345678901234567 --agency "Northwind Media" --sales-rep "Dana Li"',
      ),
    )
    .action(async (query: string, options: Record<string, string | undefined>) => {
      const changes = readChanges(options);
      if (Object.keys(changes).length === 0) {
        throw new UsageError(
          'Nothing to change: give at least one of --name, --email, --advertiser-id, --agency, --sales-rep.',
        );
      }
      const store = await context.adapters.existingStore();
      if (store === null) throw new UsageError(`No saved account matches "${query}": there are no claims yet.`);
      const result = await editAccount({ store, clock: context.deps.clock }, query, changes);
      if (result.changed.length === 0) {
        context.err(`Nothing changed: ${result.account.name} already has these values.`);
        return;
      }
      const claims = result.claims.map(formatClaimId).join(', ');
      context.err(
        `Saved ${result.account.name}: ${result.changed.map((key) => FLAGS[key].words).join(', ')} corrected` +
          (result.claims.length > 0 ? `; ${plural(result.claims.length, 'open claim')} followed (${claims}).` : '.'),
      );
    });
}

const FLAGS: Record<keyof AccountChanges, { flag: string; words: string; parse: (text: string) => Parsed<string> }> = {
  name: { flag: '--name', words: 'name', parse: (text) => parseName(text) },
  email: { flag: '--email', words: 'email', parse: parseEmail },
  advertiserId: { flag: '--advertiser-id', words: 'advertiser ID', parse: parseAdvertiserId },
  agency: { flag: '--agency', words: 'agency', parse: (text) => parseName(text) },
  salesRep: { flag: '--sales-rep', words: 'sales representative', parse: (text) => parseName(text) },
};

function readChanges(options: Record<string, string | undefined>): AccountChanges {
  const changes: AccountChanges = {};
  for (const [key, { flag, parse }] of Object.entries(FLAGS) as [keyof AccountChanges, (typeof FLAGS)['name']][]) {
    const input = options[key];
    if (input === undefined) continue;
    const parsed = parse(input);
    if (!parsed.ok) throw new UsageError(`${flag} ${parsed.error}.`);
    changes[key] = parsed.value;
  }
  return changes;
}
