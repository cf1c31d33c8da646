import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../src/domain/claim.js';
import { MAX_NAME_LENGTH, bundleFileNames } from '../../../src/domain/evidence-names.js';

type Named = Pick<Evidence, 'number' | 'kind' | 'name' | 'mime'>;

const item = (seq: number, name: string, mime = 'image/png'): Named => ({
  number: seq,
  kind: 'screenshot',
  name,
  mime,
});

/** What every bundle entry name must be, whatever the user's file was called. */
function expectSafe(name: string): void {
  expect(name).not.toMatch(/[/\\]/);
  expect(name.split('.')).not.toContain('');
  expect(name).not.toMatch(/\.\./);
  // eslint-disable-next-line no-control-regex -- control characters are what is being refused
  expect(name).not.toMatch(/[\u0000-\u001f\u007f]/);
  expect(Array.from(name).length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
  expect(name).not.toMatch(/^[-.]/);
}

describe('bundleFileNames', () => {
  it('numbers, labels and keeps a readable name', () => {
    expect(bundleFileNames([item(1, 'Ads Manager dashboard.png'), item(2, 'invoice.pdf', 'application/pdf')])).toEqual([
      '01-screenshot-Ads-Manager-dashboard.png',
      '02-screenshot-invoice.pdf',
    ]);
  });

  it('makes path separators, `..`, backslashes and control characters harmless', () => {
    const hostile = [
      '../../etc/passwd',
      '/absolute/path/shot.png',
      '..\\..\\windows\\system32\\evil.png',
      '..',
      '...png',
      'a\u0001b\u001fc\u007f.png',
      'new\nline.png',
      '  spaced  out  .png',
      'C:\\Users\\me\\shot.png',
    ];
    const names = bundleFileNames(hostile.map((name, index) => item(index + 1, name)));
    for (const name of names) expectSafe(name);
    expect(names[0]).toBe('01-screenshot-passwd.png');
    expect(names[3]).toBe('04-screenshot-file.png');
  });

  it('cuts long names to 100 characters without splitting a character', () => {
    const [long] = bundleFileNames([item(7, `${'é'.repeat(150)}𝒳${'x'.repeat(150)}.png`)]);
    expect(long).toBeDefined();
    expectSafe(long ?? '');
    expect(Array.from(long ?? '')).toHaveLength(MAX_NAME_LENGTH);
    expect(long).toMatch(/^07-screenshot-é+\.png$/);
  });

  it('keeps unicode letters and takes the extension from the detected type', () => {
    expect(bundleFileNames([item(1, 'Übersicht März.jpeg', 'image/jpeg')])).toEqual([
      '01-screenshot-Übersicht-März.jpg',
    ]);
    expect(bundleFileNames([item(1, 'report', 'text/csv')])).toEqual(['01-screenshot-report.csv']);
    expect(
      bundleFileNames([item(1, 'chat.txt', 'text/plain'), item(2, 'spend.tsv', 'text/tab-separated-values')]),
    ).toEqual(['01-screenshot-chat.txt', '02-screenshot-spend.tsv']);
  });

  it('is unique even when the originals have the same name, and widens the number past 99', () => {
    const many = Array.from({ length: 120 }, (_, index) => item(index + 1, 'same.png'));
    const names = bundleFileNames(many);
    expect(new Set(names).size).toBe(120);
    expect(names[0]).toBe('001-screenshot-same.png');
    expect(names[119]).toBe('120-screenshot-same.png');
  });
});
