import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errnoCode } from '../../../src/fs/errno.js';

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
