/** What `export` and `import` say on stderr once done: how many claims, and what became of the evidence. */
import type { ImportResult } from '../../app/import-claims.js';
import type { EvidenceCopyResult } from '../../app/export-claims.js';
import { formatClaimId } from '../../domain/claim.js';
import { plural, printable } from '../../domain/text.js';

/** `copied` and `evidenceDir` are there with `--with-evidence`. */
export function formatExported(
  count: number,
  out: string | null,
  copied: EvidenceCopyResult | null,
  evidenceDir?: string,
): string {
  const lines = [`Exported ${plural(count, 'claim')} to ${out ?? 'standard output'}.`];
  if (copied) {
    lines.push(`Copied ${plural(copied.copied, 'evidence file')} to ${evidenceDir}.`);
    for (const item of copied.unusable) {
      lines.push(
        `error: evidence "${printable(item.name)}" (${item.sha256.slice(0, 12)}…) is ${item.state} in the data directory; not copied.`,
      );
    }
    if (copied.unusable.length > 0) lines.push('  Run `refund-claim check <id>` on the claims that use it.');
  }
  return lines.join('\n');
}

/** `label` names where the claims came from: the file, or standard input. */
export function formatImported(result: ImportResult, label: string): string {
  const lines = [`Imported ${plural(result.imported.length, 'claim')} from ${label}.`];
  const renumbered = result.imported.filter((entry) => entry.from !== entry.to);
  if (renumbered.length > 0) {
    lines.push(
      `Renumbered (the ID was taken): ${renumbered.map((e) => `${formatClaimId(e.from)} → ${formatClaimId(e.to)}`).join(', ')}.`,
    );
  }
  if (result.skipped.length > 0) {
    lines.push(`Skipped (already here, left as they are): ${result.skipped.map(formatClaimId).join(', ')}.`);
  }
  if (result.copied > 0) lines.push(`Copied ${plural(result.copied, 'evidence file')}.`);
  if (result.missing.length > 0) {
    const n = result.missing.length;
    lines.push(
      `Evidence files are not included: ${n} of ${plural(result.evidenceFiles, 'file')} the claims use ${n === 1 ? 'is' : 'are'} not in this data directory, and \`refund-claim verify <id>\` will report ${n === 1 ? 'it' : 'them'} missing.`,
      '  Bring them with: refund-claim export --with-evidence <dir> on the old machine, then import --with-evidence <dir> --on-conflict skip here.',
    );
  }
  return lines.join('\n');
}
