import { describe, expect, it } from 'vitest';
import { MAX_CLAIM_ID, parseClaimId, formatClaimId } from '../../../src/domain/claim.js';
import {
  codePointLength,
  parseAdvertiserId,
  parseCaption,
  parseCreatorHandle,
  parseEmail,
  parseName,
  parseText,
  printable,
  printableFields,
  printableName,
} from '../../../src/domain/text.js';
import { claim, evidence } from '../../helpers/claims.js';

describe('text fields', () => {
  it('trims and keeps line breaks only where allowed', () => {
    expect(parseText('  Summer sale \t')).toEqual({ ok: true, value: 'Summer sale' });
    expect(parseText('line one\r\nline two', { multiline: true })).toEqual({ ok: true, value: 'line one\nline two' });
    expect(parseText('line one\nline two').ok).toBe(false);
  });

  it('refuses control characters, empty and over-long text', () => {
    expect(parseText('bell\u0007')).toMatchObject({ ok: false, error: expect.stringContaining('control') });
    expect(parseText('esc\u001b[31m', { multiline: true }).ok).toBe(false);
    expect(parseText('   ')).toMatchObject({ ok: false, error: 'is empty' });
    expect(parseText('x'.repeat(10_001), { multiline: true })).toMatchObject({
      ok: false,
      error: expect.stringContaining('10000'),
    });
    expect(parseText('x'.repeat(10_000), { multiline: true }).ok).toBe(true);
  });

  it('counts length in characters, not UTF-16 units', () => {
    expect(codePointLength('a😀b')).toBe(3);
    // 10,000 emoji are 20,000 UTF-16 units, and still 10,000 characters.
    expect(parseText('😀'.repeat(10_000), { multiline: true }).ok).toBe(true);
    expect(parseText('😀'.repeat(10_001), { multiline: true })).toMatchObject({
      ok: false,
      error: 'is 10001 characters long; at most 10000 are accepted',
    });
    expect(parseCaption('é'.repeat(200)).ok).toBe(true);
    expect(parseCaption('é'.repeat(201)).ok).toBe(false);
  });

  it('refuses CR and LF in one-line fields, and turns CRLF into LF in multi-line ones', () => {
    expect(parseText('T-1\rT-2').ok).toBe(false);
    expect(parseText('a\u2028b').ok).toBe(false);
    expect(parseText('a\rb', { multiline: true })).toEqual({ ok: true, value: 'a\nb' });
  });

  it('refuses half a character (a lone surrogate), which no UTF-8 can hold', () => {
    expect(parseText('ab\ud800c')).toMatchObject({ ok: false, error: expect.stringContaining('not valid Unicode') });
    expect(parseText('ab\udc00', { multiline: true }).ok).toBe(false);
  });
});

describe('names and IDs', () => {
  it.each([
    ['\u202a', 'U+202A'],
    ['\u202e', 'U+202E'],
    ['\u2066', 'U+2066'],
    ['\u2069', 'U+2069'],
    ['\u200b', 'U+200B'],
    ['\u2060', 'U+2060'],
    ['\ufeff', 'U+FEFF'],
  ])('refuses %j, naming it', (character, code) => {
    expect(parseName(`invoice${character}fdp.exe`)).toEqual({
      ok: false,
      error: `contains an invisible or direction-changing character (${code})`,
    });
    expect(parseEmail(`ads${character}@acme.test`).ok).toBe(false);
  });

  it('keeps the joiners emoji and scripts need, and allows direction marks in free text', () => {
    expect(parseName('👩\u200d💻 Studio')).toEqual({ ok: true, value: '👩\u200d💻 Studio' });
    expect(parseName('می\u200cخواهم').ok).toBe(true);
    expect(parseText('quoted \u202bمرحبا\u202c here', { multiline: true }).ok).toBe(true);
  });

  it('applies every rule of one-line text too', () => {
    expect(parseName('T-1\nT-2').ok).toBe(false);
    expect(parseName('  T-1 ')).toEqual({ ok: true, value: 'T-1' });
    expect(parseName('x'.repeat(501)).ok).toBe(false);
  });

  it('makes file names printable: escapes and deceptive characters become U+FFFD', () => {
    expect(printableName('a\u001b[31mb\u202ec\u200bd\u200de.png')).toBe('a\ufffd[31mb\ufffdc\ufffdd\u200de.png');
    expect(parseName(printableName('invoice\u202efdp.exe')).ok).toBe(true);
  });

  it('checks emails, advertiser IDs and handles', () => {
    expect(parseEmail('ads@acme.test').ok).toBe(true);
    expect(parseEmail('ads@acme').ok).toBe(false);
    expect(parseEmail('a b@acme.test').ok).toBe(false);
    expect(parseAdvertiserId(' 7012345678901 ')).toEqual({ ok: true, value: '7012345678901' });
    expect(parseAdvertiserId('70123-45').ok).toBe(false);
    expect(parseCreatorHandle('studio.name')).toEqual({ ok: true, value: '@studio.name' });
    expect(parseCreatorHandle('@bad handle').ok).toBe(false);
  });
});

