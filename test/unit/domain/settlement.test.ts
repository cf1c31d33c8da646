import { describe, expect, it } from 'vitest';
import { amountNeedsConfirmation, approvedAmount, isPaid, recoveredAmount } from '../../../src/domain/settlement.js';

describe('settlement', () => {
  it('counts refunded and credited as paid, and nothing else', () => {
    expect(['refunded', 'credited', 'rejected', 'withdrawn', undefined].map((o) => isPaid(o as never))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('approves what was requested unless an amount is stated; a denial approves nothing', () => {
    expect(approvedAmount({ decision: 'approved' }, 20000)).toBe(20000);
    expect(approvedAmount({ decision: 'approved', amount: null }, 20000)).toBe(20000);
    expect(approvedAmount({ decision: 'partially-approved', amount: 5000 }, 20000)).toBe(5000);
    expect(approvedAmount({ decision: 'denied', amount: 5000 }, 20000)).toBeNull();
  });

  it('recovers the stated amount, else the approved one, else the requested one; unpaid recovers 0', () => {
    expect(recoveredAmount({ outcome: 'refunded', amount: 100 }, 15000, 20000)).toBe(100);
    expect(recoveredAmount({ outcome: 'credited' }, 15000, 20000)).toBe(15000);
    expect(recoveredAmount({ outcome: 'refunded' }, null, 20000)).toBe(20000);
    expect(recoveredAmount({ outcome: 'rejected', amount: 100 }, 15000, 20000)).toBe(0);
  });

  it('asks to confirm only an amount above the requested one', () => {
    expect(amountNeedsConfirmation(20001, 20000)).toBe(true);
    expect(amountNeedsConfirmation(20000, 20000)).toBe(false);
  });
});
