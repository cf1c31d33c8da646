import { describe, expect, it } from 'vitest';
import { draftMessage } from '../../../src/app/draft-message.js';
import type { MessageStep } from '../../../src/app/draft-message.js';
import { fakeTemplates, savedClaim, useCaseDeps } from '../../helpers/use-case-deps.js';
import type { Step } from '../../helpers/use-case-deps.js';

const filed: Step = { type: 'submitted', on: '2026-11-02', data: { ticket: 'T-1' } };
const followup = (on: string): Step => ({ type: 'followup-sent', on, data: {} });
const denied: Step = { type: 'decision', on: '2026-11-10', data: { decision: 'denied', reason: 'Too late' } };

async function setup(steps: Step[]) {
  const templates = fakeTemplates();
  let loads = 0;
  const deps = {
    ...useCaseDeps(),
    loadTemplates: () => {
      loads += 1;
      return Promise.resolve(templates);
    },
  };
  const { id } = await savedClaim(deps.store, {}, steps);
  const delivered: string[] = [];
  const step = (overrides: Partial<MessageStep> = {}): MessageStep => ({
    message: 'reminder',
    on: '2026-11-20',
    note: null,
    answer: null,
    deliver: (text) => {
      delivered.push(text);
    },
    sent: false,
    ...overrides,
  });
  return { deps, id, templates, delivered, step, loads: () => loads };
}

describe('draftMessage', () => {
  it('drafts a follow-up from the claim as it stands today, recording nothing', async () => {
    const { deps, id, templates, delivered, step } = await setup([filed]);
    const { kind, claim } = await draftMessage(deps, id, step());
    expect(kind).toBe('followup');
    expect(delivered).toEqual(['followup for RC-0001']);
    expect(templates.rendered[0]?.view).toMatchObject({ today: '2026-11-20', filedOn: '2026-11-02', followups: [] });
    expect(claim.events.map((e) => e.type)).toEqual(['created', 'submitted']);
  });

  it('drafts an escalation once two follow-ups went unanswered, and records it as one', async () => {
    const { deps, id, delivered, step } = await setup([filed, followup('2026-11-06'), followup('2026-11-12')]);
    const { kind, claim } = await draftMessage(deps, id, step({ sent: true, note: 'by email' }));
    expect(kind).toBe('escalation');
    expect(delivered).toEqual(['escalation for RC-0001']);
    expect(claim.events.at(-1)).toMatchObject({ type: 'escalation-sent', on: '2026-11-20', note: 'by email' });
  });

  it('records a message already sent without rendering it', async () => {
    const { deps, id, templates, step, loads } = await setup([filed]);
    const { claim } = await draftMessage(deps, id, step({ deliver: null, sent: true }));
    expect(claim.events.at(-1)?.type).toBe('followup-sent');
    expect(templates.rendered).toEqual([]);
    expect(loads()).toBe(0);
  });

  it("drafts the appeal with the user's answer", async () => {
    const { deps, id, templates, delivered, step } = await setup([filed, denied]);
    const { kind } = await draftMessage(deps, id, step({ message: 'appeal', answer: 'It was inside the window.' }));
    expect(kind).toBe('appeal');
    expect(delivered).toEqual(['appeal for RC-0001']);
    expect(templates.rendered[0]?.view).toMatchObject({
      answer: 'It was inside the window.',
      decision: { outcome: 'denied', reason: 'Too late' },
    });
  });

  it('refuses a message that does not fit the status before drafting it', async () => {
    const { deps, id, delivered, step } = await setup([]);
    await expect(draftMessage(deps, id, step())).rejects.toThrow('RC-0001 is draft');
    await expect(draftMessage(deps, id, step({ message: 'appeal' }))).rejects.toThrow('RC-0001 is draft');
    expect(delivered).toEqual([]);
  });

  it('records nothing when the text cannot be delivered', async () => {
    const { deps, id, step } = await setup([filed]);
    const deliver = () => {
      throw new Error('disk full');
    };
    await expect(draftMessage(deps, id, step({ deliver, sent: true }))).rejects.toThrow('disk full');
    expect((await deps.store.getClaim(id))?.events.map((e) => e.type)).toEqual(['created', 'submitted']);
  });
});
