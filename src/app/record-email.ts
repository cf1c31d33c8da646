/**
 * Logs a saved email on a claim: its message, the step it implies (a ticket number, a decision),
 * the email itself as correspondence evidence and each attachment as evidence of its kind, all in
 * one transaction, under the email's key so that it is never logged twice.
 */
import { Readable } from 'node:stream';
import type { Claim, ClaimEvent } from '../domain/claim.js';
import { emailCaption, emailKey, evidenceKindOf } from '../domain/email.js';
import { EmailLoggedError } from '../domain/errors.js';
import { assertStepFits } from '../domain/lifecycle.js';
import type { EvidenceInput, NewEvent, SavedEmail } from './deps.js';
import { checkEvidenceFiles, copyEvidence, withoutDuplicates } from './import-evidence.js';
import type { EvidenceCopy, SkippedEvidence } from './import-evidence.js';
import { loadClaim } from './load-claim.js';
import type { RecordDeps, StepInput } from './record-event.js';

export interface EmailEntry {
  email: SavedEmail;
  /** The file name the email is kept under as evidence (`reply.eml`). */
  name: string;
  /** The day it happened (`YYYY-MM-DD`). */
  on: string;
  from: 'support' | 'me';
  /** The message, already held to the text rules. */
  message: string;
  infoRequested: boolean;
  note: string | null;
  /** What the email implies besides the message (`inbox`): a ticket number or a decision. */
  step: StepInput<'submitted'> | StepInput<'decision'> | null;
  /** More files to keep with it (`log --attach`), as correspondence. */
  attachments: readonly EvidenceInput[];
}

export type EmailOutcome =
  /** `attachments`: the email's own attachments kept as evidence (not those that were already). */
  | { logged: true; claim: Claim; skipped: SkippedEvidence[]; attachments: number }
  /** Logged before, on this claim or another. */
  | { logged: false; loggedOn: number };

/** Whether the email was logged already, and where. */
export async function emailLoggedOn(deps: Pick<RecordDeps, 'store'>, email: SavedEmail): Promise<number | null> {
  const key = emailKey(email.messageId, email.sha256);
  return (await deps.store.loggedEmails([key])).get(key) ?? null;
}

export async function recordEmail(deps: RecordDeps, id: number, entry: EmailEntry): Promise<EmailOutcome> {
  const key = emailKey(entry.email.messageId, entry.email.sha256);
  const before = (await deps.store.loggedEmails([key])).get(key);
  if (before !== undefined) return { logged: false, loggedOn: before };
  const claim = await loadClaim(deps.store, id);
  try {
    assertEntryFits(id, claim, entry);
  } catch (error) {
    // Another process may have logged this very email, and its step, since the look above: then
    // the step no longer fits because it is already there.
    const since = (await deps.store.loggedEmails([key])).get(key);
    if (since !== undefined) return { logged: false, loggedOn: since };
    throw error;
  }
  const now = deps.clock.now().toISOString();
  const emailCopies = await copyEmail(deps, entry, now);
  const copies = [
    ...emailCopies,
    ...(await copyEvidence(deps.evidence, await checkEvidenceFiles(deps.evidence, entry.attachments), now)),
  ];
  try {
    const { claim: after, result } = await deps.store.changeClaimWithEmail(id, key, (current) => {
      assertEntryFits(id, current, entry);
      const { added, numbers, skipped, kept } = withoutDuplicates(copies, current.evidence);
      const events: NewEvent[] = [messageEvent(entry, now, numbers)];
      if (entry.step) events.push({ ...entry.step, recordedAt: now });
      // The email itself comes first, then its attachments.
      const attachments = kept.slice(1, emailCopies.length).filter(Boolean).length;
      return { change: { evidence: added, events }, result: { skipped, attachments } };
    });
    return { logged: true, claim: after, ...result };
  } catch (error) {
    // Another process logged it between the look above and this transaction.
    if (error instanceof EmailLoggedError) return { logged: false, loggedOn: error.claimId };
    throw error;
  }
}

function messageEvent(entry: EmailEntry, recordedAt: string, evidence: number[]): NewEvent<'message'> {
  const data = { from: entry.from, message: entry.message, infoRequested: entry.infoRequested };
  return {
    type: 'message',
    on: entry.on,
    recordedAt,
    note: entry.note,
    data: evidence.length > 0 ? { ...data, evidence } : data,
  };
}

/** The message must fit the claim's history, and the step after it. */
function assertEntryFits(id: number, claim: Claim, entry: EmailEntry): void {
  const message = messageEvent(entry, '', []);
  assertStepFits(id, claim.events, message, claim.requested);
  if (entry.step === null) return;
  const seq = Math.max(0, ...claim.events.map((event) => event.seq)) + 1;
  const withMessage: ClaimEvent[] = [...claim.events, { ...message, seq, actor: null }];
  assertStepFits(id, withMessage, entry.step, claim.requested);
}

/** The email and its attachments in the evidence store, before the transaction. */
async function copyEmail(deps: RecordDeps, entry: EmailEntry, addedAt: string): Promise<EvidenceCopy[]> {
  const { email } = entry;
  const copies: EvidenceCopy[] = [];
  const put = async (content: Uint8Array, name: string, mime: string, caption: string): Promise<void> => {
    const stored = await deps.evidence.put(Readable.from([Buffer.from(content)]));
    const kind = mime === 'message/rfc822' ? 'correspondence' : evidenceKindOf(mime, name);
    copies.push({ path: name, kind, name, caption, bytes: stored.bytes, sha256: stored.sha256, mime, addedAt });
  };
  const caption = emailCaption(email.from, entry.on, email.subject);
  await put(email.raw, entry.name, 'message/rfc822', caption);
  for (const part of email.attachments) {
    if (part.skipped === null) await put(part.content, part.name, part.mime, `Attached to the email of ${entry.on}`);
  }
  return copies;
}
