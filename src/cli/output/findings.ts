/** The completeness check as people read it: each finding, and the exact command that fixes it. */
import type { Colors } from '../context.js';
import type { Claim } from '../../domain/claim.js';
import { formatClaimId } from '../../domain/claim.js';
import type { Finding } from '../../domain/completeness.js';
import { printable } from '../../domain/text.js';
import { flagOf } from '../claim-fields.js';
import { plural } from '../../domain/text.js';
import { CHANNEL_REASONS } from '../../domain/reasons.js';

export function fixFor(finding: Finding, claim: Pick<Claim, 'id' | 'evidence' | 'channel'>): string | null {
  const id = formatClaimId(claim.id);
  switch (finding.code) {
    case 'missing-field':
    case 'missing-fact':
    case 'invalid-fields':
    case 'short-description':
      return finding.field ? `refund-claim edit ${id} ${flagOf(finding.field)} <value>` : null;
    case 'missing-caption':
      return `refund-claim caption ${id} ${finding.evidence ?? '<n>'} <text>`;
    case 'channel-reason':
      return `refund-claim edit ${id} --reason <${CHANNEL_REASONS[claim.channel].join('|')}>`;
    case 'missing-evidence':
      return `refund-claim attach ${id} <file> --kind ${finding.kinds?.[0] ?? 'other'}`;
    case 'evidence-altered':
    case 'evidence-missing': {
      const item = claim.evidence.find((e) => e.number === finding.evidence);
      // Attaching the original again restores the stored copy (same content, same checksum).
      return `refund-claim attach ${id} <original of ${item?.name ?? 'the file'}> --kind ${item?.kind ?? 'other'}`;
    }
    case 'file-by-soon':
    case 'file-by-passed':
      return `refund-claim ticket ${id}, then refund-claim submit ${id} --ticket <number>`;
    case 'evidence-shared':
      return null;
  }
}

/**
 * `fixes: false` leaves out the commands that fix each finding: the wizard's preview shows a claim
 * not saved yet, which no command can reach; the wizard says how to change it there.
 */
export function formatFindings(
  findings: readonly Finding[],
  claim: Pick<Claim, 'id' | 'evidence' | 'channel'>,
  color: Colors,
  { fixes = true }: { fixes?: boolean } = {},
): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const id = formatClaimId(claim.id);
  if (findings.length === 0) return `${id} is complete: nothing required is missing.`;
  const lines = [`${id}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`];
  for (const finding of findings) {
    const label = finding.severity === 'error' ? color.red('error  ') : color.yellow('warning');
    // Messages and fixes name evidence files, whose names may have come from an import.
    lines.push(`  ${label}  ${printable(finding.message)}`);
    const fix = fixes ? fixFor(finding, claim) : null;
    if (fix) lines.push(`           fix: ${printable(fix)}`);
  }
  return lines.join('\n');
}
