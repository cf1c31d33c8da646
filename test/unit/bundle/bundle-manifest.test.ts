import { describe, expect, it } from 'vitest';
import { formatSha256Sums, isStoredMime, parseManifest, parseSha256Sums } from '../../../src/bundle/manifest.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('isStoredMime', () => {
  it('stores already-compressed media and deflates text, emails and spreadsheets', () => {
    for (const mime of [
      'image/png',
      'image/jpeg',
      'image/webp',
      'image/gif',
      'image/heic',
      'video/mp4',
      'video/quicktime',
      'application/pdf',
    ]) {
      expect(isStoredMime(mime), mime).toBe(true);
    }
    for (const mime of [
      'text/plain',
      'text/csv',
      'message/rfc822',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]) {
      expect(isStoredMime(mime), mime).toBe(false);
    }
  });
});

describe('SHA256SUMS', () => {
  it('writes the two-space format sha256sum reads, and reads it back', () => {
    const text = formatSha256Sums([
      { name: 'ticket.txt', sha256: A },
      { name: 'evidence/01-screenshot-é.png', sha256: B },
    ]);
    expect(text).toBe(`${A}  ticket.txt\n${B}  evidence/01-screenshot-é.png\n`);
    expect(parseSha256Sums(text)).toEqual({
      sums: new Map([
        ['ticket.txt', A],
        ['evidence/01-screenshot-é.png', B],
      ]),
      malformed: [],
    });
  });

  it('accepts the binary marker, CRLF and escaped names, and numbers malformed lines', () => {
    const text = `${A.toUpperCase()} *ticket.txt\r\n\\${B}  a\\\\b\\nc\nnot a line\n\n${A} x\n`;
    const parsed = parseSha256Sums(text);
    expect(parsed.sums).toEqual(
      new Map([
        ['ticket.txt', A],
        ['a\\b\nc', B],
      ]),
    );
    expect(parsed.malformed).toEqual([3, 5]);
  });
});

describe('parseManifest', () => {
  it('reads the claim ID and each file’s name, checksum and size', () => {
    const text = JSON.stringify({
      claim: { id: 'RC-0001' },
      files: [{ name: 'evidence/01-receipt-x.pdf', sha256: A.toUpperCase(), bytes: 12, kind: 'receipt' }],
    });
    expect(parseManifest(text)).toEqual({
      claimId: 'RC-0001',
      files: [{ name: 'evidence/01-receipt-x.pdf', sha256: A, bytes: 12 }],
    });
  });

  it('refuses what is not a bundle manifest', () => {
    expect(parseManifest('{')).toBeNull();
    expect(parseManifest('[]')).toBeNull();
    expect(parseManifest('{"files": [{"name": 1}]}')).toBeNull();
    expect(parseManifest('null')).toBeNull();
  });
});
