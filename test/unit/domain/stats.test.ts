import { describe, expect, it } from 'vitest';
import { median, ratio } from '../../../src/domain/stats.js';

describe('median', () => {
  it.each([
    [[], null],
    [[4], 4],
    [[7, 10, 2], 7],
    [[10, 5], 7.5],
    [[3, 1, 4, 1, 5, 9], 3.5],
    [[-2, 0, 2], 0],
  ])('of %j is %j', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('leaves its input unsorted', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('ratio', () => {
  it('divides, and is null rather than NaN or Infinity when there is nothing to divide by', () => {
    expect(ratio(26000, 35000)).toBe(26000 / 35000);
    expect(ratio(0, 5)).toBe(0);
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
  });
});
