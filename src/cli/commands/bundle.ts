import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { buildBundle } from '../../app/build-bundle.js';
import type { BuiltBundle, BundlePreview } from '../../app/build-bundle.js';
import type { BundleProgress } from '../../app/deps.js';
import { bundleName } from '../../app/formats/ticket-view.js';
import { formatClaimId } from '../../domain/claim.js';
import { UsageError, UserError } from '../../domain/errors.js';
import { formatSize, parseSize } from '../../domain/sizes.js';
import type { CommandContext } from '../context.js';
import { assertWritableTarget } from '../files.js';
import { formatFindings } from '../output/findings.js';
import { examples } from '../output/help.js';
import { claimIdArgument } from '../options.js';

interface BundleOptions {
  out?: string;
  force?: boolean;
  maxSize?: number;
}

/** Redraws at most ten times a second: a terminal redrawn per megabyte slows the zip down. */
const PROGRESS_INTERVAL_MS = 100;

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
    .action(async (id: number, options: BundleOptions) => {
      const target = options.out ?? bundleName({ id });
      assertWritableTarget('--out', target);
      if (!options.force && existsSync(target)) {
        throw new UserError(
          `${target} already exists.`,
          'Pass --force to replace it, or --out to write somewhere else.',
        );
      }
      const store = await context.adapters.store();
      const progress = context.deps.io.stderr.isTTY === true ? progressPrinter(context) : null;
      const interrupts = context.deps.watchInterrupts?.();
      let built: BuiltBundle;
      try {
        built = await buildBundle(
          {
            store,
            evidence: await context.adapters.evidence(),
            clock: context.deps.clock,
            templates: await context.adapters.templates(),
            bundles: await context.adapters.bundles(),
          },
          id,
          {
            target,
            force: options.force === true,
            maxSize: options.maxSize ?? null,
            signal: interrupts?.signal,
            onPreview: (preview) => printPreview(context, preview, options),
            onProgress: progress?.update,
          },
        );
      } finally {
        progress?.clear();
        interrupts?.stop();
      }
      const evidence = built.claim.evidence.length;
      context.out(target);
      context.err(
        `Wrote ${target}: ${evidence} evidence file${evidence === 1 ? '' : 's'} with the ticket, timeline, manifest and SHA256SUMS (${formatSize(built.bytes)}).`,
      );
      if (built.overLimit && options.maxSize !== undefined) {
        context.err(
          `warning: the bundle (${formatSize(built.bytes)}) is larger than --max-size ${formatSize(options.maxSize)}; upload the largest files separately.`,
        );
      }
      context.err(
        `Upload it with your ticket (refund-claim ticket ${formatClaimId(id)}); check it any time with: refund-claim verify ${target}`,
      );
    });
}

function maxSizeOption(text: string): number {
  const bytes = parseSize(text);
  if (bytes === null || bytes <= 0) {
    throw new UsageError(
      `--max-size "${text}" is not a size.`,
      'Give bytes (25000000) or a number with kB, MB or GB (25MB).',
    );
  }
  return bytes;
}

function printPreview(context: CommandContext, preview: BundlePreview, options: BundleOptions): void {
  const { claim, findings, oversize } = preview;
  if (findings.length > 0) context.err(formatFindings(findings, claim, context.color));
  if (options.force && findings.some((finding) => finding.severity === 'error')) {
    context.err('Bundling anyway (--force).');
  }
  for (const file of oversize) {
    context.err(
      `warning: evidence #${file.evidence.seq} ${file.entryName} (${formatSize(file.evidence.bytes)}) is larger than --max-size ${formatSize(options.maxSize ?? 0)}.`,
    );
  }
}

/** One line on stderr, redrawn in place: files and bytes done of the total. */
function progressPrinter(context: CommandContext): { update: (p: BundleProgress) => void; clear: () => void } {
  const { stderr } = context.deps.io;
  let last = -Infinity;
  // Spaces rather than an erase-line escape, which a TERM=dumb terminal would print literally.
  let width = 0;
  const draw = (text: string): void => {
    stderr.write(`\r${text.padEnd(width)}`);
    width = text.length;
  };
  return {
    update: (p) => {
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS && p.bytes < p.totalBytes) return;
      last = now;
      draw(`Bundling: ${p.files}/${p.totalFiles} files, ${formatSize(p.bytes)} of ${formatSize(p.totalBytes)}`);
    },
    clear: () => {
      if (width === 0) return;
      draw('');
      stderr.write('\r');
    },
  };
}
