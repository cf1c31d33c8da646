/**
 * A saved email as the lifecycle sees it: which message it is (so it is never logged twice), who
 * wrote it, what of its text is the message, and what kind of evidence each attachment is.
 */
import type { EvidenceKind } from './claim.js';
import type { Parsed } from './parsed.js';
import { parseName, parseText } from './text.js';

/** The most an email (or one message of an mbox) may hold; SPEC "Input rules": 50 MB. */
export const MAX_EMAIL_BYTES = 50_000_000;

/**
 * The key an email is logged under, once for the whole database: its Message-ID (the same email
 * saved twice, or by two people, has the same one), else the SHA-256 of its bytes.
 */
export function emailKey(messageId: string | null, sha256: string): string {
  const id = messageId === null ? null : normalMessageId(messageId);
  return id === null ? `sha256:${sha256}` : `message-id:${id}`;
}

/** Whether `text` is a key `emailKey` gives (an export file's `loggedEmails` are read with it). */
export function isEmailKey(text: string): boolean {
  if (text.startsWith('sha256:')) return /^[0-9a-f]{64}$/.test(text.slice('sha256:'.length));
  const id = text.startsWith('message-id:') ? text.slice('message-id:'.length) : null;
  return id !== null && normalMessageId(id) === id;
}

/** `<abc@host>` → `abc@host`; null when it is no usable ID (empty, controls, absurdly long). */
export function normalMessageId(text: string): string | null {
  const bare = text.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
  const parsed = parseName(bare, { max: 500 });
  return parsed.ok && !/\s/.test(parsed.value) ? parsed.value : null;
}

/** Headers every email has some of; a file whose head has too few of them is not an email. */
const KNOWN_HEADERS = ['from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'received', 'return-path'];

/**
 * Why the head of a file (its first bytes as Latin-1) is not an email's header block, or null
 * when it is one: lines of `Name: value` (folded lines start with a space) up to the first empty
 * line, among them From and another header every email has. A leading mbox `From ` line is allowed.
 */
export function emailHeaderProblem(head: string): string | null {
  if (head.trim() === '') return 'it is empty';
  const end = head.search(/\r?\n\r?\n/);
  const lines = (end === -1 ? head : head.slice(0, end)).split(/\r?\n/);
  if (lines[0]?.startsWith('From ')) lines.shift();
  const names: string[] = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line) && names.length > 0) continue;
    const name = /^([!-9;-~]+):/.exec(line)?.[1];
    if (name === undefined) return `its first lines are not mail headers`;
    names.push(name.toLowerCase());
  }
  if (!names.includes('from')) return 'it has no From header';
  if (names.filter((name) => KNOWN_HEADERS.includes(name)).length < 2) return 'it has no Date, Subject or To header';
  return null;
}

/** Mail providers anyone can sign up with: sharing one with the contact says nothing about who wrote. */
const PUBLIC_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'web.de',
  'mail.com',
]);

