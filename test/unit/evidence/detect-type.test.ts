import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectType, sniffText, textType } from '../../../src/evidence/detect-type.js';
import { tempDir } from '../../helpers/temp.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

/** A chat log whose every line has two commas: to a sniffer, it looks like CSV. */
const CHAT = 'Me: hi, the campaign, it kept spending\nSupport: ok, noted, thanks\nMe: so, refund, please\n';
const CSV = 'day,spend\n1,10\n2,20\n';
const EMAIL = 'From: support@tiktok.test\nTo: ads@acme.test\nSubject: Your case\n\nHello\n';

describe('textType', () => {
  it('lets the name decide among text formats when the content is text', () => {
    // What content alone would say, so each case below shows the name winning over it.
    expect(sniffText(text(CHAT))).toBe('text/csv');
    expect(sniffText(text(EMAIL))).toBe('message/rfc822');

    expect(textType('chat.txt', text(CHAT))).toBe('text/plain');
    expect(textType('CHAT.TXT', text(CHAT))).toBe('text/plain');
    expect(textType('headers.txt', text(EMAIL))).toBe('text/plain');
    expect(textType('notes.csv', text('one line of words'))).toBe('text/csv');
    expect(textType('spend.tsv', text('day\tspend\n1\t10\n2\t20\n'))).toBe('text/tab-separated-values');
    expect(textType('reply.eml', text('not much of an email'))).toBe('message/rfc822');
  });

  it('lets the content decide when the name says nothing', () => {
    expect(textType('spend-export', text(CSV))).toBe('text/csv');
    expect(textType('notes.md', text(CHAT))).toBe('text/csv');
    expect(textType('reply.msg', text(EMAIL))).toBe('message/rfc822');
    expect(textType('readme', text('plain words'))).toBe('text/plain');
    // A name is looked up as data, never as a property of an object.
    expect(textType('x.constructor', text('plain words'))).toBe('text/plain');
  });

  it('never calls binary content text, whatever its name', () => {
    expect(textType('chat.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBeNull();
    expect(textType('data.csv', new Uint8Array([0xff, 0xd8, 0xff, 0xc3, 0x80]))).toBeNull();
  });
});

describe('detectType', () => {
  it('reads the name from the path, and supports every text format a name can vouch for', async () => {
    const dir = tempDir();
    const cases: [string, string, string][] = [
      ['chat.txt', CHAT, 'text/plain'],
      ['spend.tsv', 'day\tspend\n1\t10\n', 'text/tab-separated-values'],
      ['spend', CSV, 'text/csv'],
    ];
    for (const [name, content, mime] of cases) {
      writeFileSync(join(dir, name), content);
      expect(await detectType(join(dir, name)), name).toMatchObject({ mime, supported: true });
    }
  });

  it('lets a magic number win over a text name', async () => {
    const path = join(tempDir(), 'invoice.txt');
    writeFileSync(path, '%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    expect((await detectType(path)).mime).toBe('application/pdf');
  });
});
