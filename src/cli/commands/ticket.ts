import type { Command } from 'commander';
import { renderTicket } from '../../app/formats/ticket-view.js';
import { checkStoredClaim } from '../../app/check-claim.js';
import { loadClaim } from '../../app/load-claim.js';
import { formatClaimId } from '../../domain/claim.js';
import { plural } from '../../domain/text.js';
import { formatFindings } from '../output/findings.js';
import { claimIdOf } from '../claim-id.js';
import type { CommandContext } from '../context.js';
import { outputFileOf, writeTextFile } from '../files.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';

export function defineTicket(command: Command, context: CommandContext): void {
  command
    .argument('<id>', 'claim ID', claimIdArgument)
    .option('--out <file>', 'write it to this file instead of standard output (- for standard output)')
    .addHelpText(
      'after',
      examples(
        'refund-claim ticket RC-0001',
        'refund-claim ticket 1 --out ticket.txt',
        'refund-claim ticket 1 | pbcopy',
      ),
    )
    .action(async (given: number, options: { out?: string }) => {
      const out = await outputFileOf('--out', options.out, context.dataDir);
      const id = await claimIdOf(context, given);
      const claim = await loadClaim(await context.adapters.store(), id);
      const text = renderTicket(await context.adapters.templates(), claim);
      // A draft with a check error is still printed (it may be filed later), but never quietly.
      const findings = await checkStoredClaim(await context.useCaseDeps(), claim, { verifyFiles: false });
      const errors = findings.filter((finding) => finding.severity === 'error');
      if (errors.length > 0) {
        const [, ...lines] = formatFindings(errors, claim, context.color).split('\n');
        context.err(
          [
            `warning: ${formatClaimId(claim.id)} has ${plural(errors.length, 'error')} in check; support may refuse it as it is:`,
            ...lines,
          ].join('\n'),
        );
      }
      if (out === null) {
        context.out(text);
      } else {
        await writeTextFile('--out', out, text, context.dataDir);
        context.err(`Ticket draft written to ${out}.`);
      }
    });
}
