/**
 * `inbox`: for each saved email, the claim it belongs to and the step it implies, as a proposal
 * the user (or `--yes`/`--decisions`) applies. Emails are taken in the order they were sent, and
 * each proposal sees the claims as the proposals before it left them: applied ones as stored,
 * and in a dry run as they would be, so that an acknowledgement's ticket number and the request
 * for information after it read as one story.
 */
import type { Claim, EventPick } from '../domain/claim.js';
import { formatClaimId, isTerminal } from '../domain/claim.js';
import { toLocalDate } from '../domain/dates.js';
import { emailMessage, senderSide } from '../domain/email.js';
import { isDecision, matchClaim, propose } from '../domain/inbox.js';
import type { MatchedBy, ProposedStep } from '../domain/inbox.js';
import { decisionProblem, foldEvents, isFutureStep } from '../domain/lifecycle.js';
import { formatMoney, parseAmount } from '../domain/money.js';
import { approvedAmount } from '../domain/settlement.js';
import { readReply } from '../domain/support-replies.js';
import { parseName, parseText } from '../domain/text.js';
import type { SavedEmail } from './deps.js';
import { recordEmail } from './record-email.js';
import type { EmailEntry, EmailOutcome } from './record-email.js';
import type { RecordDeps } from './record-event.js';

export interface InboxProposal {
  /** The path, `path#3` for the third message of an mbox. */
  file: string;
  email: SavedEmail;
  /** The day the email was sent, in the user's time zone (today when it has no date). */
  on: string;
  claimId: number | null;
  by: MatchedBy | null;
  /** Claims that matched equally well, when none could be chosen. */
  ambiguous: number[];
  /** The user chose the claim ("choose another claim"). */
  chosen: boolean;
  step: ProposedStep | null;
  /** The ticket number, the approved amount, the denial reason quoted. */
  detail: string | null;
  confidence: number;
  /** What would be recorded; null for an email that matches no claim. */
  entry: EmailEntry | null;
  /** Why the decision itself cannot be recorded from the email (a partial approval without its amount). */
  decisionGap: string | null;
}

/** Why an email cannot be logged at all (no text, too long, dated in the future); null when it can. */
export function emailProblem(email: SavedEmail, today: string): string | null {
  const message = emailMessage(email.text);
  if (!message.ok) return `its text ${message.error}`;
  if (email.date !== null && isFutureStep(toLocalDate(email.date), today)) {
    return `it is dated ${email.date.toISOString()}, in the future`;
  }
  return null;
}

export class Inbox {
  private readonly claims: Map<number, Claim>;

  constructor(
    private readonly deps: RecordDeps,
    claims: readonly Claim[],
    private readonly today: string,
    /** Each claim's old IDs (`ClaimStore.claimAliases`), so an email quoting one still matches. */
    private readonly aliases: ReadonlyMap<number, readonly number[]> = new Map(),
  ) {
    this.claims = new Map(claims.map((claim) => [claim.id, claim]));
  }

  /** The claim the email matches and the step it implies; `claimId` forces the claim (the user chose it). */
  propose(file: string, email: SavedEmail, claimId?: number): InboxProposal {
    const on = email.date === null ? this.today : toLocalDate(email.date);
    const text = emailMessage(email.text);
    const message = text.ok ? text.value : '';
    const claims = [...this.claims.values()];
    const candidates =
      this.aliases.size === 0 ? claims : claims.map((claim) => ({ ...claim, aliases: this.aliases.get(claim.id) }));
    const match =
      claimId === undefined
        ? matchClaim(email.subject, message, candidates)
        : { id: claimId, by: 'claim-id' as const, ambiguous: [] };
    const claim = match.id === null ? undefined : this.claims.get(match.id);
    const none = { file, email, on, claimId: null, by: null, ambiguous: match.ambiguous, chosen: false, entry: null };
    if (!claim || match.by === null) return { ...none, step: null, detail: null, confidence: 0, decisionGap: null };
    const from = senderSide(email.from, claim);
    // Only support's words imply a step; the user's own "please send" is a message.
    const reading =
      from === 'support' ? readReply(email.subject, message) : { step: null, detail: null, confidence: 1 };
    const proposal = propose(reading, claimId === undefined ? match.by : 'ticket', claim.status);
    const entry: EmailEntry = {
      email,
      name: evidenceName(file),
      on,
      from,
      message,
      infoRequested: proposal.step === 'info-requested',
      note: null,
      step: null,
      attachments: [],
    };
    let { detail, confidence } = proposal;
    let decisionGap: string | null = null;
    if (proposal.step === 'submit') {
      const ticket = parseName(proposal.detail ?? '');
      if (ticket.ok) entry.step = { type: 'submitted', on, note: null, data: { ticket: ticket.value } };
      else confidence = Math.min(confidence, 0.5);
    }
    if (isDecision(proposal.step)) {
      const decided = decisionStep(proposal.step, proposal.detail, claim, on);
      detail = decided.detail;
      if (decided.step) entry.step = decided.step;
      decisionGap = decided.gap;
      if (decided.gap !== null) confidence = Math.min(confidence, 0.7);
    }
    return {
      file,
      email,
      on,
      claimId: claim.id,
      by: match.by,
      ambiguous: [],
      chosen: claimId !== undefined,
      step: proposal.step,
      detail,
      confidence,
      entry,
      decisionGap,
    };
  }

