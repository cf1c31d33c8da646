import { describe, expect, it } from 'vitest';
import { checkEvidenceFiles, copyEvidence, withoutDuplicates } from '../../../src/app/import-evidence.js';
import type { EvidenceCopy } from '../../../src/app/import-evidence.js';
import { UsageError } from '../../../src/domain/errors.js';
import { evidence } from '../../helpers/claims.js';
import { fakeEvidence, sha256Of } from '../../helpers/use-case-deps.js';

const files = { './a.pdf': 'aaa', './b.png': 'bbbb' };

/** A copy on its way in, with a checksum spelt by one hex digit. */
const copy = (path: string, digit: string): EvidenceCopy => ({
  ...evidence('receipt', 0, { sha256: digit.repeat(64) }),
  path,
});

describe('checkEvidenceFiles', () => {
  it('inspects every file, keeping what the user said about it', async () => {
    const checked = await checkEvidenceFiles(fakeEvidence(files), [
      { kind: 'receipt', path: './a.pdf', caption: 'Invoice' },
      { kind: 'screenshot', path: './b.png' },
    ]);
    expect(checked).toEqual([
      {
        kind: 'receipt',
        path: './a.pdf',
        caption: 'Invoice',
        file: { path: './a.pdf', name: 'a.pdf', bytes: 3, mime: 'application/pdf' },
      },
      { kind: 'screenshot', path: './b.png', file: { path: './b.png', name: 'b.png', bytes: 4, mime: 'image/png' } },
    ]);
  });

  it('refuses the whole list for one bad path, copying nothing', async () => {
    const store = fakeEvidence(files);
    const attempt = checkEvidenceFiles(store, [
      { kind: 'receipt', path: './a.pdf' },
      { kind: 'other', path: './nope.txt' },
    ]);
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow('Evidence file not found: ./nope.txt.');
    expect(store.blobs.size).toBe(0);
  });
});

describe('copyEvidence', () => {
  it('stores each file under its SHA-256, stamped with the time given, not yet numbered', async () => {
    const store = fakeEvidence(files);
    const checked = await checkEvidenceFiles(store, [{ kind: 'receipt', path: './a.pdf' }]);
    const copies = await copyEvidence(store, checked, '2026-11-20T12:00:00.000Z');
    expect(copies).toEqual([
      {
        path: './a.pdf',
        kind: 'receipt',
        name: 'a.pdf',
        caption: null,
        bytes: 3,
        sha256: sha256Of('aaa'),
        mime: 'application/pdf',
        addedAt: '2026-11-20T12:00:00.000Z',
      },
    ]);
    expect(copies[0]).not.toHaveProperty('number');
    expect(store.blobs.get(sha256Of('aaa'))?.toString()).toBe('aaa');
  });
});

describe('withoutDuplicates', () => {
  it('numbers new content after the highest number the claim has, in the order given', () => {
    const existing = [evidence('receipt', 1), evidence('screenshot', 4)];
    const { added, numbers, skipped } = withoutDuplicates([copy('./x.pdf', 'a'), copy('./y.pdf', 'b')], existing);
    expect(numbers).toEqual([5, 6]);
    expect(added.map((item) => [item.number, item.sha256[0]])).toEqual([
      [5, 'a'],
      [6, 'b'],
    ]);
    expect(added[0]).not.toHaveProperty('path');
    expect(skipped).toEqual([]);
  });

  it('skips content the claim holds, or that came earlier in the list, naming the number that has it', () => {
    const existing = [evidence('receipt', 2, { sha256: 'c'.repeat(64) })];
    const { numbers, skipped } = withoutDuplicates(
      [copy('./new.pdf', 'a'), copy('./old.pdf', 'c'), copy('./again.pdf', 'a'), copy('./other.pdf', 'b')],
      existing,
    );
    expect(numbers).toEqual([3, 4]);
    expect(skipped).toEqual([
      { path: './old.pdf', sameAs: 2 },
      { path: './again.pdf', sameAs: 3 },
    ]);
  });

  it('starts at 1 on a claim without evidence', () => {
    expect(withoutDuplicates([copy('./x.pdf', 'a')], []).numbers).toEqual([1]);
  });
});
