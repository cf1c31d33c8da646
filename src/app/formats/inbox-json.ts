/**
 * `inbox --json`, a published format: one object per email read (already-logged emails and
 * unusable files are not proposals and are left out). Adding a key is compatible; renaming or
 * removing one is not.
 */
import { formatClaimId } from '../../domain/claim.js';
import type { ProposedStep } from '../../domain/inbox.js';
import type { InboxProposal } from '../inbox.js';

export interface InboxProposalJson {
  /** The path as given, `path#3` for the third message of an mbox. */
  file: string;
  /** The Message-ID header as written, or null. */
  messageId: string | null;
  /** When the email was sent (ISO 8601 UTC), or null when it has no readable Date. */
  date: string | null;
  /** The sender's address. */
  from: string | null;
  subject: string;
  /** `RC-0007`, or null when no claim matches (or several match equally). */
  claim: string | null;
  /**
   * The claims that matched equally well when none could be chosen (`claim` is then null), e.g.
   * an old ID that an import gave another claim too; else empty.
   */
  candidates: string[];
  /** The step the email implies; null when no claim matches. */
  step: ProposedStep | null;
  /** The ticket number (submit), the amount (`USD 120.00`), the reason quoted (denied), else null. */
  detail: string | null;
  /** 0–1; below 0.8 nothing is recorded without asking. 0 when no claim matches. */
  confidence: number;
}

export function inboxProposalJson(proposal: InboxProposal): InboxProposalJson {
  const { email } = proposal;
  return {
    file: proposal.file,
    messageId: email.messageId,
    date: email.date === null ? null : email.date.toISOString(),
    from: email.from,
    subject: email.subject,
    claim: proposal.claimId === null ? null : formatClaimId(proposal.claimId),
    candidates: proposal.ambiguous.map(formatClaimId),
    step: proposal.step,
    detail: proposal.detail,
    confidence: proposal.confidence,
  };
}
