import { describe, expect, it } from 'vitest';
import type { SavedEmail } from '../../../src/app/deps.js';
import { Inbox } from '../../../src/app/inbox.js';
import { recordStep } from '../../../src/app/record-event.js';
import { fakeEvidence, savedClaim, useCaseDeps } from '../../helpers/use-case-deps.js';

const infoRequest: SavedEmail = {
  messageId: '<info@t>',
  date: new Date('2026-11-17T09:30:00Z'),
  from: 'no-reply@support.tiktok.com',
  subject: 'Re: your request [RC-0001]',
  text: 'Could you please provide the invoice?',
  attachments: [],
  sha256: 'a'.repeat(64),
  raw: Buffer.from('raw'),
};

describe('Inbox', () => {
  it('proposes again from the stored claim when another run changed it meanwhile', async () => {
    const deps = { ...useCaseDeps(), evidence: fakeEvidence({}) };
    const { id } = await savedClaim(deps.store);
    const inbox = new Inbox(deps, await deps.store.fullClaims(), '2026-11-20');
    // A colleague's run files the ticket after this run read the claims.
    await recordStep(deps, id, { type: 'submitted', on: '2026-11-16', note: null, data: { ticket: '7301928374' } });
    const stale = inbox.propose('info.eml', infoRequest);
    // As read at the start, the claim was a draft: a request for information cannot be one yet.
    expect([stale.step, stale.confidence]).toEqual(['message', 0.95]);
    const fresh = await inbox.fresh(stale);
    expect([fresh.step, fresh.confidence]).toEqual(['info-requested', 0.9]);
    expect(await inbox.fresh(fresh)).toBe(fresh);
  });

  it('pretends a dry run’s proposals, so the next email sees the claim they would leave', async () => {
    const deps = { ...useCaseDeps(), evidence: fakeEvidence({}) };
    await savedClaim(deps.store);
    const inbox = new Inbox(deps, await deps.store.fullClaims(), '2026-11-20');
    const ack = inbox.propose('ack.eml', {
      ...infoRequest,
      messageId: '<ack@t>',
      date: new Date('2026-11-16T09:00:00Z'),
      subject: 'We received your request [RC-0001]',
      text: 'We have received your request. Your ticket ID is 7301928374.',
    });
    expect([ack.step, ack.detail]).toEqual(['submit', '7301928374']);
    inbox.pretend(ack);
    expect(inbox.propose('info.eml', { ...infoRequest, subject: 'Re: Ticket 7301928374' })).toMatchObject({
      claimId: 1,
      by: 'ticket',
      step: 'info-requested',
    });
    expect((await deps.store.getClaim(1))?.status).toBe('draft');
  });
});
