import { existsSync, statSync } from 'node:fs';
import { Option } from '../commander.js';
import type { Command } from 'commander';
import { importClaims } from '../../app/import-claims.js';
import type { EvidenceStore, ImportConflict } from '../../app/deps.js';
import { formatClaimId } from '../../domain/claim.js';
import { UsageError } from '../../domain/errors.js';
import type { CommandContext } from '../context.js';
import { INPUT_LIMITS, readTextInput } from '../files.js';
import { examples } from '../output/help.js';
import { formatImported } from '../output/transfer.js';

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
      const text = await readTextInput('import', file, INPUT_LIMITS.export, () => context.deps.readStdin());
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
      context.err(formatImported(result, label));
    });
}
