/** What `new` tells the person at the terminal: the preview before saving, and what was saved. */
import type { Claim } from '../../domain/claim.js';
import { formatClaimId } from '../../domain/claim.js';
import { describeKinds, missingEvidence } from '../../domain/completeness.js';
import type { Finding } from '../../domain/completeness.js';
import type { Colors } from '../context.js';
import { formatNextAction } from './claim-text.js';
import { fixFor, formatFindings } from './findings.js';
import { plural } from '../../domain/text.js';

const DEADLINE_CODES: ReadonlySet<Finding['code']> = new Set(['file-by-soon', 'file-by-passed']);

/**
 * The completeness findings and the ticket as they will be, before anything is saved. No command
 * can reach a claim not saved yet, so no fix commands: when the review menu follows
 * (`changeable`), it says to fix them there with "Change a value".
 */
export function formatPreview(
  claim: Claim,
  findings: readonly Finding[],
  ticket: string,
  color: Colors,
  { changeable }: { changeable: boolean },
): string {
  const rule = '─'.repeat(72);
  // The filing deadline is met after saving (ticket, submit): nothing to change for it here.
  const fixable =
    changeable && findings.some((finding) => !DEADLINE_CODES.has(finding.code) && fixFor(finding, claim) !== null);
  return [
    '',
    formatFindings(findings, claim, color, { fixes: false }),
    ...(fixable ? ['To fix any of these before saving, choose "Change a value" below.'] : []),
    '',
    `Ticket draft for ${formatClaimId(claim.id)}:`,
    rule,
    ticket.trimEnd(),
    rule,
  ].join('\n');
}

/** What was saved, what was skipped, the evidence still needed, and what to do next. */
export function formatSaved(
  claim: Claim,
  skipped: readonly { path: string; sameAs: number }[],
  today: string,
  where: { out?: string; storedIn: string; run: string },
): string {
  const { out } = where;
  const id = formatClaimId(claim.id);
  const files = plural(claim.evidence.length, 'evidence file');
  const lines = [`Saved ${id} (${claim.reason} on ${claim.channel}, ${files}).`, `Stored in ${where.storedIn}.`];
  for (const item of skipped) lines.push(`Skipped ${item.path}: same content as evidence #${item.sameAs}.`);
  if (out !== undefined) lines.push(`Ticket draft written to ${out}.`);
  for (const kinds of missingEvidence(claim.reason, claim.evidence)) {
    lines.push(
      `Still needed: ${describeKinds(kinds, claim.reason)} — refund-claim attach ${id} <file> --kind ${kinds[0] ?? 'other'}`,
    );
  }
  lines.push(formatNextAction(claim, today));
  // Commands as this user can type them: `npx refund-claim …` when the name is not on their PATH.
  return lines.join('\n').replace(/(^|\s|— )refund-claim (?=[a-z])/gm, `$1${where.run} `);
}
