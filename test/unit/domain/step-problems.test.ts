import { describe, expect, it } from 'vitest';
import { closeProblem, isFutureStep, messageProblem } from '../../../src/domain/lifecycle.js';
import { parseCaption } from '../../../src/domain/text.js';

describe('steps stated inconsistently', () => {
  it('lets only a paid close state an amount', () => {
    expect(closeProblem('withdrawn', true)).toBe('--amount goes with refunded or credited; withdrawn recovers nothing');
    expect(closeProblem('rejected', true)).toBe('--amount goes with refunded or credited; rejected recovers nothing');
    expect(closeProblem('withdrawn', false)).toBeNull();
    expect(closeProblem('credited', true)).toBeNull();
  });

  it('lets only support ask for more information', () => {
    expect(messageProblem('me', true)).toBe(
      '--info-requested goes with --from support: it is support asking you for something',
    );
    expect(messageProblem('support', true)).toBeNull();
    expect(messageProblem('me', false)).toBeNull();
  });
});

describe('when a step can be dated', () => {
  it('is today or earlier, never later', () => {
    expect(isFutureStep('2026-11-21', '2026-11-20')).toBe(true);
    expect(isFutureStep('2026-11-20', '2026-11-20')).toBe(false);
    expect(isFutureStep('2025-12-31', '2026-11-20')).toBe(false);
  });
});

describe('evidence captions', () => {
  it('are one line of at most 200 characters', () => {
    expect(parseCaption('  Invoice INV-1 ')).toEqual({ ok: true, value: 'Invoice INV-1' });
    expect(parseCaption('x'.repeat(201))).toEqual({
      ok: false,
      error: 'is 201 characters long; at most 200 are accepted',
    });
    expect(parseCaption('two\nlines').ok).toBe(false);
  });
});
