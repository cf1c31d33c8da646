import { describe, expect, it } from 'vitest';
import { attachEvidence } from '../../../src/app/attach-evidence.js';
import { ClaimNotFoundError, UsageError } from '../../../src/domain/errors.js';
import { fakeEvidence, savedClaim, sha256Of, useCaseDeps } from '../../helpers/use-case-deps.js';

async function setup() {
  const evidence = fakeEvidence({ './invoice.pdf': 'invoice', './copy.pdf': 'invoice', './page.png': 'page' });
  const deps = { ...useCaseDeps(), evidence, clock: { now: () => new Date('2026-11-21T08:15:00Z') } };
  const { id } = await savedClaim(deps.store);
  return { deps, id };
}

describe('attachEvidence', () => {
  it('numbers the files after the claim’s last, and records when they were added', async () => {
    const { deps, id } = await setup();
    await attachEvidence(deps, id, [{ kind: 'receipt', path: './invoice.pdf' }]);
    const { claim, added, skipped } = await attachEvidence(deps, id, [
      { kind: 'screenshot', path: './page.png', caption: 'Billing page' },
    ]);
    expect(skipped).toEqual([]);
    expect(added).toEqual([
      {
        number: 2,
        kind: 'screenshot',
        name: 'page.png',
        caption: 'Billing page',
        bytes: 4,
        sha256: sha256Of('page'),
        mime: 'image/png',
        addedAt: '2026-11-21T08:15:00.000Z',
      },
    ]);
    const stored = await deps.store.getClaim(id);
    expect(stored?.evidence.map((e) => [e.number, e.name])).toEqual([
      [1, 'invoice.pdf'],
      [2, 'page.png'],
    ]);
    expect(stored?.events.slice(1)).toEqual([
      {
        seq: 2,
        type: 'evidence-added',
        on: '2026-11-21',
        recordedAt: '2026-11-21T08:15:00.000Z',
        note: null,
        actor: null,
        data: { evidence: [1] },
      },
      expect.objectContaining({ seq: 3, type: 'evidence-added', data: { evidence: [2] } }),
    ]);
    expect(claim).toEqual(stored);
  });

  it('skips content the claim already holds, naming its number', async () => {
    const { deps, id } = await setup();
    await attachEvidence(deps, id, [{ kind: 'receipt', path: './invoice.pdf' }]);
    const { added, skipped } = await attachEvidence(deps, id, [
      { kind: 'receipt', path: './copy.pdf' },
      { kind: 'screenshot', path: './page.png' },
    ]);
    expect(skipped).toEqual([{ path: './copy.pdf', sameAs: 1 }]);
    expect(added.map((e) => e.number)).toEqual([2]);
    expect((await deps.store.getClaim(id))?.events.at(-1)?.data).toEqual({ evidence: [2] });
  });

  it('records nothing when every file is already there', async () => {
    const { deps, id } = await setup();
    await attachEvidence(deps, id, [{ kind: 'receipt', path: './invoice.pdf' }]);
    const { claim, added, skipped } = await attachEvidence(deps, id, [{ kind: 'receipt', path: './copy.pdf' }]);
    expect(added).toEqual([]);
    expect(skipped).toEqual([{ path: './copy.pdf', sameAs: 1 }]);
    expect(claim.events.map((e) => e.type)).toEqual(['created', 'evidence-added']);
    expect(claim.evidence).toHaveLength(1);
  });

  it('refuses an unknown claim before touching any file', async () => {
    const { deps } = await setup();
    const attempt = attachEvidence(deps, 9, [{ kind: 'receipt', path: './invoice.pdf' }]);
    await expect(attempt).rejects.toThrow(ClaimNotFoundError);
    await expect(attempt).rejects.toThrow('Claim RC-0009 not found.');
    expect(deps.evidence.blobs.size).toBe(0);
  });

  it('refuses a bad path, adding none of the files', async () => {
    const { deps, id } = await setup();
    const attempt = attachEvidence(deps, id, [
      { kind: 'receipt', path: './invoice.pdf' },
      { kind: 'receipt', path: './missing.pdf' },
    ]);
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow('Evidence file not found: ./missing.pdf.');
    expect(deps.evidence.blobs.size).toBe(0);
    const stored = await deps.store.getClaim(id);
    expect(stored?.evidence).toEqual([]);
    expect(stored?.events).toHaveLength(1);
  });
});
