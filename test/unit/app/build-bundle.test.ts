import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../../src/app/build-bundle.js';
import type { BuildBundleOptions, BundlePreview } from '../../../src/app/build-bundle.js';
import { createClaim } from '../../../src/app/create-claim.js';
import type { EvidenceInput } from '../../../src/app/deps.js';
import { ClaimNotFoundError, UserError } from '../../../src/domain/errors.js';
import { fields } from '../../helpers/claims.js';
import { fakeBundles, fakeEvidence, fakeTemplates, useCaseDeps } from '../../helpers/use-case-deps.js';

const receipt: EvidenceInput = { kind: 'receipt', path: './invoice.pdf', caption: 'Invoice 42' };
const screenshot: EvidenceInput = { kind: 'screenshot', path: './billing page.png', caption: 'Billing page' };

async function setup(evidence: EvidenceInput[] = [receipt, screenshot], overrides = {}) {
  const deps = {
    ...useCaseDeps(),
    evidence: fakeEvidence({ './invoice.pdf': 'invoice', './billing page.png': 'page' }),
    templates: fakeTemplates(),
    bundles: fakeBundles(4096),
  };
  const { claim } = await createClaim(deps, {
    fields: fields({ invoice: 'INV-42', ...overrides }),
    evidence,
    allowDuplicate: false,
  });
  return { deps, id: claim.id };
}

const options = (overrides: Partial<BuildBundleOptions> = {}): BuildBundleOptions => ({
  target: '/out/RC-0001-evidence.zip',
  force: false,
  maxSize: null,
  ...overrides,
});

describe('buildBundle', () => {
  it('hands the writer the ticket, the timeline and every file under its ticket name', async () => {
    const { deps, id } = await setup();
    const built = await buildBundle(deps, id, options());
    expect(built).toMatchObject({
      path: '/out/RC-0001-evidence.zip',
      bytes: 4096,
      entries: 6,
      findings: [],
      oversize: [],
      overLimit: false,
    });
    const [write] = deps.bundles.writes;
    expect(write?.content).toMatchObject({
      createdAt: new Date('2026-11-20T12:00:00Z'),
      ticket: 'ticket-tiktok-ads for RC-0001\n',
      timeline: '2026-11-20  Claim drafted\n',
      summary: { id: 'RC-0001', status: 'draft', amounts: { currency: 'USD', requested: '200.00' } },
    });
    expect(write?.entries).toEqual([
      { entryName: 'evidence/01-receipt-invoice.pdf', text: 'invoice', size: 7 },
      { entryName: 'evidence/02-screenshot-billing-page.png', text: 'page', size: 4 },
    ]);
    expect(write?.options).toMatchObject({ overwrite: false });
    // Each copy is re-hashed as it is packed, not before.
    expect(deps.evidence.verified).toEqual([]);
  });

  it('refuses a claim the completeness check finds errors in, writing nothing', async () => {
    const { deps, id } = await setup([screenshot]);
    const previews: BundlePreview[] = [];
    const attempt = buildBundle(deps, id, options({ onPreview: (preview) => previews.push(preview) }));
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toMatchObject({
      message: 'RC-0001 is not ready to bundle: the completeness check found 1 error.',
      hint: 'Fix it (see `refund-claim check RC-0001`), or pass --force to bundle it anyway.',
    });
    expect(previews[0]?.findings.map((f) => f.code)).toEqual(['missing-evidence']);
    expect(deps.bundles.writes).toEqual([]);

    const two = await setup([screenshot], { expected: null });
    await expect(buildBundle(two.deps, two.id, options())).rejects.toMatchObject({
      message: 'RC-0001 is not ready to bundle: the completeness check found 2 errors.',
      hint: 'Fix them (see `refund-claim check RC-0001`), or pass --force to bundle it anyway.',
    });
  });

  it('bundles anyway with force, which also replaces an existing file', async () => {
    const { deps, id } = await setup([screenshot]);
    const built = await buildBundle(deps, id, options({ force: true }));
    expect(built.findings).toHaveLength(1);
    expect(deps.bundles.writes[0]?.options).toMatchObject({ overwrite: true });
  });

  it('names the files above the upload limit, and says when the zip is above it', async () => {
    const { deps, id } = await setup();
    const small = await buildBundle(deps, id, options({ maxSize: 5 }));
    expect(small.oversize.map((file) => file.entryName)).toEqual(['evidence/01-receipt-invoice.pdf']);
    expect(small.overLimit).toBe(true);
    const exact = await buildBundle(deps, id, options({ maxSize: 4096 }));
    expect(exact).toMatchObject({ oversize: [], overLimit: false });
  });

  it('keeps a ticket that already ends its last line', async () => {
    const { deps, id } = await setup();
    await buildBundle({ ...deps, templates: { ...deps.templates, render: () => 'Ticket\n' } }, id, options());
    expect(deps.bundles.writes[0]?.content.ticket).toBe('Ticket\n');
  });

  it('refuses an unknown claim', async () => {
    const { deps } = await setup();
    await expect(buildBundle(deps, 4, options())).rejects.toThrow(ClaimNotFoundError);
    expect(deps.bundles.writes).toEqual([]);
  });
});
