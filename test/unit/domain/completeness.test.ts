import { describe, expect, it } from 'vitest';
import type { Reason } from '../../../src/domain/claim.js';
import { checkClaim, defaultRequested, missingEvidence, requiredFields } from '../../../src/domain/completeness.js';
import type { CheckContext } from '../../../src/domain/completeness.js';
import { claim as baseClaim, evidence as baseEvidence, fields } from '../../helpers/claims.js';

const context: CheckContext = { today: '2026-11-20', integrity: null, shared: new Map() };
/** Evidence with a caption, so that each test sees only the finding it is about. */
const evidence = (...args: Parameters<typeof baseEvidence>) =>
  baseEvidence(args[0], args[1], { caption: 'What it shows', ...args[2] });
/** A claim with every warned fact, so that each test sees only the finding it is about. */
const claim = (overrides: Parameters<typeof baseClaim>[0] = {}) =>
  baseClaim({ invoice: 'INV-4471', noticedOn: '2026-11-03', failure: 'delivery stopped', ...overrides });
const codes = (c: ReturnType<typeof claim>, ctx = context) => checkClaim(c, ctx).map((f) => `${f.severity}:${f.code}`);

describe('what each reason needs', () => {
  it.each<[Reason, string[], string[][]]>([
    ['technical-issue', ['start', 'end', 'failure'], [['screenshot', 'recording']]],
    ['incorrect-charge', ['expected'], [['receipt']]],
    ['non-performance', ['promised', 'delivered'], [['report', 'screenshot']]],
    ['accidental-charge', ['chargeDate'], [['receipt']]],
    ['campaign-cancelled', ['cancelledOn', 'cancelReason'], [['receipt']]],
    ['creator-no-delivery', ['creator', 'deliverables', 'deliverablesDue'], [['correspondence'], ['receipt']]],
    ['unspent-balance', ['balanceShownOn'], [['screenshot']]],
  ])('%s needs %j and evidence %j', (reason, extra, kinds) => {
    const base = ['accountName', 'email', 'promotionId', 'currency', 'charged', 'description'];
    expect(requiredFields('tiktok-promote', reason)).toEqual([...base, ...extra]);
    expect(requiredFields('tiktok-ads', reason)).toEqual(['advertiserId', ...base, ...extra]);
    expect(missingEvidence(reason, [])).toEqual(kinds);
  });

  it('is satisfied by any one kind of an either-or entry', () => {
    expect(missingEvidence('technical-issue', [{ kind: 'recording' }])).toEqual([]);
    expect(missingEvidence('non-performance', [{ kind: 'screenshot' }])).toEqual([]);
    expect(missingEvidence('creator-no-delivery', [{ kind: 'receipt' }])).toEqual([['correspondence']]);
  });

  it('defaults the request to the overcharge, else to the charge', () => {
    expect(defaultRequested('incorrect-charge', 50000, 30000)).toBe(20000);
    expect(defaultRequested('accidental-charge', 50000, null)).toBe(50000);
  });
});

describe('checkClaim', () => {
  it('passes a complete claim', () => {
    expect(codes(claim({ evidence: [evidence('receipt', 1)] }))).toEqual([]);
  });

  it('reports missing evidence and missing fields as errors', () => {
    expect(codes(claim({ expected: null }))).toEqual(['error:missing-field', 'error:missing-evidence']);
    expect(
      codes(
        claim({ ...fields({ reason: 'technical-issue', start: null, end: null, expected: null, requested: 50000 }) }),
      ),
    ).toEqual([
      'error:missing-field',
      'error:missing-field',
      'error:missing-field',
      'warning:missing-fact',
      'error:missing-evidence',
    ]);
  });

  it('warns about a missing fact the reason is stronger with, naming it', () => {
    const findings = checkClaim(
      baseClaim({ reason: 'accidental-charge', chargeDate: '2026-11-01', evidence: [evidence('receipt', 1)] }),
      context,
    );
    expect(findings.map((f) => [f.severity, f.code, f.field])).toEqual([
      ['warning', 'missing-fact', 'noticedOn'],
      ['warning', 'missing-fact', 'invoice'],
    ]);
  });

  it('makes a fact version 2 requires a warning, not an error, on a claim drafted before it', () => {
    const cancelled = { reason: 'campaign-cancelled' as const, evidence: [evidence('receipt', 1)] };
    expect(codes(baseClaim({ ...cancelled, factsVersion: 2 }))).toEqual(['error:missing-field', 'error:missing-field']);
    expect(codes(baseClaim({ ...cancelled, factsVersion: 1 }))).toEqual([
      'warning:missing-fact',
      'warning:missing-fact',
    ]);
  });

  it('warns about every evidence file without a caption', () => {
    const findings = checkClaim(
      claim({ evidence: [evidence('receipt', 1), evidence('screenshot', 2, { caption: null })] }),
      context,
    );
    expect(findings.map((f) => [f.severity, f.code, f.evidence])).toEqual([['warning', 'missing-caption', 2]]);
    expect(findings[0]?.message).toBe('Evidence #2 (screenshot-2.pdf) has no caption; say in one line what it shows.');
  });

  it('refuses how a partnership was paid on a channel that is not creator', () => {
    expect(codes(claim({ paidVia: 'tiktok-one', evidence: [evidence('receipt', 1)] }))).toEqual([
      'error:invalid-fields',
    ]);
  });

  it('reports requested above charged and an end before the start', () => {
    const findings = checkClaim(
      claim({
        ...fields({
          reason: 'technical-issue',
          expected: null,
          requested: 60000,
          start: '2026-11-10',
          end: '2026-11-01',
          failure: 'delivery stopped',
          noticedOn: '2026-11-02',
        }),
        evidence: [evidence('screenshot', 1)],
      }),
      context,
    );
    expect(findings.map((f) => f.message)).toEqual([
      'The requested amount (USD 600.00) is more than was charged (USD 500.00).',
      'The promotion ends (2026-11-01) before it starts (2026-11-10).',
    ]);
  });

  it('reports a stored copy that changed or vanished', () => {
    const c = claim({ evidence: [evidence('receipt', 1), evidence('receipt', 2)] });
    const integrity = new Map([
      [1, 'altered' as const],
      [2, 'missing' as const],
    ]);
    expect(codes(c, { ...context, integrity })).toEqual(['error:evidence-altered', 'error:evidence-missing']);
  });

  it('warns about a close or passed filing deadline while still a draft', () => {
    const base = { evidence: [evidence('receipt', 1)] };
    expect(codes(claim({ ...base, fileBy: '2026-11-22' }))).toEqual(['warning:file-by-soon']);
    expect(codes(claim({ ...base, fileBy: '2026-11-19' }))).toEqual(['warning:file-by-passed']);
    expect(codes(claim({ ...base, fileBy: '2026-11-23' }))).toEqual([]);
    expect(codes(claim({ ...base, fileBy: '2026-11-19', status: 'submitted' }))).toEqual([]);
  });

  it('warns about a short description and evidence shared with other claims', () => {
    const c = claim({ description: 'Charged twice.', evidence: [evidence('receipt', 1)] });
    const findings = checkClaim(c, { ...context, shared: new Map([[1, [3, 12]]]) });
    expect(findings.map((f) => `${f.severity}:${f.code}`)).toEqual([
      'warning:short-description',
      'warning:evidence-shared',
    ]);
    expect(findings[1]?.message).toContain('RC-0003, RC-0012');
  });
});
