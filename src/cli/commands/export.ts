import { existsSync, statSync } from 'node:fs';
import { Option } from '../commander.js';
import type { Command } from 'commander';
import { accountFilter } from '../../app/accounts.js';
import { exportCsv, exportEvidence, exportFile, exportXlsx } from '../../app/export-claims.js';
import type { EvidenceCopyResult } from '../../app/export-claims.js';
import { UsageError } from '../../domain/errors.js';
import type { CommandContext } from '../context.js';
import { checkOutsideDataDir, outputFileOf, writeTextFile } from '../files.js';
import { examples } from '../output/help.js';
import { formatJson } from '../output/json.js';
import { formatExported } from '../output/transfer.js';

interface ExportOptions {
  format: 'json' | 'csv' | 'xlsx';
  out?: string;
  account?: string;
  withEvidence?: string;
}

export function defineExport(command: Command, context: CommandContext): void {
  command
    .addOption(
      new Option(
        '--format <format>',
        'json (everything), csv (one row per claim) or xlsx (the same rows, typed cells, for spreadsheets)',
      )
        .choices(['json', 'csv', 'xlsx'])
        .default('json'),
    )
    .option('--account <name|advertiser ID>', "only this account's claims")
    .option('--out <file>', 'write to this file instead of standard output (- for standard output)')
    .option('--with-evidence <dir>', 'also copy the evidence files into this directory (json only)')
    .addHelpText(
      'after',
      examples(
        'refund-claim export --out claims-backup.json --with-evidence claims-evidence',
        'refund-claim export --format xlsx --out claims.xlsx',
        'refund-claim export | jq \'.claims[] | select(.status == "denied") | .id\'',
      ),
    )
    .action(async (options: ExportOptions) => {
      const out = await outputFileOf('--out', options.out, context.dataDir);
      if (options.format === 'xlsx' && out === null) {
        throw new UsageError(
          '--format xlsx needs --out <file.xlsx>: a spreadsheet is binary, not for standard output.',
          'Add --out claims.xlsx.',
        );
      }
      if (options.withEvidence !== undefined) {
        if (options.format !== 'json') {
          throw new UsageError(
            `--with-evidence goes with --format json: a ${options.format.toUpperCase()} file has no place for evidence.`,
          );
        }
        await assertDirectoryTarget(options.withEvidence, context.dataDir);
      }

      // Reads only: a data directory that does not exist yet stays that way.
      const store = await context.adapters.existingStore();
      const account = await accountFilter(store, options.account);
      let text: string | Uint8Array;
      let count: number;
      let copied: EvidenceCopyResult | null = null;
      if (options.format === 'xlsx') {
        ({ bytes: text, count } = await exportXlsx({ store, xlsx: await context.adapters.xlsx(), account }));
      } else if (options.format === 'csv') {
        ({ text, count } = await exportCsv({ store, csv: await context.adapters.csv(), account }));
      } else {
        const file = await exportFile({ store, clock: context.deps.clock, account });
        if (options.withEvidence !== undefined && file.claims.length > 0) {
          copied = await exportEvidence(
            file.claims.flatMap((claim) => claim.evidence),
            await context.adapters.evidence(),
            await context.adapters.evidenceFolder(options.withEvidence),
          );
        }
        text = formatJson(file);
        count = file.claims.length;
      }

      // A spreadsheet never reaches here without --out (refused above).
      if (out !== null) await writeTextFile('--out', out, text, context.dataDir);
      else if (typeof text === 'string') context.out(text);
      context.err(formatExported(count, out, copied, options.withEvidence));
      // The claims are saved, but a backup without some of its evidence must not pass for whole.
      if (copied !== null && copied.unusable.length > 0) context.exitCode = 1;
    });
}

/**
 * The evidence directory may exist (a second export adds to it) but must not be a file, nor lie
 * in the data directory, whose evidence store it would write into.
 */
async function assertDirectoryTarget(dir: string, dataDir: string): Promise<void> {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UsageError(`--with-evidence ${dir} is a file, not a directory.`, 'Give a directory name.');
  }
  await checkOutsideDataDir('--with-evidence', dir, dataDir);
}
