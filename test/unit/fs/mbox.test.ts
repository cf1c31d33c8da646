import { describe, expect, it } from 'vitest';
import { looksLikeMbox, NotAnMboxError, splitMbox } from '../../../src/fs/mbox.js';

/** The file's bytes in chunks of `size`, so that lines and separators fall across chunk edges. */
function chunked(text: string, size: number): Uint8Array[] {
  const bytes = Buffer.from(text, 'latin1');
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

async function split(text: string, limit = 1_000_000, size = 7): Promise<(string | null)[]> {
  const messages: (string | null)[] = [];
  for await (const message of splitMbox(chunked(text, size), limit)) {
    expect(message.number).toBe(messages.length + 1);
    messages.push(message.bytes === null ? null : Buffer.from(message.bytes).toString('latin1'));
  }
  return messages;
}

const MBOX = [
  'From support@tiktok.test Mon Nov 16 09:00:00 2026',
  'From: support@tiktok.test',
  'Subject: one',
  '',
  'First body.',
  '>From the start, we saw it.',
  '>>From quoted twice.',
  'From here on is text in a paragraph, not a separator.',
  '',
  'From support@tiktok.test Tue Nov 17 09:00:00 2026',
  'From: support@tiktok.test',
  'Subject: two',
  '',
  'Second body.',
  '',
].join('\n');

describe('splitMbox', () => {
  it.each([1, 7, 64, 100_000])('splits on "From " lines after an empty line, in chunks of %i bytes', async (size) => {
    expect(await split(MBOX, 1_000_000, size)).toEqual([
      [
        'From: support@tiktok.test',
        'Subject: one',
        '',
        'First body.',
        'From the start, we saw it.',
        '>From quoted twice.',
        'From here on is text in a paragraph, not a separator.',
        '',
      ].join('\n'),
      ['From: support@tiktok.test', 'Subject: two', '', 'Second body.', ''].join('\n'),
    ]);
  });

  it('splits on an RFC 4155 From_ line that no empty line precedes', async () => {
    const tight =
      'From a@b.test Mon Nov 16 09:00:00 2026\nSubject: one\n\nbody\nFrom a@b.test Tue Nov 17 9:00 2026\nSubject: two\n';
    expect(await split(tight)).toEqual(['Subject: one\n\nbody\n', 'Subject: two\n']);
  });

  it('keeps CRLF line ends and binary bytes as they are', async () => {
    const crlf =
      'From a@b.test Mon Nov 16 09:00:00 2026\r\nFrom: a@b.test\r\n\r\n\xe9t\xe9\r\n\r\nFrom a@b.test x\r\nX: 1\r\n';
    expect(await split(crlf)).toEqual(['From: a@b.test\r\n\r\n\xe9t\xe9\r\n', 'X: 1\r\n']);
  });

  it('skips a message larger than the limit without holding it, and goes on with the next', async () => {
    const big = `From a@b.test x\nSubject: big\n\n${'x'.repeat(5000)}\n${'y'.repeat(50)}\n\nFrom a@b.test y\nSubject: small\n`;
    expect(await split(big, 1000, 512)).toEqual([null, 'Subject: small\n']);
    const oneLongLine = `From a@b.test x\nSubject: big\n\n${'z'.repeat(5000)}\n\nFrom a@b.test y\nSubject: small\n`;
    expect(await split(oneLongLine, 1000, 4096)).toEqual([null, 'Subject: small\n']);
  });

  it('refuses a file that does not start with a "From " line, or is empty', async () => {
    await expect(split('Subject: hi\n\nFrom a@b.test x\n')).rejects.toThrow(NotAnMboxError);
    await expect(split('')).rejects.toThrow(NotAnMboxError);
  });

  it('tells an mbox from an email by its first line', () => {
    expect(looksLikeMbox(Buffer.from('From a@b.test Mon Nov 16 09:00:00 2026\n'))).toBe(true);
    expect(looksLikeMbox(Buffer.from('From: a@b.test\n'))).toBe(false);
    expect(looksLikeMbox(Buffer.from('Subject: x\n'))).toBe(false);
  });
});
