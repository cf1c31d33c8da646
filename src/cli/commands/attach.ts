import { Option } from '../commander.js';
import type { Command } from 'commander';
import { attachEvidence } from '../../app/attach-evidence.js';
import { EVIDENCE_KINDS, formatClaimId } from '../../domain/claim.js';
import type { EvidenceKind } from '../../domain/claim.js';
import { UsageError } from '../../domain/errors.js';
import { formatSize } from '../../domain/sizes.js';
import { parseCaption } from '../../domain/text.js';
import { claimIdOf } from '../claim-id.js';
import type { CommandContext } from '../context.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';

export function defineAttach(command: Command, context: CommandContext): void {
  command
    .argument('<id>', 'claim ID', claimIdArgument)
    .argument('<files...>', 'files to add')
    .addOption(new Option('--kind <kind>', 'what the files are').choices(EVIDENCE_KINDS).makeOptionMandatory())
    .option('--caption <text>', 'one line for the support agent about these files')
    .addHelpText(
      'after',
      examples(
        'refund-claim attach RC-0001 invoice-2026-11.pdf --kind receipt',
        'refund-claim attach 1 dashboard.png spend.png --kind screenshot --caption "Spend kept running after the pause"',
      ),
    )
    .action(async (given: number, files: string[], options: { kind: EvidenceKind; caption?: string }) => {
      let caption: string | null = null;
      if (options.caption !== undefined) {
        const parsed = parseCaption(options.caption);
        if (!parsed.ok) throw new UsageError(`--caption ${parsed.error}.`);
        caption = parsed.value;
      }
      const id = await claimIdOf(context, given);
      const result = await attachEvidence(
        await context.useCaseDeps(),
        id,
        files.map((path) => ({ kind: options.kind, path, caption })),
      );
      const lines: string[] = [];
      if (result.added.length > 0) lines.push(`Added to ${formatClaimId(id)}:`);
      for (const item of result.added) {
        lines.push(`  #${item.number}  ${item.kind}  ${item.name}  (${item.mime}, ${formatSize(item.bytes)})`);
      }
      for (const item of result.skipped) lines.push(`Skipped ${item.path}: same content as evidence #${item.sameAs}.`);
      context.err(lines.join('\n'));
    });
}
