import { existsSync, statSync } from 'node:fs';
import { Option } from '../commander.js';
import type { Command } from 'commander';
import { importClaims } from '../../app/import-claims.js';
import type { EvidenceStore, ImportConflict } from '../../app/deps.js';
import { formatClaimId } from '../../domain/claim.js';
import { UsageError } from '../../domain/errors.js';
import type { CommandContext } from '../context.js';
import { readTextInput } from '../files.js';
import { examples } from '../output/help.js';

interface ImportOptions {
  onConflict: ImportConflict;
  withEvidence?: string;
}

export function defineImport(command: Command, context: CommandContext): void {
  command
    .argument('<file>', 'a file written by `refund-claim export` (- for standard input)')
    .addOption(
      new Option(
        '--on-conflict <how>',
        'when a claim ID is already used here: fail (import nothing), skip (keep the claim here) or renumber (import it under a new ID)',
      )
        .choices(['fail', 'skip', 'renumber'])
        .default('fail'),
    )
    .option('--with-evidence <dir>', 'copy the evidence files from this directory (written by export --with-evidence)')
    .addHelpText(
      'after',
      examples(
        'refund-claim import claims-backup.json --with-evidence claims-evidence',
        'refund-claim --data-dir ./restored import claims-backup.json',
        'refund-claim import old-laptop.json --on-conflict renumber',
      ),
    )
    .action(async (file: string, options: ImportOptions) => {
      const text = readTextInput('import', file, () => context.deps.readStdin());
      let folder: EvidenceStore | null = null;
      if (options.withEvidence !== undefined) {
        if (!existsSync(options.withEvidence) || !statSync(options.withEvidence).isDirectory()) {
          throw new UsageError(
            `--with-evidence ${options.withEvidence} is not a directory.`,
            'Give the directory `refund-claim export --with-evidence` wrote.',
          );
        }
        folder = await context.adapters.evidenceFolder(options.withEvidence);
      }
      const label = file === '-' ? 'standard input' : file;
      const result = await importClaims({ ...(await context.useCaseDeps()), folder }, text, {
        onConflict: options.onConflict,
        file: label,
      });

      if (result.imported.length > 0) context.out(result.imported.map((entry) => formatClaimId(entry.to)).join('\n'));
      const count = result.imported.length;
      const lines = [`Imported ${count} claim${count === 1 ? '' : 's'} from ${label}.`];
      const renumbered = result.imported.filter((entry) => entry.from !== entry.to);
      if (renumbered.length > 0) {
        lines.push(
          `Renumbered (the ID was taken): ${renumbered.map((e) => `${formatClaimId(e.from)} → ${formatClaimId(e.to)}`).join(', ')}.`,
        );
      }
      if (result.skipped.length > 0) {
        lines.push(`Skipped (already here, left as they are): ${result.skipped.map(formatClaimId).join(', ')}.`);
      }
      if (result.copied > 0) lines.push(`Copied ${result.copied} evidence file${result.copied === 1 ? '' : 's'}.`);
      if (result.missing.length > 0) {
        const n = result.missing.length;
        lines.push(
          `Evidence files are not included: ${n} of ${result.evidenceFiles} file${result.evidenceFiles === 1 ? '' : 's'} the claims use ${n === 1 ? 'is' : 'are'} not in this data directory, and \`refund-claim verify <id>\` will report ${n === 1 ? 'it' : 'them'} missing.`,
          '  Bring them with: refund-claim export --with-evidence <dir> on the old machine, then import --with-evidence <dir> --on-conflict skip here.',
        );
      }
      context.err(lines.join('\n'));
    });
}
