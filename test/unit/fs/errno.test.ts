import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errnoCode, failureAt } from '../../../src/fs/errno.js';

describe('errnoCode', () => {
  it('reads the code of a failed system call', () => {
    let caught: unknown;
    try {
      readFileSync('/nonexistent/refund-claim');
    } catch (error) {
      caught = error;
    }
    expect(errnoCode(caught)).toBe('ENOENT');
  });

  it('is undefined for anything else', () => {
    expect(errnoCode(new Error('plain'))).toBeUndefined();
    expect(errnoCode(Object.assign(new Error('odd'), { code: 42 }))).toBeUndefined();
    expect(errnoCode('ENOENT')).toBeUndefined();
    expect(errnoCode(null)).toBeUndefined();
    expect(errnoCode(undefined)).toBeUndefined();
  });
});

describe('failureAt', () => {
  it('names the given place instead of the file the system call named, keeping the code', () => {
    const cause = Object.assign(new Error('EFBIG: file too large, write'), { code: 'EFBIG' });
    const failed = failureAt(cause, '/data/evidence');
    expect(failed).toMatchObject({ code: 'EFBIG', path: '/data/evidence', cause });
    expect((failed as Error).message).toBe('/data/evidence: EFBIG: file too large, write');
  });

  it('leaves an error without an errno code as it is', () => {
    const plain = new Error('plain');
    expect(failureAt(plain, '/data/evidence')).toBe(plain);
  });
});
