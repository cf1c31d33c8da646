import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { verifyBundleFile, verifyClaimEvidence } from '../../app/verify-claim.js';
import { parseClaimId } from '../../domain/claim.js';
import { UsageError } from '../../domain/errors.js';
import { claimIdOf } from '../claim-id.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { formatBundleVerification, formatEvidenceVerification } from '../output/verification.js';
import type { Verification } from '../output/verification.js';

export function defineVerify(command: Command, context: CommandContext): void {
  command
    .argument('<id | bundle.zip>', 'a claim ID (re-hash its stored evidence) or a bundle written by `bundle`')
    .addHelpText(
      'after',
      examples(
        'refund-claim verify RC-0001',
        'refund-claim verify RC-0001-evidence.zip',
        'refund-claim verify 1 && refund-claim bundle 1',
      ),
    )
    .action(async (target: string) => {
      // A name ending in .zip is a bundle, found or not; then a claim ID; then any existing path
      // (a bundle written with `--out name.bin`; a FIFO or device, which the reader refuses by name).
      const named = /\.zip$/i.test(target);
      const given = named ? null : parseClaimId(target);
      if (given !== null) {
        const deps = { store: await context.adapters.store(), evidence: await context.adapters.evidence() };
        const { claim, results } = await verifyClaimEvidence(deps, await claimIdOf(context, given, deps.store));
        print(context, formatEvidenceVerification(claim, results));
      } else if (named || exists(target)) {
        const report = await verifyBundleFile({ bundles: await context.adapters.bundles() }, target);
        print(context, formatBundleVerification(target, report));
      } else {
        throw new UsageError(
          `"${target}" is neither a claim ID nor a bundle file.`,
          'Give a claim ID like RC-0001, or the path of a zip written by `refund-claim bundle`.',
        );
      }
    });
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Prints what was found; any problem makes the exit code 1. */
function print(context: CommandContext, verification: Verification): void {
  context.out(verification.stdout);
  if (verification.stderr !== null) context.err(verification.stderr);
  if (!verification.ok) context.exitCode = 1;
}
