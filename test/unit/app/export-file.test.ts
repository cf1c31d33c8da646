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
            actor: null,
            data: { ticket: 'T-1' },
          },
        ],
      }),
      '2026-11-20',
    ),
  ],
});

type Doc = ReturnType<typeof exported>;
type Claim0 = Doc['claims'][0];

/** The day the fixture was exported; the reader refuses anything after the day it is given. */
const TODAY = { today: '2026-11-20' };
const first = (doc: Doc): Claim0 => doc.claims[0] as Claim0;

function refusal(change: (doc: Doc & Record<string, unknown>) => void): string {
  const doc = exported() as Doc & Record<string, unknown>;
  change(doc);
  try {
    readExport(JSON.stringify(doc), 'backup.json', TODAY);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error('the file was accepted');
}

describe('reading an export', () => {
  it('gives back the claim with its events numbered in order, amounts in minor units', () => {
    const { claims, accounts } = readExport(JSON.stringify(exported()), 'backup.json', TODAY);
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

  it('gives back the keys of the emails logged on a claim; a file without them has none', () => {
    const doc = exported();
    expect(readExport(JSON.stringify(doc), 'backup.json', TODAY).claims[0]?.loggedEmails).toEqual([]);
    const key = 'message-id:reply-1@support.tiktok.test';
    (doc.claims[0] as { loggedEmails?: string[] }).loggedEmails = [key];
    expect(readExport(JSON.stringify(doc), 'backup.json', TODAY).claims[0]?.loggedEmails).toEqual([key]);
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
      "something that is not a logged email's key",
      (doc) => ((doc.claims[0] as { loggedEmails?: unknown }).loggedEmails = ['sha256:abc']),
      'claims[0] (RC-0001).loggedEmails[0] is not the key of a saved email (message-id:… or sha256:…)',
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
    // Every text value obeys the command line's rules for its field.
    [
      'a control character in a caption',
      (doc) => ((first(doc).evidence[0] as { caption: string }).caption = 'see \u001b[2J here'),
      '.evidence[0].caption "see \\u001b[2J here" contains line breaks or control characters',
    ],
    [
      'an over-long caption',
      (doc) => ((first(doc).evidence[0] as { caption: string }).caption = 'x'.repeat(201)),
      '.evidence[0].caption "xxx',
    ],
    [
      'a direction control in an evidence name',
      (doc) => ((first(doc).evidence[0] as { name: string }).name = 'invoice\u202efdp.exe'),
      '.evidence[0].name "invoice\\u202efdp.exe" contains an invisible or direction-changing character (U+202E)',
    ],
    [
      'a line break in an evidence name',
      (doc) => ((first(doc).evidence[0] as { name: string }).name = 'a\r\nb.pdf'),
      '.evidence[0].name "a\\r\\nb.pdf" contains line breaks or control characters',
    ],
    [
      'a media type with a parameter',
      (doc) => ((first(doc).evidence[0] as { mime: string }).mime = 'text/plain; charset=utf-8'),
      '.evidence[0].mime "text/plain; charset=utf-8" is not a media type like image/png',
    ],
    [
      'an invisible character in an account name',
      (doc) => ((first(doc).account as { name: string }).name = 'Acme\u200bShoes'),
      '.account.name "Acme\\u200bShoes" contains an invisible or direction-changing character (U+200B)',
    ],
    [
      'a byte-order mark inside a promotion ID',
      (doc) => ((first(doc).promotion as { id: string }).id = '1790\ufeff000001'),
      '.promotion.id "1790\\ufeff000001" contains an invisible or direction-changing character (U+FEFF)',
    ],
    [
      'an isolate in a promotion name',
      (doc) => ((first(doc).promotion as { name: string }).name = 'Sale \u2066x\u2069'),
      '.promotion.name "Sale \\u2066x\\u2069" contains an invisible or direction-changing character (U+2066)',
    ],
    [
      'a direction control in an address-book name',
      (doc) => ((doc.accounts[0] as { name: string }).name = 'Acme\u202d'),
      'backup.json: accounts[0].name "Acme\\u202d" contains an invisible or direction-changing character (U+202D)',
    ],
    [
      'a word joiner in an email',
      (doc) => ((first(doc).account as { email: string }).email = 'ads\u2060@acme.test'),
      '.account.email "ads\\u2060@acme.test" contains an invisible or direction-changing character (U+2060)',
    ],
    [
      'a line break in a ticket number',
      (doc) => {
        (first(doc).events[1] as { data: { ticket: string } }).data.ticket = 'T-1\nT-2';
        (first(doc) as { ticketNumber: string }).ticketNumber = 'T-1\nT-2';
      },
      '.events[1].data.ticket "T-1\\nT-2" contains line breaks or control characters',
    ],
    [
      'a line break in a note, which --note refuses',
      (doc) => ((first(doc).events[1] as { note: string }).note = 'by phone\nand mail'),
      '.events[1].note "by phone\\nand mail" contains line breaks or control characters',
    ],
    [
      'an escape sequence in a message',
      (doc) =>
        first(doc).events.push({
          type: 'message',
          at: '2026-11-20',
          note: null,
          actor: null,
          recordedAt: '2026-11-20T12:00:00.000Z',
          data: { from: 'support', message: 'We are \u001b]0;pwned\u0007 reviewing', infoRequested: false },
        }),
      '.events[2].data.message "We are \\u001b]0;pwned\\u0007 reviewing" contains control characters',
    ],
    [
      'an empty decision reason',
      (doc) =>
        first(doc).events.push({
          type: 'decision',
          at: '2026-11-20',
          note: null,
          actor: null,
          recordedAt: '2026-11-20T12:00:00.000Z',
          data: { decision: 'denied', amount: null, reason: '  ', expectBy: null, appealBy: null },
        }),
      '.events[2].data.reason "  " is empty',
    ],
    // Each event type holds its own keys: another type's key, or none of its own, is refused.
    [
      'a ticket on a close',
      (doc) =>
        first(doc).events.push({
          type: 'closed',
          at: '2026-11-20',
          note: null,
          actor: null,
          recordedAt: '2026-11-20T12:00:00.000Z',
          data: { outcome: 'withdrawn', ticket: 'T-1' } as never,
        }),
      '.events[2].data has "ticket", which a closed event does not hold',
    ],
    [
      'an outcome on a decision',
      (doc) =>
        first(doc).events.push({
          type: 'decision',
          at: '2026-11-20',
          note: null,
          actor: null,
          recordedAt: '2026-11-20T12:00:00.000Z',
          data: { decision: 'denied', outcome: 'rejected' } as never,
        }),
      '.events[2].data has "outcome", which a decision event does not hold',
    ],
    [
      'evidence numbers on the creation',
      (doc) => ((first(doc).events[0] as { data: object }).data = { evidence: [1] }),
      '.events[0].data has "evidence", which a created event does not hold',
    ],
    [
      'a key no event holds',
      (doc) => ((first(doc).events[1] as { data: object }).data = { ticket: 'T-1', hack: true }),
      '.events[1].data has an unknown key "hack"',
    ],
    [
      'a close without its outcome',
      (doc) =>
        first(doc).events.push({
          type: 'closed',
          at: '2026-11-20',
          note: null,
          actor: null,
          recordedAt: '2026-11-20T12:00:00.000Z',
          data: { amount: null } as never,
        }),
      '.events[2].data has no "outcome", which every closed event holds',
    ],
    [
      'a message without its author',
      (doc) =>
        first(doc).events.push({
          type: 'message',
          at: '2026-11-20',
          note: null,
          actor: null,
          recordedAt: '2026-11-20T12:00:00.000Z',
          data: { message: 'Any news?' } as never,
        }),
      '.events[2].data has no "from", which every message event holds',
    ],
    // An edited event is an edit (its fields) or a caption (its evidence): one, not both or neither.
    [
      'an edited event with both fields and evidence',
      (doc) =>
        first(doc).events.push({
          type: 'edited',
          at: '2026-11-20',
          note: null,
          actor: null,
          recordedAt: '2026-11-20T12:00:00.000Z',
          data: { fields: ['invoice'], evidence: [1] } as never,
        }),
      '.events[2].data has both "fields" and "evidence"',
    ],
    [
      'an edited event with neither fields nor evidence',
      (doc) =>
        first(doc).events.push({
          type: 'edited',
          at: '2026-11-20',
          note: null,
          actor: null,
          recordedAt: '2026-11-20T12:00:00.000Z',
          data: {} as never,
        }),
      '.events[2].data has neither "fields" (an edit) nor "evidence" (a caption)',
    ],
    [
      'a description of 10,001 characters',
      (doc) => ((first(doc) as { description: string }).description = '😀'.repeat(10_001)),
      'is 10001 characters long; at most 10000 are accepted',
    ],
    [
      'half a character in a description',
      (doc) => ((first(doc) as { description: string }).description = 'Billed twice \ud83d on 3 November.'),
      '.description "Billed twice \\ud83d on 3 November." is not valid Unicode (it holds half a character)',
    ],
    // Nothing in the file may have happened after today.
    [
      'an event in the future',
      (doc) => ((first(doc).events[1] as { at: string }).at = '2026-11-21'),
      '.events[1].at "2026-11-21" is in the future',
    ],
    [
      'a claim created in the future',
      (doc) => ((first(doc) as { createdOn: string }).createdOn = '2099-01-01'),
      '.createdOn "2099-01-01" is in the future',
    ],
    [
      'an event recorded in the future',
      (doc) => ((first(doc).events[1] as { recordedAt: string }).recordedAt = '2026-11-21T00:00:00.000Z'),
      '.events[1].recordedAt "2026-11-21T00:00:00.000Z" is in the future',
    ],
    [
      'evidence added in the future',
      (doc) => ((first(doc).evidence[0] as { addedAt: string }).addedAt = '2027-01-01T00:00:00.000Z'),
      '.evidence[0].addedAt "2027-01-01T00:00:00.000Z" is in the future',
    ],
    // A claim is created once, first.
    [
      'a history that does not start with its creation',
      (doc) => first(doc).events.reverse(),
      '.events[0] (submitted) is not "created"; a claim\'s history starts with its creation',
    ],
    ['a history without events', (doc) => (first(doc).events.length = 0), '.events is empty'],
    [
      'a second creation',
      (doc) => first(doc).events.push({ ...(first(doc).events[0] as Claim0['events'][0]) }),
      '.events[2] (created) repeats the creation; a claim is created once',
    ],
    // Numbers stay within what the tool itself can go on from.
    [
      'a claim ID whose next ID no command would accept',
      (doc) => ((first(doc) as { id: string }).id = 'RC-999999999'),
      '.id "RC-999999999" is too high; claim IDs go up to RC-999999998',
    ],
    [
      'an evidence number where numbering stops being exact',
      (doc) => ((first(doc).evidence[0] as { id: number }).id = 2 ** 53 - 1),
      '.evidence[0].id is 9007199254740991; expected a whole number from 1 to 9999',
    ],
    [
      'evidence number 10,000',
      (doc) => ((first(doc).evidence[0] as { id: number }).id = 10_000),
      '.evidence[0].id is 10000; expected a whole number from 1 to 9999',
    ],
    [
      'an evidence number out of range in an event',
      (doc) =>
        first(doc).events.push({
          type: 'evidence-added',
          at: '2026-11-20',
          note: null,
          actor: null,
          recordedAt: '2026-11-20T12:00:00.000Z',
          data: { evidence: [10_000] },
        }),
      '.events[2].data.evidence[0] is 10000; expected a whole number from 1 to 9999',
    ],
    [
      'more events than a claim holds',
      (doc) => {
        const event = first(doc).events[1] as Claim0['events'][0];
        const message = { ...event, type: 'message' as const, data: { from: 'me' as const, message: 'x' } };
        first(doc).events.push(...Array.from({ length: 9_998 }, () => message));
      },
      '.events holds 10000 items; at most 9999 are accepted',
    ],
    [
      'an empty evidence file',
      (doc) => ((first(doc).evidence[0] as { bytes: number }).bytes = 0),
      '.evidence[0].bytes is 0; expected a whole number of at least 1',
    ],
    [
      'one file stated with two sizes',
      (doc) => {
        const copy = structuredClone(first(doc));
        copy.id = 'RC-0002';
        (copy.evidence[0] as { bytes: number }).bytes = 999;
        doc.claims.push(copy);
      },
      'backup.json: claims[1] (RC-0002).evidence[0].bytes is 999, but the same file is 1000 bytes elsewhere',
    ],
  ])('refuses %s, naming where it is', (_, change, message) => {
    const text = refusal(change);
    expect(text).toContain(message);
    expect(text).toMatch(/nothing was imported\.$/);
  });

  it("reads each event's data by its type, keeping the keys in the file's order", () => {
    const doc = exported();
    first(doc).events.push(
      {
        type: 'message',
        at: '2026-11-20',
        note: null,
        actor: null,
        recordedAt: '2026-11-20T12:00:00.000Z',
        data: { infoRequested: true, message: 'Send the invoice.', from: 'support', evidence: [1] },
      },
      {
        type: 'message',
        at: '2026-11-20',
        note: null,
        actor: null,
        recordedAt: '2026-11-20T12:00:00.000Z',
        // Only the author is required: the other keys of a message may be left out.
        data: { from: 'me' },
      },
    );
    const events = readExport(JSON.stringify(doc), 'backup.json', TODAY).claims[0]?.events ?? [];
    expect(events.map((event) => event.data)).toEqual([
      {},
      { ticket: 'T-1' },
      { infoRequested: true, message: 'Send the invoice.', from: 'support', evidence: [1] },
      { from: 'me' },
    ]);
    expect(Object.keys(events[2]?.data ?? {})).toEqual(['infoRequested', 'message', 'from', 'evidence']);
  });

  it('reads an edited event as an edit or as a caption', () => {
    const doc = exported();
    const edited = (data: object) => ({
      type: 'edited' as const,
      at: '2026-11-20',
      note: null,
      actor: 'ana',
      recordedAt: '2026-11-20T12:00:00.000Z',
      data: data as never,
    });
    first(doc).events.push(edited({ fields: ['invoice'] }), edited({ evidence: [1] }));
    const events = readExport(JSON.stringify(doc), 'backup.json', TODAY).claims[0]?.events ?? [];
    expect(events.slice(-2).map((event) => [event.data, event.actor])).toEqual([
      // The fixture is version 1, which names no actor: the reader leaves it unknown.
      [{ fields: ['invoice'] }, null],
      [{ evidence: [1] }, null],
    ]);
  });

  it('never lets the file write to the terminal through its message', () => {
    const text = refusal((doc) => ((first(doc).account as { email: string }).email = '\u001b]0;x\u0007\u009b@a.test'));
    expect(text).toContain('.account.email "\\u001b]0;x\\u0007\\x9b@a.test" contains control characters');
    // eslint-disable-next-line no-control-regex -- the point is that none is left
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('escapes what it quotes from a file that is not an export at all', () => {
    const message = (text: string): string => {
      try {
        readExport(text, 'backup.json', TODAY);
      } catch (error) {
        return (error as UsageError).message;
      }
      throw new Error('the file was accepted');
    };
    expect(message('\u001b]0;x\u0007')).toMatch(/^backup\.json is not JSON \(Unexpected token '\\x1b'/);
    expect(message('{"format": "\u202eexport"}')).toContain('its "format" is "\\u202eexport"');
    for (const text of [message('\u001b]0;x\u0007'), message('{"format": "\u202e"}')]) {
      // eslint-disable-next-line no-control-regex -- the point is that none is left
      expect(text).not.toMatch(/[\u0000-\u001f\u202e]/);
    }
  });

  it('accepts names with the joiners emoji and scripts need, and an event dated today', () => {
    const doc = exported();
    (first(doc).account as { name: string }).name = 'Studio 👩\u200d💻';
    (first(doc).promotion as { name: string }).name = 'می\u200cخواهم';
    const [claim] = readExport(JSON.stringify(doc), 'backup.json', TODAY).claims;
    expect(claim?.fields).toMatchObject({ accountName: 'Studio 👩\u200d💻', promotionName: 'می\u200cخواهم' });
  });

  it('compares dates with the day it is given, not the clock', () => {
    const doc = exported();
    (first(doc).events[1] as { at: string }).at = '2026-11-21';
    expect(() => readExport(JSON.stringify(doc), 'backup.json', TODAY)).toThrow('is in the future');
    expect(readExport(JSON.stringify(doc), 'backup.json', { today: '2026-11-21' }).claims).toHaveLength(1);
  });

  it('ignores the derived next action: it is worked out again', () => {
    const doc = exported();
    (doc.claims[0] as { nextAction: unknown }).nextAction = { action: 'nonsense' };
    expect(readExport(JSON.stringify(doc), 'backup.json', TODAY).claims).toHaveLength(1);
  });
});
