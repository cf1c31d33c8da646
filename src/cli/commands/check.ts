import type { Command } from 'commander';
import { checkStoredClaim } from '../../app/check-claim.js';
import { loadClaim } from '../../app/load-claim.js';
import { claimIdOf } from '../claim-id.js';
import type { CommandContext } from '../context.js';
import { fixFor, formatFindings } from '../output/findings.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { claimIdArgument } from '../options.js';

export function defineCheck(command: Command, context: CommandContext): void {
  command
    .argument('<id>', 'claim ID', claimIdArgument)
    .option('--json', 'print the findings as JSON')
    .addHelpText('after', examples('refund-claim check RC-0001', 'refund-claim check 1 && refund-claim bundle 1'))
    .action(async (given: number, options: { json?: boolean }) => {
      const id = await claimIdOf(context, given);
      const claim = await loadClaim(await context.adapters.store(), id);
      const findings = await checkStoredClaim(await context.useCaseDeps(), claim, { verifyFiles: true });
      if (options.json) {
        context.out(formatJson(findings.map((finding) => ({ ...finding, fix: fixFor(finding, claim) }))));
      } else {
        context.out(formatFindings(findings, claim, context.color));
      }
      if (findings.some((finding) => finding.severity === 'error')) context.exitCode = 1;
    });
}
