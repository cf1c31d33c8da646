/**
 * Saved emails written by hand, byte by byte, as mail programs save them (`.eml`, CRLF line ends):
 * TikTok support's acknowledgement, request for information, approval, partial approval and
 * denial, the user's own reply and a creator's, in the encodings real mail uses
 * (multipart/alternative, quoted-printable, base64, encoded words in UTF-8 and ISO-8859-1,
 * HTML only) with attachments of each kind the tool keeps or skips.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfBytes, pngBytes } from './files.js';

const crlf = (lines: readonly string[]): string => lines.join('\r\n');
const base64 = (bytes: Buffer | string): string =>
  (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8')).toString('base64').replace(/.{76}/g, '$&\r\n');

const SUPPORT = 'TikTok Ads Support <no-reply@support.tiktok.com>';

/** Automatic acknowledgement: multipart/alternative, the ticket number in both parts. Mon 16 Nov. */
export const ACKNOWLEDGEMENT = crlf([
  `From: ${SUPPORT}`,
  'To: ads@acme.test',
  'Subject: We received your request [RC-0001]',
  'Date: Mon, 16 Nov 2026 10:15:00 +0000',
  'Message-ID: <ack-7301928374@support.tiktok.com>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="alt-1"',
  '',
  '--alt-1',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 7bit',
  '',
  'Hello,',
  '',
  'Thank you for contacting TikTok Ads Support. We have received your request',
  'and created a ticket. Your ticket ID is 7301928374.',
  '',
  'This is an automated reply; our team will get back to you within 3 business days.',
  '--alt-1',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Hello,</p><p>Thank you for contacting TikTok Ads Support. We have received your request and created a ticket. Your ticket ID is <b>7301928374</b>.</p>',
  '--alt-1--',
  '',
]);

/**
 * Support asks for the invoice: base64 UTF-8 text, a PDF form attached, the logo as an inline
 * image, and an S/MIME signature. Tue 17 Nov.
 */
export const INFO_REQUEST = crlf([
  `From: ${SUPPORT}`,
  'To: ads@acme.test',
  'Subject: Re: Ticket 7301928374 - Double charge on Summer sale',
  'Date: Tue, 17 Nov 2026 09:30:00 +0000',
  'Message-ID: <info-1@support.tiktok.com>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="sig-1"',
  '',
  '--sig-1',
  'Content-Type: multipart/mixed; boundary="mix-1"',
  '',
  '--mix-1',
  'Content-Type: multipart/related; boundary="rel-1"',
  '',
  '--rel-1',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: base64',
  '',
  base64(
    'Hello,\n\nTo review the second charge, could you please provide the invoice for 3 November and a screenshot of the billing page? You can fill in the attached form.\n\nKind regards,\nMaría — TikTok Ads Support\n',
  ),
  '--rel-1',
  'Content-Type: image/png',
  'Content-Transfer-Encoding: base64',
  'Content-ID: <logo@tiktok>',
  'Content-Disposition: inline; filename="logo.png"',
  '',
  base64(pngBytes(2, 2, 9)),
  '--rel-1--',
  '--mix-1',
  'Content-Type: application/pdf; name="refund-form.pdf"',
  'Content-Transfer-Encoding: base64',
  'Content-Disposition: attachment; filename="refund-form.pdf"',
  '',
  base64(pdfBytes('Refund request form')),
  '--mix-1--',
  '--sig-1',
  'Content-Type: application/pkcs7-signature; name="smime.p7s"',
  'Content-Transfer-Encoding: base64',
  'Content-Disposition: attachment; filename="smime.p7s"',
  '',
  base64(Buffer.from([0x30, 0x82, 0x01, 0x0a, 0x06, 0x09, 0x2a, 0x86])),
  '--sig-1--',
  '',
]);

