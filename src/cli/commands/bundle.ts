import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { buildBundle } from '../../app/build-bundle.js';
import type { BuiltBundle } from '../../app/build-bundle.js';
import { bundleName } from '../../app/formats/ticket-view.js';
import { UserError } from '../../domain/errors.js';
import { claimIdOf } from '../claim-id.js';
import type { CommandContext } from '../context.js';
import { checkOutputPath, refuseStdout } from '../files.js';
import { formatBundlePreview, formatBundleWritten } from '../output/bundle.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';
import { progressLine } from '../progress.js';
import { maxSizeOption } from '../size-option.js';

interface BundleOptions {
  out?: string;
  force?: boolean;
  maxSize?: number;
}

export function defineBundle(command: Command, context: CommandContext): void {
  command
    .argument('<id>', 'claim ID', claimIdArgument)
    .option('--out <file.zip>', 'where to write it (default: RC-0001-evidence.zip in the current directory)')
    .option('--force', 'replace an existing file, and bundle even when the completeness check finds errors')
    .option(
      '--max-size <size>',
      'warn about files larger than an upload limit: bytes, or 25MB, 500kB, 2GB',
      maxSizeOption,
    )
    .addHelpText(
      'after',
      examples(
        'refund-claim bundle RC-0001',
        'refund-claim bundle 1 --out ~/Desktop/acme-refund.zip --force',
        'refund-claim bundle 1 --max-size 25MB && refund-claim verify RC-0001-evidence.zip',
      ),
    )
    .action(async (given: number, options: BundleOptions) => {
      refuseStdout(
        '--out',
        options.out,
        'a bundle is a zip file, which is not written to standard output.',
        'Give a file name ending in .zip.',
      );
      const id = await claimIdOf(context, given);
      const target = options.out ?? bundleName({ id });
      await checkOutputPath('--out', target, context.dataDir, { stdout: false });
      if (!options.force && existsSync(target)) {
        throw new UserError(
          `${target} already exists.`,
          'Pass --force to replace it, or --out to write somewhere else.',
        );
      }
      const report = { force: options.force === true, maxSize: options.maxSize ?? null };
      const deps = {
        ...(await context.useCaseDeps()),
        templates: await context.adapters.templates(),
        bundles: await context.adapters.bundles(),
      };
      const progress = context.deps.io.stderr.isTTY === true ? progressLine(context.deps.io.stderr) : null;
      const interrupts = context.deps.watchInterrupts?.();
      let built: BuiltBundle;
      try {
        built = await buildBundle(deps, id, {
          target,
          ...report,
          signal: interrupts?.signal,
          onPreview: (preview) => {
            const text = formatBundlePreview(preview, report, context.color);
            if (text !== null) context.err(text);
          },
          onProgress: progress?.update,
        });
      } finally {
        progress?.clear();
        interrupts?.stop();
      }
      context.out(target);
      context.err(formatBundleWritten(target, built, report.maxSize));
    });
}
