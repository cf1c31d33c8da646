/**
 * Saved emails read by postal-mime (a real MIME parser with no dependencies): multipart bodies,
 * quoted-printable and base64, encoded words and charsets. An HTML-only email is turned into
 * readable text by html-to-text, loaded only for such an email. The type of each attachment is
 * read from its content by the detector the composition root passes in (the evidence store's).
 */
import { createHash } from 'node:crypto';
import PostalMime from 'postal-mime';
import type { Attachment, Email } from 'postal-mime';
import type { EmailAttachment, EmailReading, MailReader } from '../app/deps.js';
import { emailHeaderProblem, skippedPart } from '../domain/email.js';
import { printableName } from '../domain/text.js';

export interface ContentType {
  mime: string;
  description: string;
  supported: boolean;
}

export type DetectContentType = (name: string, content: Uint8Array) => Promise<ContentType>;

const HEAD_BYTES = 64 * 1024;

export function createMailReader(detect: DetectContentType): MailReader {
  return { read: (raw) => readEmail(raw, detect) };
}

async function readEmail(raw: Uint8Array, detect: DetectContentType): Promise<EmailReading> {
  const notEmail = emailHeaderProblem(Buffer.from(raw.subarray(0, HEAD_BYTES)).toString('latin1'));
  if (notEmail !== null) return { ok: false, problem: `not an email (${notEmail})` };
  let email: Email;
  try {
    // Nesting deeper than this is no mail a person sent; the header budget is postal-mime's own.
    email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 64 });
  } catch (error) {
    return { ok: false, problem: `a broken MIME structure (${(error as Error).message})` };
  }
  const broken = structureProblem(email, raw);
  if (broken !== null) return { ok: false, problem: `a broken MIME structure (${broken})` };
  const from = email.from && email.from.group === undefined ? email.from.address : null;
  const date = email.date === undefined ? null : new Date(email.date);
  const attachments: EmailAttachment[] = [];
  for (const [index, part] of email.attachments.entries()) attachments.push(await attachmentOf(part, index, detect));
  return {
    ok: true,
    email: {
      messageId: email.messageId?.trim() || null,
      date: date !== null && Number.isFinite(date.getTime()) ? date : null,
      from: from?.trim() || null,
      subject: (email.subject ?? '').trim(),
      text: email.text?.trim() ? email.text : email.html ? await htmlText(email.html) : '',
      attachments,
      sha256: createHash('sha256').update(raw).digest('hex'),
      raw,
    },
  };
}

/** What postal-mime tolerates but a person would call broken: a multipart with no parts. */
function structureProblem(email: Email, raw: Uint8Array): string | null {
  const type = email.headers.find((header) => header.key === 'content-type')?.value ?? '';
  if (!/^\s*multipart\//i.test(type)) return null;
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(type);
  const value = boundary?.[1] ?? boundary?.[2];
  if (value === undefined) return 'a multipart body without a boundary';
  if (!Buffer.from(raw).includes(`--${value}`)) return `its boundary "${value.slice(0, 40)}" never appears`;
  return null;
}

async function attachmentOf(part: Attachment, index: number, detect: DetectContentType): Promise<EmailAttachment> {
  const content =
    typeof part.content === 'string'
      ? Buffer.from(part.content, 'utf8')
      : part.content instanceof Uint8Array
        ? part.content
        : new Uint8Array(part.content);
  const name = printableName(part.filename?.trim() || `attachment-${index + 1}`);
  const declared = { name: part.filename, mime: part.mimeType, disposition: part.disposition };
  const skipped = skippedPart({ ...declared, inline: part.related === true && part.contentId !== undefined });
  if (skipped !== null) return { name, mime: part.mimeType, content, skipped };
  if (content.length === 0) return { name, mime: part.mimeType, content, skipped: 'empty' };
  const type = await detect(name, content);
  return {
    name,
    mime: type.mime,
    content,
    skipped: type.supported ? null : `${type.description}, which evidence cannot be`,
  };
}

/** An HTML-only email as text a person reads: paragraphs, lists and links kept, no markup. */
async function htmlText(html: string): Promise<string> {
  const { convert } = await import('html-to-text');
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  });
}
