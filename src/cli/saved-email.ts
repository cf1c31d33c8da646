/** Reading saved emails on the command line, for `log --message-file reply.eml` and `inbox`. */
import type { SavedEmail } from '../app/deps.js';
import { toLocalDate } from '../domain/dates.js';
import { emailHeaderProblem, emailMessage } from '../domain/email.js';
import { UsageError } from '../domain/errors.js';
import { isFutureStep } from '../domain/lifecycle.js';
import type { CommandContext } from './context.js';

const HEAD = 64 * 1024;

/** Whether an input file is a saved email: named `.eml`, or starting with an email's headers. */
export function isSavedEmail(path: string, bytes: Uint8Array): boolean {
  return /\.eml$/i.test(path) || emailHeaderProblem(Buffer.from(bytes.subarray(0, HEAD)).toString('latin1')) === null;
}

export const RESAVE_HINT =
  'Save the email again from your mail program ("Save as" or "Download message" gives an .eml file).';

/** The email in `bytes`, read by the MIME parser; a usage error (exit 2) naming `label` when it is none. */
export async function readSavedEmail(context: CommandContext, label: string, bytes: Uint8Array): Promise<SavedEmail> {
  const reading = await (await context.adapters.mail()).read(bytes);
  if (!reading.ok) throw new UsageError(`${label}: ${reading.problem}.`, RESAVE_HINT);
  return reading.email;
}

/** The email's text as a message, held to the rules of a typed one. */
export function messageOf(label: string, email: SavedEmail): string {
  const message = emailMessage(email.text);
  if (!message.ok) {
    throw new UsageError(
      `${label}: the email's text ${message.error}.`,
      'Give the message with --message and keep the email with --attach.',
    );
  }
  return message.value;
}

/** The day an email was sent, in the user's time zone; null when it says no date. Never after today. */
export function emailDay(context: CommandContext, label: string, email: SavedEmail): string | null {
  if (email.date === null) return null;
  const day = toLocalDate(email.date);
  if (isFutureStep(day, context.today())) {
    throw new UsageError(
      `${label}: the email is dated ${email.date.toISOString()}, in the future.`,
      'Check the date of the computer that sent it, or give the day with --on.',
    );
  }
  return day;
}

/** "Not kept logo.png from reply.eml: an inline image." for each part that is not evidence. */
export function reportSkippedParts(context: CommandContext, label: string, email: SavedEmail): void {
  for (const part of email.attachments) {
    if (part.skipped !== null) context.err(`Not kept ${part.name} from ${label}: ${part.skipped}.`);
  }
}
