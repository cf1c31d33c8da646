/** `show` for people: every field, the evidence, the timeline and what to do next. */
import type { Colors } from '../context.js';
import { formatTimeline, timelineEntries } from '../../app/timeline.js';
import type { Claim } from '../../domain/claim.js';
import { formatClaimId } from '../../domain/claim.js';
import { FIELD_LABELS } from '../../domain/completeness.js';
import { dueState, nextAction } from '../../domain/deadlines.js';
import { formatMoney } from '../../domain/money.js';
import { nextStep } from '../../domain/next-steps.js';
import { REASON_LABELS } from '../../domain/reasons.js';
import { formatSize } from '../../domain/sizes.js';
import { printableFields } from '../../domain/text.js';
import { formatTable } from './table.js';

const indent = (text: string, by = '  '): string =>
  text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');

export function formatNextAction(
  claim: Pick<Claim, 'id' | 'channel' | 'reason' | 'status' | 'createdOn' | 'fileBy' | 'events'>,
  today: string,
): string {
  const next = nextAction(claim);
  if (!next) return `${formatClaimId(claim.id)} is ${claim.status}; nothing more to do.`;
  const step = nextStep(next.action, claim);
  const { label } = dueState(next.due, today);
  return [`Next: ${step.words}, due ${next.due} (${label}).`, ...step.commands.map((command) => `  ${command}`)].join(
    '\n',
  );
}

/**
 * `show`: the whole claim. `aliases` are the IDs it had before an import renumbered it, said under
 * the heading because tickets already sent quote them.
 */
export function formatClaim(stored: Claim, today: string, color: Colors, aliases: readonly number[] = []): string {
  // Imported or hand-edited text may hold terminal escapes: every field is shown escaped.
  const claim = printableFields(stored);
  const money = (minor: number | null): string => (minor === null ? '—' : formatMoney(minor, claim.currency));
  const section = (title: string, body: string): string => `\n${color.bold(title)}\n${body}`;
  const promotionDates = claim.start || claim.end ? `, ${claim.start ?? '?'} → ${claim.end ?? '?'}` : '';
  const facts = formatTable([
    [
      'Account',
      `${claim.accountName}${claim.advertiserId ? ` (advertiser ${claim.advertiserId})` : ''} <${claim.email}>`,
    ],
    ['Promotion', `${claim.promotionId}${claim.promotionName ? ` ${claim.promotionName}` : ''}${promotionDates}`],
    [
      'Amounts',
      [
        `charged ${money(claim.charged)}`,
        claim.expected === null ? null : `expected ${money(claim.expected)}`,
        `requested ${money(claim.requested)}`,
        claim.approved === null ? null : `approved ${money(claim.approved)}`,
        `recovered ${money(claim.recovered)}`,
      ]
        .filter((part) => part !== null)
        .join(' · '),
    ],
    ['Ticket', claim.ticketNumber ?? '— (not filed yet)'],
    ['File by', claim.fileBy ?? '—'],
    ['Created', claim.createdOn],
  ]);
  const details = (
    [
      'chargeDate',
      'promised',
      'delivered',
      'creator',
      'deliverables',
      'noticedOn',
      'cancelledOn',
      'cancelReason',
      'failure',
      'invoice',
      'balanceShownOn',
      'deliverablesDue',
      'paidVia',
      'agency',
      'salesRep',
    ] as const
  )
    .filter((key) => claim[key] !== null)
    .map((key) => [FIELD_LABELS[key], claim[key] ?? '']);
  if (claim.asCredit) details.push([FIELD_LABELS.asCredit, 'yes']);
  const evidence = claim.evidence.map((item) =>
    [
      `#${item.number}  ${item.kind}  ${item.name}  ${item.bytes} bytes (${formatSize(item.bytes)})  ${item.mime}`,
      `    sha256 ${item.sha256}`,
      item.caption ? `    ${item.caption}` : null,
    ]
      .filter((line) => line !== null)
      .join('\n'),
  );
  return [
    `${color.bold(formatClaimId(claim.id))}  ${claim.status}  ·  ${claim.channel}  ·  ${claim.reason}`,
    REASON_LABELS[claim.reason],
    aliases.length === 0
      ? null
      : `Also quoted as ${aliases.map(formatClaimId).join(', ')} (${aliases.length === 1 ? 'its ID' : 'its IDs'} before it was imported)`,
    '',
    facts,
    section('Description', indent(claim.description)),
    details.length > 0 ? section('Details', indent(formatTable(details))) : null,
    section('Evidence', evidence.length > 0 ? indent(evidence.join('\n')) : '  none yet'),
    section('Timeline', indent(formatTimeline(timelineEntries(claim)))),
    section('Next action', indent(formatNextAction(claim, today))),
  ]
    .filter((part) => part !== null)
    .join('\n');
}
