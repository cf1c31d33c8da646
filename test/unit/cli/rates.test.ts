import { describe, expect, it } from 'vitest';
import { formatRate, rateBar } from '../../../src/cli/output/rates.js';

describe('rates on a terminal', () => {
  it('round only for display', () => {
    expect([formatRate(260 / 350), formatRate(0), formatRate(1), formatRate(null)]).toEqual(['74%', '0%', '100%', '—']);
  });

  it('draw a bar of fixed width in eighths, full above 100%', () => {
    expect(rateBar(0)).toBe('··········');
    expect(rateBar(0.5)).toBe('█████·····');
    expect(rateBar(0.625)).toBe('██████▎···');
    expect(rateBar(1.2)).toBe('██████████');
    expect(rateBar(null)).toBe('··········');
    for (const rate of [0, 0.01, 0.33, 0.999, 1]) expect([...rateBar(rate)]).toHaveLength(10);
  });
});
