import type { Command } from 'commander';
import { claimDocument } from '../../app/formats/claim-json.js';
import { loadClaim } from '../../app/load-claim.js';
import { ClaimNotFoundError } from '../../domain/errors.js';
import { claimIdOf } from '../claim-id.js';
import type { CommandContext } from '../context.js';
import { formatClaim } from '../output/claim-text.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { claimIdArgument } from '../options.js';

export function defineShow(command: Command, context: CommandContext): void {
  command
    .argument('<id>', 'claim ID (RC-0007, rc-7 or 7)', claimIdArgument)
    .option('--json', 'print the claim as JSON')
    .addHelpText('after', examples('refund-claim show RC-0001', 'refund-claim show 1 --json | jq .nextAction'))
    .action(async (given: number, options: { json?: boolean }) => {
      // Reads only: without a data directory there is no claim, and none is created.
      const store = await context.adapters.existingStore();
      if (store === null) throw new ClaimNotFoundError(given);
      const claim = await loadClaim(store, await claimIdOf(context, given, store));
      const aliases = (await store.claimAliases([claim.id])).get(claim.id) ?? [];
      context.out(
        options.json
          ? formatJson(claimDocument(claim, context.today(), aliases))
          : formatClaim(claim, context.today(), context.color, aliases),
      );
    });
}
