import { statSync } from 'node:fs';
import type { Command } from 'commander';
import type { BundleReport } from '../../app/deps.js';
import { verifyBundleFile, verifyClaimEvidence } from '../../app/verify-claim.js';
import type { EvidenceIntegrity } from '../../app/verify-claim.js';
import { formatClaimId, parseClaimId } from '../../domain/claim.js';
import { UsageError } from '../../domain/errors.js';
import { escapeControls } from '../../domain/text.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';

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
      const id = named ? null : parseClaimId(target);
      if (id !== null) {
        await verifyClaim(context, id);
      } else if (named || exists(target)) {
        printBundleReport(
          context,
          target,
          await verifyBundleFile({ bundles: await context.adapters.bundles() }, target),
        );
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

async function verifyClaim(context: CommandContext, id: number): Promise<void> {
  const { claim, results } = await verifyClaimEvidence(
    { store: await context.adapters.store(), evidence: await context.adapters.evidence() },
    id,
  );
  const claimId = formatClaimId(claim.id);
  const bad = results.filter((result) => result.state !== 'ok');
  for (const result of bad) context.out(claimLine(result));
  const count = `${results.length} evidence file${results.length === 1 ? '' : 's'}`;
  if (bad.length === 0) {
    context.out(
      `${claimId}: ${results.length === 0 ? 'no evidence files to check' : `${count}, all match their SHA-256`}.`,
    );
    return;
  }
  context.out(`${claimId}: ${bad.length} of ${count} ${bad.length === 1 ? 'has' : 'have'} a problem.`);
  for (const { evidence } of bad) {
    context.err(
      `  fix: refund-claim attach ${claimId} <original of ${evidence.name}> --kind ${evidence.kind} (restores the stored copy)`,
    );
  }
  context.exitCode = 1;
}

function claimLine({ evidence, fileName, state }: EvidenceIntegrity): string {
  const what =
    state === 'missing'
      ? 'the stored copy is gone from the evidence store'
      : 'the stored copy no longer matches its SHA-256';
  return `${state.padEnd(9)}#${evidence.seq} ${evidence.name} (${fileName}): ${what}`;
}

/** Names, details and the claim ID come from the zip, which may be hostile: escapes are shown, not sent. */
function printBundleReport(context: CommandContext, path: string, report: BundleReport): void {
  for (const problem of report.problems) {
    // `malformed` fills all nine columns of the kind: the space keeps it off the name.
    context.out(escapeControls(`${problem.kind.padEnd(8)} ${problem.entry ?? path} ${problem.detail}`));
  }
  const heading = escapeControls(`${path}${report.claimId ? ` (${report.claimId})` : ''}`);
  if (report.problems.length === 0) {
    context.out(`${heading}: ${report.entries} entries, all match SHA256SUMS and manifest.json.`);
    return;
  }
  const n = report.problems.length;
  context.out(`${heading}: ${n} problem${n === 1 ? '' : 's'}.`);
  context.exitCode = 1;
}
