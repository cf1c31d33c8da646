import { describe, expect, it } from 'vitest';
import { parseClaimId, formatClaimId } from '../../../src/domain/claim.js';
import {
  escapeControls,
  parseAdvertiserId,
  parseCreatorHandle,
  parseEmail,
  parseText,
} from '../../../src/domain/text.js';

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

describe('escapeControls', () => {
  it('shows C0 and C1 controls, DEL and line separators as escapes, and leaves the rest', () => {
    expect(escapeControls('a\u001b[2Jb\u0007c\rd\ne\u007f\u009b\u2028 ü 😀 \\x')).toBe(
      'a\\x1b[2Jb\\x07c\\x0dd\\x0ae\\x7f\\x9b\\u2028 ü 😀 \\x',
    );
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

  it('prints at least four digits', () => {
    expect(formatClaimId(7)).toBe('RC-0007');
    expect(formatClaimId(12345)).toBe('RC-12345');
  });
});