describe('printable text', () => {
  it('shows escape, bell, carriage return, DEL, C1 and bidi controls as escapes', () => {
    expect(printable('\u001b[2J\u001b]0;title\u0007')).toBe('\\x1b[2J\\x1b]0;title\\x07');
    expect(printable('paid\roverwritten')).toBe('paid\\roverwritten');
    expect(printable('a\u007fb\u009b31mc\u0085d')).toBe('a\\x7fb\\x9b31mc\\x85d');
    expect(printable('invoice\u202efdp.exe \u2066x\u2069 \u2028')).toBe(
      'invoice\\u202efdp.exe \\u2066x\\u2069 \\u2028',
    );
  });

  it('keeps line breaks and tabs only in multiline text, where a CRLF is one line end', () => {
    expect(printable('one\ntwo\tthree')).toBe('one\\ntwo\\tthree');
    expect(printable('one\r\ntwo\tthree\rfour\u001b', { multiline: true })).toBe('one\ntwo\tthree\\rfour\\x1b');
  });

  it('returns printable text as it is, and escaping twice changes nothing', () => {
    const plain = 'Café Lumière — 日本語 ☀️ \\x1b stays';
    expect(printable(plain)).toBe(plain);
    const once = printable('a\u001bb\u202e');
    expect(printable(once)).toBe(once);
  });

  it('makes every string of a claim printable, keeping the lines of free text', () => {
    const hostile = claim({
      accountName: 'Acme\u001b[31m',
      description: 'Line one\u0007\nLine two',
      evidence: [evidence('receipt', 1, { name: 'inv\u202eoice.pdf', caption: 'cap\rtion' })],
      events: [
        {
          seq: 1,
          type: 'message',
          on: '2026-11-20',
          recordedAt: '2026-11-20T12:00:00.000Z',
          note: 'note\nnot a line',
          actor: null,
          data: { from: 'support', message: 'Hello\u009b2J\nBye' },
        },
      ],
    });
    const shown = printableFields(hostile);
    expect(shown).toMatchObject({
      accountName: 'Acme\\x1b[31m',
      description: 'Line one\\x07\nLine two',
      evidence: [{ name: 'inv\\u202eoice.pdf', caption: 'cap\\rtion', bytes: 1000 }],
      events: [{ note: 'note\\nnot a line', data: { message: 'Hello\\x9b2J\nBye' } }],
    });
    expect(hostile.accountName).toBe('Acme\u001b[31m');
    expect(printableFields(claim())).toEqual(claim());
  });

  it('replaces what a file name must not carry with U+FFFD', () => {
    expect(printableName('a\u001bb\u202ec.pdf')).toBe('a\uFFFDb\uFFFDc.pdf');
  });
});

describe('claim IDs', () => {
  it.each([
    ['RC-0007', 7],
    ['rc-7', 7],
    ['7', 7],
    ['RC-12345', 12345],
  ])('reads %s', (text, id) => expect(parseClaimId(text)).toBe(id));

  it.each(['RC-', 'RC-0', 'X-7', '7a', '-7', ''])('refuses %j', (text) => expect(parseClaimId(text)).toBeNull());

  it('reads back every ID up to MAX_CLAIM_ID, and none beyond', () => {
    expect(parseClaimId(formatClaimId(MAX_CLAIM_ID))).toBe(MAX_CLAIM_ID);
    expect(parseClaimId(formatClaimId(MAX_CLAIM_ID + 1))).toBeNull();
  });

  it('prints at least four digits', () => {
    expect(formatClaimId(7)).toBe('RC-0007');
    expect(formatClaimId(12345)).toBe('RC-12345');
  });
});
