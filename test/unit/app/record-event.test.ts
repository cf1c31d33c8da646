import { describe, expect, it } from 'vitest';
import { checkStep, recordStep, usageProblem } from '../../../src/app/record-event.js';
import type { StepInput } from '../../../src/app/record-event.js';
import { ClaimNotFoundError, UsageError, UserError } from '../../../src/domain/errors.js';
import { fakeEvidence, savedClaim, sha256Of, useCaseDeps } from '../../helpers/use-case-deps.js';

const filed = { type: 'submitted' as const, on: '2026-11-10', data: { ticket: 'T-1' } };

// A table of overrides mixes step types; the cast is the test's, the use case takes typed steps.
const step = (overrides: Partial<StepInput> = {}): StepInput =>
  ({ type: 'submitted', on: '2026-11-18', note: null, data: { ticket: 'T-77' }, ...overrides }) as StepInput;

async function setup(steps = [] as (typeof filed)[]) {
  const evidence = fakeEvidence({ './mail.txt': 'mail', './copy.txt': 'mail', './page.png': 'page' });
  const deps = { ...useCaseDeps(), evidence };
  const { id } = await savedClaim(deps.store, {}, steps);
  return { deps, id };
}

describe('recordStep', () => {
  it('appends the step as given, recorded at the clock’s instant, and derives the status', async () => {
    const { deps, id } = await setup();
    const { claim, skipped } = await recordStep(deps, id, step({ note: 'via the help centre' }));
    expect(skipped).toEqual([]);
    expect(claim).toMatchObject({ status: 'submitted', ticketNumber: 'T-77' });
    expect(claim.events.at(-1)).toEqual({
      seq: 2,
      type: 'submitted',
      on: '2026-11-18',
      recordedAt: '2026-11-20T12:00:00.000Z',
      note: 'via the help centre',
      actor: null,
      data: { ticket: 'T-77' },
    });
    expect(await deps.store.getClaim(id)).toEqual(claim);
  });

  it('attaches files to the step, numbered after the claim’s last, skipping content it holds', async () => {
    const { deps, id } = await setup([filed]);
    const message = step({
      type: 'message',
      on: '2026-11-19',
      data: { from: 'support', message: 'Send it' },
    });
    await recordStep(deps, id, message, [{ kind: 'correspondence', path: './mail.txt' }]);
    const { claim, skipped } = await recordStep(
      deps,
      id,
      step({ ...message, data: { from: 'me', message: 'Here' } } as Partial<StepInput>),
      [
        { kind: 'correspondence', path: './copy.txt' },
        { kind: 'screenshot', path: './page.png' },
      ],
    );
    expect(skipped).toEqual([{ path: './copy.txt', sameAs: 1 }]);
    expect(claim.evidence.map((e) => [e.number, e.name, e.sha256])).toEqual([
      [1, 'mail.txt', sha256Of('mail')],
      [2, 'page.png', sha256Of('page')],
    ]);
    expect(claim.events.map((e) => ('evidence' in e.data ? e.data.evidence : undefined))).toEqual([
      undefined,
      undefined,
      [1],
      [2],
    ]);
  });

  it('refuses a step that does not fit the status, copying and recording nothing', async () => {
    const { deps, id } = await setup();
    const attempt = recordStep(deps, id, step({ type: 'followup-sent', on: '2026-11-20', data: {} }), [
      { kind: 'screenshot', path: './page.png' },
    ]);
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toMatchObject({
      message: 'RC-0001 is draft; `followup` does not fit that status.',
      hint: expect.stringContaining('Allowed now: refund-claim submit RC-0001 --ticket <number>'),
    });
    expect(deps.evidence.blobs.size).toBe(0);
    expect((await deps.store.getClaim(id))?.events).toHaveLength(1);
  });

  it('places a back-dated step by its date and refuses it where it does not fit then', async () => {
    const { deps, id } = await setup([filed]);
    const decision = step({ type: 'decision', on: '2026-11-05', data: { decision: 'denied' } });
    await expect(recordStep(deps, id, decision)).rejects.toThrow(
      'On 2026-11-05 RC-0001 was draft; `decision approved|partially-approved|denied` does not fit then.',
    );
    expect((await deps.store.getClaim(id))?.status).toBe('submitted');
  });

  it('refuses an unknown claim', async () => {
    const { deps } = await setup();
    await expect(recordStep(deps, 2, step())).rejects.toThrow(ClaimNotFoundError);
  });
});

describe('checkStep', () => {
  it('gives back the claim a fitting step would move, without recording it', async () => {
    const { deps, id } = await setup([filed]);
    const claim = await checkStep(deps.store, id, { type: 'followup-sent', on: '2026-11-18', data: {} });
    expect(claim.status).toBe('submitted');
    expect((await deps.store.getClaim(id))?.events).toHaveLength(2);
  });

  it('refuses a step that would leave a later one out of place', async () => {
    const { deps, id } = await setup([filed]);
    const closed = { type: 'closed' as const, on: '2026-11-01', data: { outcome: 'withdrawn' as const } };
    await expect(checkStep(deps.store, id, closed)).rejects.toThrow(
      'With this step on 2026-11-01, the submission of 2026-11-10 would no longer fit: RC-0001 would be withdrawn then.',
    );
  });
});

describe('usageProblem', () => {
  it('turns a rule’s clause into a sentence with exit code 2', () => {
    const error = usageProblem('a partial approval needs --amount');
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('A partial approval needs --amount.');
    expect(error.exitCode).toBe(2);
  });
});
