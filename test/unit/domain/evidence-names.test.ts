import { describe, expect, it } from 'vitest';
import { bundleFileName, bundleFileNames, MAX_NAME_LENGTH } from '../../../src/domain/evidence-names.js';

const item = (name: string, mime = 'image/png', seq = 1) => ({ seq, kind: 'screenshot' as const, name, mime });

describe('bundle file names', () => {
  it('numbers, labels and keeps a readable stem', () => {
    expect(bundleFileName(item('Ads Manager dashboard (Nov 3).png'))).toBe(
      '01-screenshot-Ads-Manager-dashboard-Nov-3.png',
    );
  });

  it('takes the extension from the detected type, not the name', () => {
    expect(bundleFileName(item('photo.pdf', 'image/jpeg'))).toBe('01-screenshot-photo.jpg');
    expect(bundleFileName(item('no-extension', 'application/pdf'))).toBe('01-screenshot-no-extension.pdf');
  });

  it.each([
    '../../etc/passwd',
    '..\\..\\windows\\system32',
    '/absolute/path.png',
    'bell\u0007and\u001bescape.png',
    '....png',
    '',
  ])('makes %j safe', (name) => {
    const safe = bundleFileName(item(name));
    expect(safe).toMatch(/^01-screenshot-[^/\\]+\.png$/);
    expect(safe).not.toContain('..');
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(safe).not.toMatch(/[\u0000-\u001f]/);
  });

  it('keeps names within 100 characters without splitting a character', () => {
    const safe = bundleFileName(item(`${'收据'.repeat(200)}.png`));
    expect([...safe].length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(safe.endsWith('据.png') || safe.endsWith('收.png')).toBe(true);
  });

  it('is unique by number and widens the number past 99', () => {
    const names = bundleFileNames(Array.from({ length: 120 }, (_, i) => item('same.png', 'image/png', i + 1)));
    expect(new Set(names).size).toBe(120);
    expect(names[0]).toBe('001-screenshot-same.png');
  });
});
