import { describe, expect, it } from 'vitest';
import { createClaim } from '../../../src/app/create-claim.js';
import type { CreateClaimInput } from '../../../src/app/create-claim.js';
import { DuplicateClaimError, UsageError } from '../../../src/domain/errors.js';
import { fields } from '../../helpers/claims.js';
import { fakeEvidence, sha256Of, useCaseDeps } from '../../helpers/use-case-deps.js';

function setup() {
  const evidence = fakeEvidence({ './invoice.pdf': 'invoice', './copy.pdf': 'invoice', './page.png': 'page' });
  return { ...useCaseDeps(), evidence };
}

const input = (overrides: Partial<CreateClaimInput> = {}): CreateClaimInput => ({
  fields: fields(),
  evidence: [],
  allowDuplicate: false,
  ...overrides,
});

describe('createClaim', () => {
  it('saves a draft dated by the clock, with its evidence numbered in the order given', async () => {
    const deps = setup();
    const { claim, skipped } = await createClaim(
      deps,
      input({
        evidence: [
          { kind: 'receipt', path: './invoice.pdf', caption: 'The double charge' },
          { kind: 'screenshot', path: './page.png' },
        ],
      }),
    );
    expect(skipped).toEqual([]);
    expect(claim).toMatchObject({
      id: 1,
      status: 'draft',
      createdAt: '2026-11-20T12:00:00.000Z',
      createdOn: '2026-11-20',
    });
    expect(await deps.store.getClaim(1)).toEqual(claim);
    expect(claim.events).toEqual([
      {
        seq: 1,
        type: 'created',
        on: '2026-11-20',
        recordedAt: '2026-11-20T12:00:00.000Z',
        note: null,
        actor: null,
        data: {},
      },
    ]);
    expect(claim.evidence).toEqual([
      {
        number: 1,
        kind: 'receipt',
        name: 'invoice.pdf',
        caption: 'The double charge',
        bytes: 7,
        sha256: sha256Of('invoice'),
        mime: 'application/pdf',
        addedAt: '2026-11-20T12:00:00.000Z',
      },
      expect.objectContaining({ number: 2, kind: 'screenshot', name: 'page.png', caption: null, bytes: 4 }),
    ]);
    expect(deps.evidence.blobs.get(sha256Of('page'))?.toString()).toBe('page');
  });

  it('skips a file whose content an earlier one already holds', async () => {
    const deps = setup();
    const { claim, skipped } = await createClaim(
      deps,
      input({
        evidence: [
          { kind: 'receipt', path: './invoice.pdf' },
          { kind: 'receipt', path: './copy.pdf' },
          { kind: 'screenshot', path: './page.png' },
        ],
      }),
    );
    expect(skipped).toEqual([{ path: './copy.pdf', sameAs: 1 }]);
    expect(claim.evidence.map((e) => [e.number, e.name])).toEqual([
      [1, 'invoice.pdf'],
      [2, 'page.png'],
    ]);
  });

  it('refuses contradicting fields, naming every problem, and saves nothing', async () => {
    const deps = setup();
    const bad = fields({ requested: 60000, start: '2026-11-10', end: '2026-11-01' });
    const attempt = createClaim(deps, input({ fields: bad, evidence: [{ kind: 'receipt', path: './invoice.pdf' }] }));
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(
      'Cannot save the claim: the requested amount (USD 600.00) is more than was charged (USD 500.00); ' +
        'the promotion ends (2026-11-01) before it starts (2026-11-10).',
    );
    expect(await deps.store.peekNextId()).toBe(1);
    expect(deps.evidence.blobs.size).toBe(0);
  });

  it('refuses a second open claim for the same promotion and reason unless allowed', async () => {
    const deps = setup();
    await createClaim(deps, input());
    const attempt = createClaim(deps, input({ evidence: [{ kind: 'receipt', path: './invoice.pdf' }] }));
    await expect(attempt).rejects.toThrow(DuplicateClaimError);
    await expect(attempt).rejects.toThrow(
      'RC-0001 (draft) is already an open incorrect-charge claim for promotion 1790000001.',
    );
    expect(deps.evidence.blobs.size).toBe(0);

    const { claim } = await createClaim(deps, input({ allowDuplicate: true }));
    expect(claim.id).toBe(2);
    const other = await createClaim(deps, input({ fields: fields({ reason: 'technical-issue', requested: 50000 }) }));
    expect(other.claim.id).toBe(3);
  });

  it('checks every file before copying any: one bad path saves nothing', async () => {
    const deps = setup();
    const attempt = createClaim(
      deps,
      input({
        evidence: [
          { kind: 'receipt', path: './invoice.pdf' },
          { kind: 'screenshot', path: './gone.png' },
        ],
      }),
    );
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow('Evidence file not found: ./gone.png.');
    expect(deps.evidence.blobs.size).toBe(0);
    expect(await deps.store.listClaims({})).toEqual([]);
  });
});