  /**
   * The proposal again if the matched claim changed in the store since it was read (a colleague's
   * `inbox`, a cron run logged something meanwhile): all claims are read again first, so the step
   * is proposed from the claim as it is now. Only for runs that record; a dry run's claims are
   * pretended ahead of the store on purpose.
   */
  async fresh(proposal: InboxProposal): Promise<InboxProposal> {
    if (proposal.claimId === null) return proposal;
    const stored = await this.deps.store.getClaim(proposal.claimId);
    if (stored && stored.events.length === this.claims.get(proposal.claimId)?.events.length) return proposal;
    for (const claim of await this.deps.store.fullClaims()) this.claims.set(claim.id, claim);
    return this.propose(proposal.file, proposal.email, proposal.chosen ? proposal.claimId : undefined);
  }

  /**
   * Records a proposal: the message with the email and its attachments, and the step unless
   * `withStep` is false (a decision the user did not allow). The claims are updated for the
   * proposals after it.
   */
  async apply(proposal: InboxProposal, withStep: boolean): Promise<EmailOutcome> {
    if (proposal.claimId === null || proposal.entry === null) throw new Error('apply() needs a matched proposal');
    const entry = withStep ? proposal.entry : { ...proposal.entry, step: null, infoRequested: false };
    const outcome = await recordEmail(this.deps, proposal.claimId, entry);
    if (outcome.logged) this.claims.set(outcome.claim.id, outcome.claim);
    return outcome;
  }

  /** A dry run: the claims as they would be had the proposal been applied. */
  pretend(proposal: InboxProposal): void {
    const claim = proposal.claimId === null ? undefined : this.claims.get(proposal.claimId);
    if (!claim || proposal.entry === null) return;
    const { entry } = proposal;
    const added: EventPick<'type' | 'on' | 'note' | 'data'>[] = [
      { type: 'message', on: entry.on, note: null, data: { from: entry.from, infoRequested: entry.infoRequested } },
    ];
    if (entry.step) added.push(entry.step);
    let seq = Math.max(0, ...claim.events.map((event) => event.seq));
    const events = [...claim.events, ...added.map((event) => ({ ...event, seq: ++seq, recordedAt: '', actor: null }))];
    const state = foldEvents(events, claim.requested);
    this.claims.set(claim.id, { ...claim, events, status: state.status, ticketNumber: state.ticketNumber });
  }

  /** Open claims, for "choose another claim". */
  openClaims(): Claim[] {
    return [...this.claims.values()].filter((claim) => !isTerminal(claim.status));
  }

  has(id: number): boolean {
    return this.claims.has(id);
  }
}

/** The decision an email states, as a step to record, or why it cannot be recorded from the email alone. */
function decisionStep(
  decision: 'approved' | 'partially-approved' | 'denied',
  detail: string | null,
  claim: Claim,
  on: string,
): { step: EmailEntry['step']; detail: string | null; gap: string | null } {
  let amount: number | null = null;
  let reason: string | null = null;
  if (decision === 'denied') {
    const parsed = detail === null ? null : parseText(detail, { multiline: true });
    reason = parsed?.ok ? parsed.value : null;
  } else if (detail !== null) {
    const parsed = parseAmount(detail, claim.currency);
    if (!parsed.ok) return { step: null, detail, gap: `the amount ${parsed.error}` };
    amount = parsed.value;
  }
  const problem = decisionProblem({ decision, amount, requested: claim.requested, expectBy: null, appealBy: null });
  if (problem) return { step: null, detail, gap: problem };
  if (amount !== null && amount > claim.requested) {
    return { step: null, detail, gap: 'the amount is more than the amount requested' };
  }
  const approved = approvedAmount({ decision, amount }, claim.requested);
  return {
    step: {
      type: 'decision',
      on,
      note: null,
      data: { decision, amount: approved, reason, expectBy: null, appealBy: null },
    },
    detail: approved === null ? reason : formatMoney(approved, claim.currency),
    gap: null,
  };
}

/** `support/reply.eml` → `reply.eml`; `inbox.mbox#3` → `inbox-3.eml`. */
function evidenceName(file: string): string {
  const base = file.replace(/^.*[/\\]/, '');
  const [name = base, number] = base.split('#');
  if (number === undefined) return /\.eml$/i.test(name) ? name : `${name}.eml`;
  return `${name.replace(/\.(mbox|mbx)$/i, '')}-${number}.eml`;
}

/** "RC-0007 (by ticket number)" for the proposal's lines. */
export function matchWords(proposal: InboxProposal): string {
  if (proposal.claimId === null) {
    return proposal.ambiguous.length > 0
      ? `several claims (${proposal.ambiguous.map(formatClaimId).join(', ')})`
      : 'no claim';
  }
  const by = { ticket: 'ticket number', 'claim-id': 'claim ID', 'promotion-id': 'promotion ID' } as const;
  if (proposal.chosen) return `${formatClaimId(proposal.claimId)} (your choice)`;
  return `${formatClaimId(proposal.claimId)} (by ${by[proposal.by ?? 'claim-id']})`;
}
