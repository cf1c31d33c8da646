/** How `inbox` shows a proposal: a tab-separated line for scripts, a short block for a person. */
import { matchWords } from '../../app/inbox.js';
import type { InboxProposal } from '../../app/inbox.js';
import { formatClaimId } from '../../domain/claim.js';
import { printable } from '../../domain/text.js';

const cell = (value: string | null): string => (value === null ? '' : printable(value).replace(/\t/g, ' '));

/** file, date, from, subject, claim, step, detail, confidence: SPEC's JSON keys, in that order. */
export function proposalLine(proposal: InboxProposal): string {
  const { email } = proposal;
  return [
    proposal.file,
    email.date === null ? null : email.date.toISOString(),
    email.from,
    email.subject,
    proposal.claimId === null ? null : formatClaimId(proposal.claimId),
    proposal.step,
    proposal.detail === null ? null : proposal.detail.replace(/\s+/g, ' '),
    proposal.claimId === null ? null : proposal.confidence.toFixed(2),
  ]
    .map(cell)
    .join('\t');
}

/** "submit: ticket 7301928374", "denied: “Outside the refund window.”", "message". */
export function stepWords(proposal: InboxProposal): string {
  const { step, detail } = proposal;
  if (step === null) return '—';
  if (detail === null) return step;
  if (step === 'submit') return `submit: ticket ${detail}`;
  if (step === 'denied') return `denied: “${detail}”`;
  return `${step}: ${detail}`;
}

/** The proposal as a person reads it before answering. */
export function proposalBlock(proposal: InboxProposal): string {
  const { email } = proposal;
  const message = proposal.entry?.message ?? '';
  const excerpt = message.replace(/\s+/g, ' ').slice(0, 160);
  const lines = [
    `${proposal.file} — ${proposal.on}, from ${email.from ?? 'an unknown sender'}`,
    `  Subject: ${email.subject || '(none)'}`,
    `  Claim:   ${matchWords(proposal)}`,
  ];
  if (proposal.claimId !== null) {
    lines.push(`  Step:    ${stepWords(proposal)} (confidence ${proposal.confidence.toFixed(2)})`);
    if (proposal.decisionGap)
      lines.push(`  Note:    the decision cannot be recorded from the email: ${proposal.decisionGap}`);
    lines.push(`  Message: ${excerpt}${message.length > excerpt.length ? '…' : ''}`);
  }
  return printable(lines.join('\n'), { multiline: true });
}

/** What was recorded from an email, for the line after it: "ticket 7301928374 (submitted)", "denied: …". */
export function recordedWords(proposal: InboxProposal, withStep: boolean): string {
  const from = proposal.entry?.from === 'me' ? 'message from you' : 'message from support';
  if (!withStep) return from;
  if (proposal.step === 'submit' && proposal.entry?.step) return `ticket ${proposal.detail ?? ''} (submitted)`;
  if (proposal.step === 'info-requested') return 'request for information';
  if (proposal.entry?.step) return stepWords(proposal);
  return from;
}