/** The user answers with the invoice, a screenshot and a calendar invitation. Wed 18 Nov. */
export const MY_REPLY = crlf([
  'From: Ana Ruiz <ads@acme.test>',
  'To: no-reply@support.tiktok.com',
  'Subject: Re: Ticket 7301928374 - Double charge on Summer sale',
  'Date: Wed, 18 Nov 2026 08:05:00 +0100',
  'Message-ID: <reply-1@acme.test>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="mix-2"',
  '',
  '--mix-2',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello María,',
  '',
  'Please find the invoice and the billing page attached.',
  '',
  'On Tue, 17 Nov 2026 at 09:30, TikTok Ads Support <no-reply@support.tiktok.com> wrote:',
  '> could you please provide the invoice for 3 November',
  '--mix-2',
  'Content-Type: application/pdf',
  'Content-Disposition: attachment; filename="invoice-INV-4471.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  base64(pdfBytes('Invoice INV-4471')),
  '--mix-2',
  'Content-Type: image/png; name="billing-page.png"',
  'Content-Disposition: attachment; filename="billing-page.png"',
  'Content-Transfer-Encoding: base64',
  '',
  base64(pngBytes(8, 8, 3)),
  '--mix-2',
  'Content-Type: text/calendar; charset=utf-8; method=REQUEST',
  'Content-Disposition: attachment; filename="invite.ics"',
  '',
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:call-1@acme.test',
  'DTSTART:20261120T100000Z',
  'SUMMARY:Call about the refund',
  'END:VEVENT',
  'END:VCALENDAR',
  '--mix-2--',
  '',
]);

/**
 * The approval, in quoted-printable ISO-8859-1 with an encoded-word subject in that charset;
 * matched by its ticket number. Thu 19 Nov.
 */
export const APPROVAL = crlf([
  `From: ${SUPPORT}`,
  'To: ads@acme.test',
  'Subject: =?ISO-8859-1?Q?R=E9solution_du_ticket?= 7301928374',
  'Date: Thu, 19 Nov 2026 16:40:00 +0000',
  'Message-ID: <approval-1@support.tiktok.com>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=ISO-8859-1',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Bonjour Ana,',
  '',
  'Good news: your refund request has been approved. A refund of USD 200.00 w=',
  'ill be issued to the original payment method within 30 days. Merci de votr=',
  'e patience, et bonne journ=E9e.',
  '',
]);

/** A partial approval for RC-0002, UTF-8 encoded-word subject. */
export const PARTIAL = crlf([
  `From: ${SUPPORT}`,
  'To: ads@acme.test',
  'Subject: =?UTF-8?B?VXBkYXRlIG9uIHlvdXIgcmVxdWVzdCDinJM=?= [RC-0002]',
  'Date: Thu, 19 Nov 2026 11:00:00 +0000',
  'Message-ID: <partial-1@support.tiktok.com>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Hello,',
  '',
  'After review we have partially approved your request: a partial refund of U=',
  'SD 120.00 will be credited, as part of the budget was delivered.',
  '',
]);

/** A denial for RC-0003, HTML only, the reason in the sentence that denies. */
export const DENIAL = crlf([
  `From: ${SUPPORT}`,
  'To: ads@acme.test',
  'Subject: Your refund request [RC-0003]',
  'Date: Thu, 19 Nov 2026 12:00:00 +0000',
  'Message-ID: <denial-1@support.tiktok.com>',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><body><p>Hello,</p><p>Unfortunately, we are unable to approve a refund because the',
  'impressions were delivered as ordered.</p><ul><li>Campaign: Winter boots</li></ul>',
  '<p>You may appeal within 7 days.</p></body></html>',
  '',
]);

/** A creator's reply on a creator claim, matched by the promotion ID only. */
export const CREATOR_REPLY = crlf([
  'From: Studio Nova <studio.nova.creates@gmail.com>',
  'To: ads@acme.test',
  'Subject: =?UTF-8?Q?Re:_our_partnership_=F0=9F=99=8F?=',
  'Date: Wed, 18 Nov 2026 20:00:00 +0000',
  'Message-ID: <creator-1@mail.gmail.com>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hi! So sorry about order TT1-5550001, the video is late. I will post it by Sunday.',
  '',
]);

/** A newsletter that names no claim, ticket or promotion. */
export const NEWSLETTER = crlf([
  'From: TikTok for Business <news@business.tiktok.com>',
  'To: ads@acme.test',
  'Subject: Five tips for your holiday campaigns',
  'Date: Tue, 17 Nov 2026 07:00:00 +0000',
  'Message-ID: <news-1@business.tiktok.com>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Plan early, test creatives, and watch your budget.',
  '',
]);

/** An mbox of emails (mboxrd, with a quoted `>From ` line in one body). */
export function mbox(...emails: string[]): string {
  return emails
    .map((email, index) => {
      const body = email.replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
      return `From MAILER-DAEMON Mon Nov 16 0${index}:00:00 2026\n${body}\n`;
    })
    .join('\n');
}

export function writeEmail(dir: string, name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  return path;
}
