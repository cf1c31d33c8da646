import { describe, expect, it } from 'vitest';
import { createClaim } from '../../../src/app/create-claim.js';
import type { EvidenceInput } from '../../../src/app/deps.js';
import { previewClaim } from '../../../src/app/preview-claim.js';
import { UsageError } from '../../../src/domain/errors.js';
import { fields } from '../../helpers/claims.js';
import { fakeEvidence, fakeTemplates, savedClaim, useCaseDeps } from '../../helpers/use-case-deps.js';

const receipt: EvidenceInput = { kind: 'receipt', path: './invoice.pdf', caption: 'Invoice 42' };
const screenshot: EvidenceInput = { kind: 'screenshot', path: './page.png', caption: 'Billing page' };

async function setup() {
  const deps = {
    ...useCaseDeps(),
    evidence: fakeEvidence({ './invoice.pdf': 'invoice', './page.png': 'page' }),
    templates: fakeTemplates(),
  };
  await savedClaim(deps.store);
  return deps;
}

describe('previewClaim', () => {
  it('shows the claim as it would be saved: the next ID, today, the files numbered in order', async () => {
    const deps = await setup();
    const { claim, findings, ticket } = await previewClaim(deps, fields({ invoice: 'INV-42' }), [receipt, screenshot]);
    expect(claim).toMatchObject({
      id: 2,
      status: 'draft',
      createdAt: '2026-11-20T12:00:00.000Z',
      createdOn: '2026-11-20',
      events: [],
    });
    expect(claim.evidence).toEqual([
      {
        number: 1,
        kind: 'receipt',
        name: 'invoice.pdf',
        caption: 'Invoice 42',
        bytes: 7,
        sha256: '',
        mime: 'application/pdf',
        addedAt: '2026-11-20T12:00:00.000Z',
      },
      expect.objectContaining({ number: 2, name: 'page.png', caption: 'Billing page' }),
    ]);
    expect(findings).toEqual([]);
    expect(ticket).toBe('ticket-tiktok-ads for RC-0002');
    expect(deps.templates.rendered[0]?.view).toMatchObject({
      evidence: [{ fileName: '01-receipt-invoice.pdf' }, { fileName: '02-screenshot-page.png' }],
    });
  });

  it('saves and copies nothing', async () => {
    const deps = await setup();
    await previewClaim(deps, fields(), [receipt]);
    expect(await deps.store.peekNextId()).toBe(2);
    expect(deps.evidence.blobs.size).toBe(0);
  });

  it('runs the completeness check on what was given', async () => {
    const deps = await setup();
    const { findings } = await previewClaim(deps, fields({ description: 'Billed twice.', invoice: 'INV-42' }), [
      screenshot,
    ]);
    expect(findings.map((f) => [f.severity, f.code])).toEqual([
      ['error', 'missing-evidence'],
      ['warning', 'short-description'],
    ]);
  });

  it('refuses a file it cannot use, before rendering', async () => {
    const deps = await setup();
    const attempt = previewClaim(deps, fields(), [{ kind: 'receipt', path: './nope.pdf' }]);
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow('Evidence file not found: ./nope.pdf.');
    expect(deps.templates.rendered).toEqual([]);
  });

  // createClaim skips a file whose content came earlier in the list; the preview must not number it.
  it('numbers the evidence as createClaim will save it', async () => {
    const deps = await setup();
    const given = [receipt, receipt, screenshot];
    const { claim: previewed } = await previewClaim(deps, fields(), given);
    const { claim: saved } = await createClaim(deps, { fields: fields(), evidence: given, allowDuplicate: true });
    expect(previewed.evidence.map((e) => [e.number, e.name])).toEqual(saved.evidence.map((e) => [e.number, e.name]));
  });
});
