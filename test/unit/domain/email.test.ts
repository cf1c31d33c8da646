import { describe, expect, it } from 'vitest';
import {
  emailCaption,
  emailHeaderProblem,
  emailKey,
  emailMessage,
  isEmailKey,
  evidenceKindOf,
  replyText,
  senderSide,
  skippedPart,
} from '../../../src/domain/email.js';

describe('email rules', () => {
  it('keys an email by its Message-ID, else by its checksum', () => {
    expect(emailKey(' <abc@host> ', 'f'.repeat(64))).toBe('message-id:abc@host');
    expect(emailKey(null, 'f'.repeat(64))).toBe(`sha256:${'f'.repeat(64)}`);
    expect(emailKey('<\u202eevil@host>', 'e'.repeat(64))).toBe(`sha256:${'e'.repeat(64)}`);
  });

  it('knows its own keys again, and nothing else, when an export file brings them', () => {
    for (const key of [emailKey(' <abc@host> ', 'f'.repeat(64)), emailKey(null, 'f'.repeat(64))]) {
      expect(isEmailKey(key)).toBe(true);
    }
    for (const text of [
      'abc@host',
      'message-id:',
      'message-id:<abc@host>',
      'message-id:a b',
      'message-id:\u202eevil',
      'sha256:F'.padEnd(71, 'F'),
      'sha256:abc',
    ]) {
      expect(isEmailKey(text), text).toBe(false);
    }
  });

  it('says who wrote it: the contact, a colleague or the agency is me; anyone else support', () => {
    const claim = { email: 'ads@acme.test', agency: 'Northwind Media' };
    expect(senderSide('ADS@acme.test', claim)).toBe('me');
    expect(senderSide('ana@acme.test', claim)).toBe('me');
    expect(senderSide('lea@northwindmedia.com', claim)).toBe('me');
    expect(senderSide('no-reply@support.tiktok.com', claim)).toBe('support');
    expect(senderSide('creator@gmail.com', { email: 'me@gmail.com', agency: null })).toBe('support');
    expect(senderSide(null, claim)).toBe('support');
  });

  it('gives each attachment the kind its content shows, and skips inline images, signatures and invitations', () => {
    expect(evidenceKindOf('image/png', 'a.png')).toBe('screenshot');
    expect(evidenceKindOf('video/mp4', 'a.mp4')).toBe('recording');
    expect(evidenceKindOf('text/csv', 'a.csv')).toBe('report');
    expect(evidenceKindOf('application/pdf', 'Invoice-4471.pdf')).toBe('receipt');
    expect(evidenceKindOf('application/pdf', 'policy.pdf')).toBe('other');
    expect(evidenceKindOf('message/rfc822', 'fwd.eml')).toBe('correspondence');
    const part = { name: 'x', mime: 'image/png', disposition: 'inline', inline: true };
    expect(skippedPart(part)).toBe('an inline image');
    expect(skippedPart({ ...part, disposition: 'attachment', inline: false })).toBeNull();
    expect(skippedPart({ ...part, name: 'smime.p7s', mime: 'application/octet-stream' })).toBe('a signature');
    expect(skippedPart({ ...part, mime: 'text/calendar', inline: false })).toBe('a calendar invitation');
  });

  it('cuts the quoted thread off a reply', () => {
    expect(replyText('Thanks!\n\nOn Mon, 16 Nov 2026, Support <s@t.com> wrote:\n> old')).toBe('Thanks!');
    expect(replyText('Thanks!\n\nOn Mon, 16 Nov 2026 at 10:00, Support\n<s@t.com> wrote:\n> old')).toBe('Thanks!');
    expect(replyText('Yes.\n-----Original Message-----\nFrom: x')).toBe('Yes.');
    expect(replyText('Yes.\n\nFrom: Support\nSent: Monday\nold')).toBe('Yes.');
    expect(replyText('> all quoted\n> here')).toBe('> all quoted\n> here');
    expect(replyText('Answer\n> inline quote\nmore answer')).toBe('Answer\n> inline quote\nmore answer');
  });

  it('holds the message to the text rules, layout characters aside', () => {
    expect(emailMessage('a\fb')).toEqual({ ok: true, value: 'a\nb' });
    expect(emailMessage('bell \u0007')).toEqual({ ok: false, error: 'contains control characters' });
    expect(emailMessage('  ')).toEqual({ ok: false, error: 'is empty (the email has no text body)' });
  });

  it('tells an email from other text by its headers', () => {
    expect(emailHeaderProblem('From: a@b.test\r\nSubject: x\r\n\r\nbody')).toBeNull();
    expect(emailHeaderProblem('From a@b x\nFrom: a@b.test\nDate: x\n\nbody')).toBeNull();
    expect(emailHeaderProblem('Dear support,\nplease')).toBe('its first lines are not mail headers');
    expect(emailHeaderProblem('Subject: x\nDate: y\n\nbody')).toBe('it has no From header');
    expect(emailHeaderProblem('')).toBe('it is empty');
  });

  it('captions the email on one line of at most 200 characters', () => {
    expect(emailCaption('s@t.com', '2026-11-17', 'Re:\tyour\u202e ticket')).toBe(
      'Email from s@t.com of 2026-11-17: Re: your ticket',
    );
    expect([...emailCaption(null, '2026-11-17', 'x'.repeat(300))]).toHaveLength(200);
  });
});
