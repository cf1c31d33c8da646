/**
 * Drafts a message to support — a reminder or an appeal — from its template and the claim as it
 * stands today, and records that it was sent. Which reminder is due (a follow-up, or an
 * escalation) is the deadlines' rule; the template and the event are named after it.
 */
import type { Claim } from '../domain/claim.js';
import { reminderDue } from '../domain/deadlines.js';
import type { Reminder } from '../domain/deadlines.js';
import type { Templates } from './deps.js';
import { messageView } from './formats/message-view.js';
import { checkStep, recordStep } from './record-event.js';
import type { RecordDeps } from './record-event.js';

export type MessageKind = Reminder | 'appeal';

export interface DraftMessageDeps extends RecordDeps {
  /** Loaded only when the text is wanted: recording a message already sent renders nothing. */
  loadTemplates(): Promise<Templates>;
}

export interface MessageStep {
  /** `reminder` becomes a follow-up or an escalation, whichever is due. */
  message: 'reminder' | 'appeal';
  /** The day it is written or was sent (`YYYY-MM-DD`). */
  on: string;
  note: string | null;
  /** The user's answer to the reason support gave for a denial, for the appeal. */
  answer: string | null;
  /**
   * Receives the drafted text before anything is recorded, so a message that could not be
   * printed or written is never recorded as sent. Null when no one reads it.
   */
  deliver: ((text: string) => void | Promise<void>) | null;
  /** Record that the message went out. */
  sent: boolean;
}

export interface DraftedMessage {
  kind: MessageKind;
  /** The claim, after the message was recorded when `sent`. */
  claim: Claim;
}

export async function draftMessage(deps: DraftMessageDeps, id: number, step: MessageStep): Promise<DraftedMessage> {
  const { on, note } = step;
  // Printing a draft is refused too when sending it would not fit the claim's status.
  const sending = step.message === 'appeal' ? 'appeal-sent' : 'followup-sent';
  const claim = await checkStep(deps.store, id, { type: sending, on, data: {} });
  const kind: MessageKind = step.message === 'appeal' ? 'appeal' : reminderDue(claim);
  if (step.deliver) await step.deliver((await deps.loadTemplates()).render(kind, messageView(claim, on, step.answer)));
  if (!step.sent) return { kind, claim };
  const { claim: after } = await recordStep(deps, id, { type: `${kind}-sent`, on, note, data: {} });
  return { kind, claim: after };
}
