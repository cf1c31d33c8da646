import { describe, expect, it } from 'vitest';
import { createClaim } from '../../../src/app/create-claim.js';
import type { BundleReport } from '../../../src/app/deps.js';
import { verifyBundleFile, verifyClaimEvidence } from '../../../src/app/verify-claim.js';
import { ClaimNotFoundError } from '../../../src/domain/errors.js';
import { fields } from '../../helpers/claims.js';
import { fakeBundles, fakeEvidence, sha256Of, useCaseDeps } from '../../helpers/use-case-deps.js';

describe('verifyClaimEvidence', () => {
  it('re-hashes each stored copy and names it as the bundle does', async () => {
    const files = { './invoice.pdf': 'invoice', './page.png': 'page', './chat.txt': 'chat' };
    const deps = { ...useCaseDeps(), evidence: fakeEvidence(files) };
    const { claim } = await createClaim(deps, {
      fields: fields(),
      evidence: [
        { kind: 'receipt', path: './invoice.pdf' },
        { kind: 'screenshot', path: './page.png' },
        { kind: 'correspondence', path: './chat.txt' },
      ],
      allowDuplicate: false,
    });
    deps.evidence.blobs.set(sha256Of('page'), Buffer.from('edited'));
    deps.evidence.blobs.delete(sha256Of('chat'));
    const { claim: checked, results } = await verifyClaimEvidence(deps, claim.id);
    expect(checked).toEqual(claim);
    expect(results.map((r) => [r.evidence.number, r.fileName, r.state])).toEqual([
      [1, '01-receipt-invoice.pdf', 'ok'],
      [2, '02-screenshot-page.png', 'altered'],
      [3, '03-correspondence-chat.txt', 'missing'],
    ]);
  });

  it('refuses an unknown claim', async () => {
    await expect(verifyClaimEvidence(useCaseDeps(), 3)).rejects.toThrow(ClaimNotFoundError);
  });
});

describe('verifyBundleFile', () => {
  it('gives back what the bundle reader found in that file', async () => {
    const report: BundleReport = {
      claimId: 'RC-0001',
      entries: 5,
      problems: [{ kind: 'altered', entry: 'ticket.txt', detail: 'SHA-256 differs' }],
    };
    const bundles = fakeBundles(0, report);
    expect(await verifyBundleFile({ bundles }, '/out/RC-0001-evidence.zip')).toEqual(report);
    expect(bundles.verifiedPaths).toEqual(['/out/RC-0001-evidence.zip']);
  });
});
