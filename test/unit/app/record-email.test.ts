import { describe, expect, it } from 'vitest';
import type { SavedEmail } from '../../../src/app/deps.js';
import { recordEmail } from '../../../src/app/record-email.js';
import type { EmailEntry } from '../../../src/app/record-email.js';
import { UserError } from '../../../src/domain/errors.js';
import { fakeEvidence, savedClaim, useCaseDeps } from '../../helpers/use-case-deps.js';

const email = (messageId: string | null, body = 'raw'): SavedEmail => ({
  messageId,
  date: new Date('2026-11-17T09:30:00Z'),
  from: 'no-reply@support.tiktok.com',
  subject: 'Re: Ticket T-1',
  text: 'Please send the invoice.',
  attachments: [
    { name: 'form.pdf', mime: 'application/pdf', content: Buffer.from('%PDF-1.4 form'), skipped: null },
    { name: 'logo.png', mime: 'image/png', content: Buffer.from('png'), skipped: 'an inline image' },
  ],
  sha256: body.padEnd(64, '0'),
  raw: Buffer.from(body),
});

const entry = (saved: SavedEmail, overrides: Partial<EmailEntry> = {}): EmailEntry => ({
  email: saved,
  name: 'reply.eml',
  on: '2026-11-17',
  from: 'support',
  message: 'Please send the invoice.',
  infoRequested: true,
  note: null,
  step: null,
  attachments: [],
  ...overrides,
});

async function setup() {
  const deps = { ...useCaseDeps(), evidence: fakeEvidence({}) };
  const { id } = await savedClaim(deps.store, {}, [{ type: 'submitted', on: '2026-11-10', data: { ticket: 'T-1' } }]);
  return { deps, id };
}

describe('recordEmail', () => {
  it('logs the message with the email and its kept attachments as evidence, in one change', async () => {
    const { deps, id } = await setup();
    const outcome = await recordEmail(deps, id, entry(email('<a@t>')));
    if (!outcome.logged) throw new Error('not logged');
    expect(outcome.claim.status).toBe('info-requested');
    expect(outcome.claim.evidence.map((e) => [e.number, e.kind, e.name, e.mime])).toEqual([
      [1, 'correspondence', 'reply.eml', 'message/rfc822'],
      [2, 'other', 'form.pdf', 'application/pdf'],
    ]);
    expect(outcome.claim.events.at(-1)?.data).toMatchObject({ evidence: [1, 2], infoRequested: true });
  });

  it('logs an email once when two runs record it at the same moment (Message-ID, else checksum)', async () => {
    for (const id of ['<same@t>', null]) {
      const { deps, id: claimId } = await setup();
      const outcomes = await Promise.all([
        recordEmail(deps, claimId, entry(email(id, 'one'))),
        recordEmail(deps, claimId, entry(email(id, 'one'))),
      ]);
      expect(outcomes.map((o) => o.logged).sort()).toEqual([false, true]);
      expect(outcomes.find((o) => !o.logged)).toEqual({ logged: false, loggedOn: claimId });
      expect((await deps.store.getClaim(claimId))?.events).toHaveLength(3);
    }
  });

  it('records nothing when the step it implies does not fit the claim', async () => {
    const { deps, id } = await setup();
    const submit = { type: 'submitted' as const, on: '2026-11-17', note: null, data: { ticket: 'T-2' } };
    await expect(recordEmail(deps, id, entry(email('<b@t>'), { step: submit }))).rejects.toThrow(UserError);
    expect(await deps.store.loggedEmails(['message-id:b@t'])).toEqual(new Map());
    expect((await deps.store.getClaim(id))?.events).toHaveLength(2);
  });
});
