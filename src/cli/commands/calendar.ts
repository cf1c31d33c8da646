import type { Command } from 'commander';
import { exportCalendar } from '../../app/calendar-events.js';
import type { CommandContext } from '../context.js';
import { outputFileOf, writeTextFile } from '../files.js';
import { examples } from '../output/help.js';
import { plural } from '../../domain/text.js';

export function defineCalendar(command: Command, context: CommandContext): void {
  command
    .option('--out <file.ics>', 'where to write it (- for standard output)', 'refund-claim.ics')
    .addHelpText(
      'after',
      examples(
        'refund-claim calendar',
        'refund-claim calendar --out ~/Calendars/refund-claims.ics',
        'refund-claim calendar --out - > claims.ics',
      ),
    )
    .action(async (options: { out: string }) => {
      const out = await outputFileOf('--out', options.out, context.dataDir);
      const { text, count } = await exportCalendar({
        store: await context.adapters.store(),
        clock: context.deps.clock,
        writer: await context.adapters.calendar(),
      });
      // Regenerated on every run: overwriting the previous file is the point.
      if (out === null) context.out(text);
      else await writeTextFile('--out', out, text, context.dataDir);
      const where = out ?? 'standard output';
      context.err(
        count === 0
          ? `No open claims: wrote an empty calendar to ${where}.`
          : `Wrote ${plural(count, 'event')} to ${where}. Import it into your calendar app; importing a newer file updates the events.`,
      );
    });
}