/** Domains TikTok's support writes from: never the user, even if the contact shares them. */
const SUPPORT_DOMAINS = ['tiktok.com', 'bytedance.com', 'tiktokglobalshop.com'];

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();
const letters = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Who wrote an email, for `--from`: `me` when the sender is the claim's contact email, a colleague
 * at its (non-public) domain, or the agency filing the claim (its name in the sender's domain);
 * else `support`.
 */
export function senderSide(sender: string | null, claim: { email: string; agency: string | null }): 'me' | 'support' {
  if (sender === null) return 'support';
  const address = sender.trim().toLowerCase();
  const domain = domainOf(address);
  if (SUPPORT_DOMAINS.some((own) => domain === own || domain.endsWith(`.${own}`))) return 'support';
  if (address === claim.email.trim().toLowerCase()) return 'me';
  const contactDomain = domainOf(claim.email);
  if (domain === contactDomain && !PUBLIC_DOMAINS.has(domain)) return 'me';
  const agency = claim.agency === null ? '' : letters(claim.agency);
  if (agency.length >= 4 && letters(domain.split('.').slice(0, -1).join('')).includes(agency)) return 'me';
  return 'support';
}

/**
 * The kind of evidence an attachment is, from its content type: images are screenshots, videos
 * recordings, spreadsheets and CSV reports, emails and text correspondence, and a PDF a receipt
 * when its name says invoice, receipt, billing or statement (else `other`).
 */
export function evidenceKindOf(mime: string, name: string): EvidenceKind {
  if (mime.startsWith('image/')) return 'screenshot';
  if (mime.startsWith('video/')) return 'recording';
  if (mime === 'text/csv' || mime === 'text/tab-separated-values' || mime.includes('spreadsheet')) return 'report';
  if (mime === 'message/rfc822' || mime === 'text/plain') return 'correspondence';
  if (mime === 'application/pdf' && /invoice|receipt|billing|statement|payment/i.test(name)) return 'receipt';
  return 'other';
}

/** Why an email part is not evidence (an inline image, a signature, an invitation); null when it is. */
export function skippedPart(part: {
  name: string | null;
  mime: string;
  disposition: string | null;
  inline: boolean;
}): string | null {
  const mime = part.mime.toLowerCase();
  const name = (part.name ?? '').toLowerCase();
  if (/pkcs7-signature|pgp-signature|pkcs7-mime/.test(mime) || /\.(p7s|p7m|asc|sig)$/.test(name)) {
    return 'a signature';
  }
  if (mime === 'text/calendar' || mime === 'application/ics' || name.endsWith('.ics')) return 'a calendar invitation';
  if (mime.startsWith('image/') && (part.inline || part.disposition === 'inline')) return 'an inline image';
  return null;
}

/**
 * The reply itself, without the thread it quotes: everything from the first "On … wrote:",
 * "-----Original Message-----", an Outlook "From:" block or a run of `>` lines on. The earlier
 * messages are logged already, and the whole email is kept as evidence.
 */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    const quoteHeader =
      /^\s*On\b.{0,200}\bwrote:\s*$/i.test(line) ||
      (/^\s*On\b/i.test(line) && /\bwrote:\s*$/i.test(next)) ||
      /^\s*-{2,}\s*(Original Message|Forwarded message)\s*-{2,}/i.test(line) ||
      (/^_{8,}\s*$/.test(line) && /^\s*From:/i.test(next)) ||
      (/^\s*From:\s.+/i.test(line) && /^\s*(Sent|Date):\s/i.test(next) && i > 0);
    const quoted = /^\s*>/.test(line) && lines.slice(i).every((rest) => /^\s*(>|$)/.test(rest));
    if (quoteHeader || quoted) {
      end = i;
      break;
    }
  }
  const reply = lines.slice(0, end).join('\n').trim();
  return (reply === '' ? lines.join('\n') : reply).replace(/\n{3,}/g, '\n\n');
}

/**
 * The message of an email, held to the rules of a typed message. Page and line separators that
 * mail and HTML use for layout become line breaks first; any other control character is refused,
 * as it would be when typed.
 */
export function emailMessage(text: string): Parsed<string> {
  // eslint-disable-next-line no-control-regex -- layout characters of mail and HTML, not controls
  const laidOut = replyText(text).replace(/[\u000b\u000c\u2028\u2029\u0085]/g, '\n');
  if (laidOut.trim() === '') return { ok: false, error: 'is empty (the email has no text body)' };
  return parseText(laidOut, { multiline: true });
}

/** One line a support agent reads beside the email in the evidence list: who, when, what about. */
export function emailCaption(from: string | null, on: string, subject: string): string {
  const line = (text: string): string =>
    // eslint-disable-next-line no-control-regex -- a subject's controls and breaks become spaces
    text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]+/g, ' ');
  const caption = line(`Email from ${from ?? 'an unknown sender'} of ${on}${subject ? `: ${subject}` : ''}`)
    .replace(/ {2,}/g, ' ')
    .trim();
  const points = [...caption];
  return points.length > 200 ? `${points.slice(0, 199).join('')}…` : caption;
}
