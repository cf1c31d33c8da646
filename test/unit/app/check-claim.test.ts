import { describe, expect, it } from 'vitest';
import { checkStoredClaim } from '../../../src/app/check-claim.js';
import { createClaim } from '../../../src/app/create-claim.js';
import type { Clock, EvidenceInput } from '../../../src/app/deps.js';
import type { ClaimFields } from '../../../src/domain/claim.js';
import { fields } from '../../helpers/claims.js';
import { fakeEvidence, sha256Of, useCaseDeps } from '../../helpers/use-case-deps.js';

const receipt: EvidenceInput = { kind: 'receipt', path: './invoice.pdf', caption: 'Invoice 42' };
const screenshot: EvidenceInput = { kind: 'screenshot', path: './page.png', caption: 'Billing page' };

function setup(clock?: Clock) {
  const deps = { ...useCaseDeps(), evidence: fakeEvidence({ './invoice.pdf': 'invoice', './page.png': 'page' }) };
  const create = async (evidence: EvidenceInput[], overrides: Partial<ClaimFields> = {}) =>
    (await createClaim(deps, { fields: fields({ invoice: 'INV-42', ...overrides }), evidence, allowDuplicate: true }))
      .claim;
  return { deps: clock ? { ...deps, clock } : deps, create };
}

describe('checkStoredClaim', () => {
  it('finds nothing wrong with a complete claim', async () => {
    const { deps, create } = setup();
    expect(await checkStoredClaim(deps, await create([receipt]), { verifyFiles: true })).toEqual([]);
  });

  it('re-hashes every stored copy when asked, and reports the altered and the lost', async () => {
    const { deps, create } = setup();
    const claim = await create([receipt, screenshot]);
    deps.evidence.blobs.set(sha256Of('invoice'), Buffer.from('tampered'));
    deps.evidence.blobs.delete(sha256Of('page'));
    const findings = await checkStoredClaim(deps, claim, { verifyFiles: true });
    expect(deps.evidence.verified).toEqual([sha256Of('invoice'), sha256Of('page')]);
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'evidence-altered',
        evidence: 1,
        message: 'Evidence #1 (invoice.pdf): the stored copy no longer matches its SHA-256.',
      },
      {
        severity: 'error',
        code: 'evidence-missing',
        evidence: 2,
        message: 'Evidence #2 (page.png): the stored copy is gone from the evidence store.',
      },
    ]);
  });

  it('reads no stored copy when not asked to', async () => {
    const { deps, create } = setup();
    const claim = await create([receipt]);
    deps.evidence.blobs.clear();
    expect(await checkStoredClaim(deps, claim, { verifyFiles: false })).toEqual([]);
    expect(deps.evidence.verified).toEqual([]);
  });

  it('warns about a file that is also evidence of other claims, naming them', async () => {
    const { deps, create } = setup();
    const first = await create([screenshot, receipt]);
    await create([receipt]);
    await create([receipt], { promotionId: '1790000002' });
    const findings = await checkStoredClaim(deps, first, { verifyFiles: false });
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'evidence-shared',
        evidence: 2,
        message: 'Evidence #2 (invoice.pdf) is also evidence of RC-0002, RC-0003; make sure it belongs to both.',
      },
    ]);
  });

  it('counts the days to the filing deadline from the clock’s today', async () => {
    const soon = setup();
    const draft = await soon.create([receipt], { fileBy: '2026-11-22' });
    expect((await checkStoredClaim(soon.deps, draft, { verifyFiles: false })).map((f) => f.message)).toEqual([
      'The filing deadline is 2026-11-22, in 2 days.',
    ]);
    const late = setup({ now: () => new Date('2026-11-25T08:00:00Z') });
    const passed = await checkStoredClaim(late.deps, await late.create([receipt], { fileBy: '2026-11-22' }), {
      verifyFiles: false,
    });
    expect(passed.map((f) => f.message)).toEqual([
      'The filing deadline (2026-11-22) passed 3 days ago; file now and say why it is late.',
    ]);
  });

  it('names what evidence is missing in a sentence that reads right', async () => {
    const { deps, create } = setup();
    const findings = await checkStoredClaim(deps, await create([screenshot]), { verifyFiles: false });
    expect(findings.map((f) => f.message)).toEqual([
      'An incorrect-charge claim needs a receipt, invoice or billing statement; none is attached.',
    ]);
  });
});
