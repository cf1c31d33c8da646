import type { Command } from 'commander';
import { accountFilter } from '../../app/accounts.js';
import { exportCalendar } from '../../app/calendar-events.js';
import type { CommandContext } from '../context.js';
import { outputFileOf, writeTextFile } from '../files.js';
import { examples } from '../output/help.js';
import { plural } from '../../domain/text.js';

export function defineCalendar(command: Command, context: CommandContext): void {
  command
    .option('--out <file.ics>', 'write it to this file instead of standard output')
    .option('--account <name|advertiser ID>', "only this account's claims")
    .addHelpText(
      'after',
      examples(
        'refund-claim calendar > ~/Calendars/refund-claims.ics',
        'refund-claim calendar --out refund-claims.ics',
        'refund-claim calendar --account "Maple Street Bakery" --out maple.ics',
      ),
    )
    .action(async (options: { out?: string; account?: string }) => {
      const out = await outputFileOf('--out', options.out, context.dataDir);
      // Reads the claims; writes only what the calendar said under each UID, into an existing store.
      const store = await context.adapters.existingStore();
      const account = await accountFilter(store, options.account);
      const { text, count, cancelled } = await exportCalendar({
        store,
        clock: context.deps.clock,
        writer: await context.adapters.calendar(),
        account,
      });
      // Regenerated on every run: overwriting the previous file is the point.
      if (out === null) context.out(text);
      else await writeTextFile('--out', out, text, context.dataDir);
      const where = out ?? 'standard output';
      const removed = cancelled > 0 ? ` and ${plural(cancelled, 'cancellation')} (removing old events)` : '';
      context.err(
        count === 0 && cancelled === 0
          ? `No open claims: wrote an empty calendar to ${where}.`
          : `Wrote ${plural(count, 'event')}${removed} to ${where}. Import it into your calendar app; importing a newer file updates the events.`,
      );
    });
}
