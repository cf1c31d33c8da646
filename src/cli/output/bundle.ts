/** What `bundle` tells the person on stderr: the check before writing, and what was written. */
import type { BuiltBundle, BundlePreview } from '../../app/build-bundle.js';
import { formatClaimId } from '../../domain/claim.js';
import { formatSize } from '../../domain/sizes.js';
import type { Colors } from '../context.js';
import { formatFindings } from './findings.js';
import { plural } from '../../domain/text.js';

export interface BundleReportOptions {
  force: boolean;
  maxSize: number | null;
}

/** The findings, and the files over `--max-size`; null when there is nothing to say. */
export function formatBundlePreview(
  preview: BundlePreview,
  options: BundleReportOptions,
  color: Colors,
): string | null {
  const { claim, findings, oversize } = preview;
  const lines: string[] = [];
  if (findings.length > 0) lines.push(formatFindings(findings, claim, color));
  if (options.force && findings.some((finding) => finding.severity === 'error'))
    lines.push('Bundling anyway (--force).');
  for (const file of oversize) {
    lines.push(
      `warning: evidence #${file.evidence.number} ${file.entryName} (${formatSize(file.evidence.bytes)}) is larger than --max-size ${formatSize(options.maxSize ?? 0)}.`,
    );
  }
  return lines.length > 0 ? lines.join('\n') : null;
}

export function formatBundleWritten(target: string, built: BuiltBundle, maxSize: number | null): string {
  const evidence = built.claim.evidence.length;
  const lines = [
    `Wrote ${target}: ${plural(evidence, 'evidence file')} with the ticket, timeline, manifest and SHA256SUMS (${formatSize(built.bytes)}).`,
  ];
  if (built.overLimit && maxSize !== null) {
    lines.push(
      `warning: the bundle (${formatSize(built.bytes)}) is larger than --max-size ${formatSize(maxSize)}; upload the largest files separately.`,
    );
  }
  lines.push(
    `Upload it with your ticket (refund-claim ticket ${formatClaimId(built.claim.id)}); check it any time with: refund-claim verify ${target}`,
  );
  return lines.join('\n');
}
