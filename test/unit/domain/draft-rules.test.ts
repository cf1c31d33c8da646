import { describe, expect, it } from 'vitest';
import { lintDraft, subjectProblems } from '../../../src/domain/draft-rules.js';

const rules = (text: string, claimId?: string) =>
  lintDraft(text, claimId === undefined ? {} : { claimId }).map((v) => `${v.line} ${v.rule}`);

const GOOD = [
  'Subject: Double charge for "Summer sale", USD 120.00 [RC-0007]',
  '',
  'Hello TikTok Ads support team,',
  '',
  '- Charged on: 3 Nov 2026',
  '',
  'EVIDENCE',
  '01  01-receipt-invoice.pdf  Invoice 4411 from 3 Nov 2026',
  `02  02-screenshot-${'billing-page-'.repeat(4)}xy.png`,
  '    The billing page showing the second charge',
  '03  03-report-2026-11-03.csv  Screenshot',
  '',
  'Thank you,',
  'Acme Ltd',
].join('\n');

describe('lintDraft', () => {
  it('passes a draft that follows every rule', () => {
    expect(lintDraft(GOOD, { claimId: 'RC-0007' })).toEqual([]);
  });

  it('flags a line over 80 columns, counting wide characters, but not a lone long word', () => {
    expect(rules(`${'word '.repeat(16)}x`)).toEqual(['1 line-length']);
    expect(rules('広告 '.repeat(27).trimEnd())).toEqual(['1 line-length']);
    expect(rules(`https://example.com/${'x'.repeat(90)}`)).toEqual([]);
    expect(rules(`${'word '.repeat(15)}end`)).toEqual([]);
  });

  it('checks the subject: length, sentence case, the claim ID at the end', () => {
    expect(subjectProblems(`Refund ${'x'.repeat(80)} [RC-0007]`)).toEqual(['97 characters (at most 90)']);
    expect(subjectProblems('Refund request for campaign [RC-0007] now')).toEqual([
      'it does not end with the claim ID in brackets ([RC-0007])',
    ]);
    expect(subjectProblems('Refund Request For Unspent Balance [RC-0007]')).toEqual([
      'it is in Title Case, not sentence case',
    ]);
    expect(subjectProblems('refund request [RC-0007]')).toEqual(['it does not start with a capital letter']);
    expect(subjectProblems('Refund for "Big Summer Sale Event" by TikTok, USD 5.00 [RC-0007]')).toEqual([]);
    expect(rules('Subject: Refund [RC-0008]', 'RC-0007')).toEqual(['1 subject']);
    expect(rules('Hello', 'RC-0007')).toEqual(['1 subject']);
  });

  it('flags template artefacts, empty labels and doubled spaces', () => {
    expect(rules('Amount: {{money}}')).toEqual(['1 artefact']);
    expect(rules('Creator: undefined')).toEqual(['1 artefact']);
    expect(rules('Invoice null, NaN')).toEqual(['1 artefact']);
    expect(rules('Invoice: ')).toEqual(['1 empty-label']);
    expect(rules('- Invoice:')).toEqual(['1 empty-label']);
    expect(rules('Could you please tell me:')).toEqual([]);
    expect(rules('The amount  was wrong.')).toEqual(['1 doubled-space']);
    expect(rules('Trailing space ')).toEqual(['1 doubled-space']);
    expect(rules('    Indented continuation is fine')).toEqual([]);
  });

  it('wants one date style', () => {
    expect(rules('Charged on 2026-11-03.')).toEqual(['1 date-style']);
    expect(rules('Charged on 11/03/2026.')).toEqual(['1 date-style']);
    expect(rules('Charged on 3 Nov 2026, see report-2026-11-03.csv')).toEqual([]);
  });

  it('wants the evidence list in number order, numbered once, with captions in words', () => {
    expect(rules('02  02-a.png  A\n01  01-b.png  B')).toEqual(['2 evidence-list']);
    expect(rules('01  02-a.png  A')).toEqual(['1 evidence-list']);
    expect(rules('  1. 01-receipt-invoice.pdf - Invoice')).toEqual(['1 evidence-list']);
    expect(rules('01  01-a.png  Screenshot (1.2 MB)')).toEqual(['1 evidence-list']);
    expect(rules('01  01-a.png\n02  02-b.png  B')).toEqual(['1 evidence-list']);
  });
});
