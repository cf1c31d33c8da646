import { describe, expect, it } from 'vitest';
import { claimDocument } from '../../../src/app/formats/claim-json.js';
import { readExport } from '../../../src/app/formats/export-file.js';
import { UsageError } from '../../../src/domain/errors.js';
import { claim, evidence } from '../../helpers/claims.js';

const exported = () => ({
  format: 'refund-claim-export',
  version: 1,
  exportedAt: '2026-11-20T12:00:00.000Z',
  accounts: [
    {
      name: 'Acme Shoes',
      advertiserId: '7012345678901',
      email: 'ads@acme.test',
      updatedAt: '2026-11-20T12:00:00.000Z',
    },
  ],
  claims: [
    claimDocument(
      claim({
        evidence: [evidence('receipt', 1)],
        status: 'submitted',
        ticketNumber: 'T-1',
        events: [
          ...claim().events,
          {
            seq: 2,
            type: 'submitted',
            on: '2026-11-20',
            recordedAt: '2026-11-20T12:00:00.000Z',
            note: null,
            data: { ticket: 'T-1' },
          },
        ],
      }),
      '2026-11-20',
    ),
  ],
});

type Doc = ReturnType<typeof exported>;

function refusal(change: (doc: Doc & Record<string, unknown>) => void): string {
  const doc = exported() as Doc & Record<string, unknown>;
  change(doc);
  try {
    readExport(JSON.stringify(doc), 'backup.json');
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error('the file was accepted');
}

describe('reading an export', () => {
  it('gives back the claim with its events numbered in order, amounts in minor units', () => {
    const { claims, accounts } = readExport(JSON.stringify(exported()), 'backup.json');
    expect(accounts).toHaveLength(1);
    expect(claims[0]).toMatchObject({
      id: 1,
      fields: { charged: 50000, expected: 30000, requested: 20000, currency: 'USD', promotionName: 'Summer sale' },
      createdOn: '2026-11-20',
    });
    expect(claims[0]?.events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'created'],
      [2, 'submitted'],
    ]);
    expect(claims[0]?.evidence[0]).toEqual(evidence('receipt', 1));
  });

  it.each<[string, (doc: Doc & Record<string, unknown>) => void, string]>([
    ['a missing list', (doc) => delete (doc as Partial<Doc>).claims, 'backup.json: claims is not a list'],
    [
      'a missing field',
      (doc) => delete (doc.claims[0] as Partial<Doc['claims'][0]>).account,
      'claims[0] (RC-0001).account is not an object',
    ],
    [
      'a repeated ID',
      (doc) => doc.claims.push(doc.claims[0] as never),
      'backup.json: claims[1] repeats the ID RC-0001',
    ],
    [
      'a malformed ID',
      (doc) => ((doc.claims[0] as { id: string }).id = 'RC-1'),
      '.id "RC-1" is not a claim ID like RC-0007',
    ],
    [
      'an unknown channel',
      (doc) => ((doc.claims[0] as { channel: string }).channel = 'youtube'),
      '.channel is "youtube"; expected one of tiktok-ads, tiktok-promote, creator',
    ],
    [
      'a bad date',
      (doc) => ((doc.claims[0] as { createdOn: string }).createdOn = '2026-02-30'),
      '.createdOn "2026-02-30" is not a date (YYYY-MM-DD)',
    ],
    [
      'a bad email',
      (doc) => ((doc.claims[0]?.account as { email: string }).email = 'nobody'),
      '.account.email "nobody" is not an email address',
    ],
    [
      'a symbol in an amount',
      (doc) => ((doc.claims[0]?.amounts as { charged: string }).charged = '$500'),
      '.amounts.charged "$500" is not a decimal amount like "50.00"',
    ],
    [
      'requested above charged',
      (doc) => ((doc.claims[0]?.amounts as { requested: string }).requested = '600.00'),
      '.amounts.requested is inconsistent: the requested amount (USD 600.00) is more than was charged (USD 500.00)',
    ],
    [
      'a bad checksum',
      (doc) => ((doc.claims[0]?.evidence[0] as { sha256: string }).sha256 = 'abc'),
      '.evidence[0].sha256 "abc" is not a SHA-256 checksum',
    ],
    [
      'a bad instant',
      (doc) => ((doc.claims[0]?.events[0] as { recordedAt: string }).recordedAt = 'yesterday'),
      '.events[0].recordedAt "yesterday" is not an ISO-8601 UTC instant',
    ],
    [
      'an account without email',
      (doc) => delete (doc.accounts[0] as Partial<Doc['accounts'][0]>).email,
      'backup.json: accounts[0].email is missing, not text',
    ],
    [
      'a ticket number that its events contradict',
      (doc) => ((doc.claims[0] as { ticketNumber: string }).ticketNumber = 'T-2'),
      `.ticketNumber is "T-2", but the claim's events make it "T-1"`,
    ],
    [
      'an approved amount without a decision',
      (doc) => ((doc.claims[0]?.amounts as { approved: string }).approved = '120.00'),
      `.amounts.approved is "120.00", but the claim's events make it null`,
    ],
  ])('refuses %s, naming where it is', (_, change, message) => {
    const text = refusal(change);
    expect(text).toContain(message);
    expect(text).toMatch(/nothing was imported\.$/);
  });

  it('ignores the derived next action: it is worked out again', () => {
    const doc = exported();
    (doc.claims[0] as { nextAction: unknown }).nextAction = { action: 'nonsense' };
    expect(readExport(JSON.stringify(doc), 'backup.json').claims).toHaveLength(1);
  });
});
