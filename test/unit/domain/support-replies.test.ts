/** The phrase table: each wording TikTok's support or a creator uses, read as the step it means. */
import { describe, expect, it } from 'vitest';
import { amountNear, PHRASES, readReply, reasonAt, ticketNumberIn } from '../../../src/domain/support-replies.js';

describe('readReply', () => {
  it.each([
    // Acknowledgements carry the ticket number.
    [
      'We received your request',
      'Thank you for contacting TikTok Ads Support. Your ticket ID is 7301928374.',
      'submit',
      '7301928374',
      0.95,
    ],
    [
      'Case created',
      'We have received your request. Case #TT-2026-118 has been created.',
      'submit',
      'TT-2026-118',
      0.95,
    ],
    ['Re: your ticket', 'This is an automated reply. Ticket number: 88120455', 'submit', '88120455', 0.95],
    ['Your ticket 55501234', 'Our team is on it.', null, null, 1],
    // Requests for information.
    ['Re: Ticket 7301928374', 'Could you please provide the invoice for 3 November?', 'info-requested', null, 0.9],
    ['Re: Ticket', 'Kindly send a screenshot of the billing page.', 'info-requested', null, 0.9],
    ['Re: Ticket', 'We need additional information to continue reviewing your case.', 'info-requested', null, 0.9],
    ['Re: Ticket', 'Let us know if anything changed.', 'info-requested', null, 0.6],
    // Approvals, with the amount when stated.
    [
      'Resolved',
      'Your refund request has been approved. A refund of USD 200.00 will be issued.',
      'approved',
      'USD 200.00',
      0.95,
    ],
    ['Resolved', 'We have issued a refund of $45.50 to your card.', 'approved', '$45.50', 0.95],
    ['Resolved', 'A refund of EUR 1.234,50 has been processed.', 'approved', 'EUR 1.234,50', 0.9],
    ['Re: our deal', "So sorry! I'll refund you the USD 300 by Friday.", 'approved', 'USD 300', 0.9],
    ['Update', 'Your case was approved.', 'approved', null, 0.95],
    ['Update', 'The budget change was approved by your admin.', 'approved', null, 0.6],
    // Partial approvals before approvals.
    [
      'Update',
      'We have partially approved your request: a partial refund of USD 120.00.',
      'partially-approved',
      'USD 120.00',
      0.9,
    ],
    // Denials, with the reason quoted.
    [
      'Your request',
      'Unfortunately, we are unable to approve a refund because the impressions were delivered. You may appeal.',
      'denied',
      'Unfortunately, we are unable to approve a refund because the impressions were delivered.',
      0.9,
    ],
    [
      'Your request',
      'After review, your refund request has been declined. The charges are outside the refund window.',
      'denied',
      'After review, your refund request has been declined. The charges are outside the refund window.',
      0.9,
    ],
    [
      'Your request',
      'This order is not eligible for a refund since it was delivered.',
      'denied',
      'This order is not eligible for a refund since it was delivered.',
      0.9,
    ],
    ['Your request', 'Your refund was not approved.', 'denied', 'Your refund was not approved.', 0.9],
  ])('%s / %s → %s %s (%f)', (subject, text, step, detail, confidence) => {
    expect(readReply(subject, text)).toEqual({ step, detail, confidence });
  });

  it('reads a plain message as no step, for sure', () => {
    expect(readReply('Re: Ticket 7301928374', 'We are still looking into it.')).toEqual({
      step: null,
      detail: null,
      confidence: 1,
    });
    // An acknowledgement without a number has nothing to submit.
    expect(readReply('Thanks', 'Thank you for contacting TikTok. We will reply soon.').step).toBeNull();
  });

  it('keeps every phrase a lower-case pattern with a confidence between 0 and 1', () => {
    for (const phrase of PHRASES) {
      expect(phrase.confidence).toBeGreaterThan(0);
      expect(phrase.confidence).toBeLessThanOrEqual(1);
      expect(phrase.pattern.source).toBe(phrase.pattern.source.toLowerCase().replace(/\\b/g, '\\b'));
    }
  });
});

describe('the details', () => {
  it('finds ticket numbers, never the claim ID', () => {
    expect(ticketNumberIn('Subject: [RC-0007] ticket RC-0007; Ticket ID: 7301928374')).toBe('7301928374');
    expect(ticketNumberIn('request number is 12')).toBeNull();
  });

  it('finds the amount at or after the phrase, else the first one', () => {
    expect(amountNear('You paid USD 500.00. We approved USD 200.00.', 20)).toBe('USD 200.00');
    expect(amountNear('We approved it: 120,00 € in total.', 0)).toBe('120,00 €');
    expect(amountNear('No amount here.', 0)).toBeNull();
  });

  it('quotes the sentence that says why, or the next one', () => {
    expect(reasonAt('Hi. We cannot refund it. It ran as ordered. Bye.', 4)).toBe(
      'We cannot refund it. It ran as ordered.',
    );
    expect(reasonAt('Hi. It was refused due to policy 4.2. Bye.', -1)).toBe('It was refused due to policy 4.2.');
  });
});
