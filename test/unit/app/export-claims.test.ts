import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, exportCsv, exportEvidence, exportFile } from '../../../src/app/export-claims.js';
import type { EvidenceFileInfo } from '../../../src/app/export-claims.js';
import { readExport } from '../../../src/app/formats/export-file.js';
import { fakeCsv, fakeEvidence, savedClaim, sha256Of, useCaseDeps } from '../../helpers/use-case-deps.js';

const description = 'We were billed twice for the budget increase on 3 November.';

async function setup() {
  const deps = useCaseDeps();
  // Filed on Monday 16 Nov: a follow-up is due on Thursday the 19th.
  await savedClaim(deps.store, {}, [{ type: 'submitted', on: '2026-11-16', data: { ticket: 'T-1' } }]);
  // A draft in yen, due two business days after Friday the 20th: Tuesday the 24th.
  await savedClaim(deps.store, { currency: 'JPY', promotionName: null });
  await savedClaim(deps.store, { advertiserId: null }, [
    { type: 'submitted', on: '2026-11-16', data: { ticket: 'T-3' } },
    { type: 'closed', on: '2026-11-18', data: { outcome: 'withdrawn' } },
  ]);
  return deps;
}

describe('exportFile', () => {
  it('writes every claim and the address book, dated by the clock', async () => {
    const deps = await setup();
    const file = await exportFile({ ...deps, clock: { now: () => new Date('2026-11-25T10:00:00Z') } });
    expect(file).toMatchObject({ format: 'refund-claim-export', version: 2, exportedAt: '2026-11-25T10:00:00.000Z' });
    expect(file.accounts).toEqual([
      {
        name: 'Acme Shoes',
        advertiserId: '7012345678901',
        email: 'ads@acme.test',
        agency: null,
        salesRep: null,
        updatedAt: '2026-11-20T12:00:00.000Z',
      },
      {
        name: 'Acme Shoes',
        advertiserId: null,
        email: 'ads@acme.test',
        agency: null,
        salesRep: null,
        updatedAt: '2026-11-20T12:00:00.000Z',
      },
    ]);
    expect(file.claims.map((claim) => [claim.id, claim.status, claim.nextAction])).toEqual([
      ['RC-0001', 'submitted', { action: 'followup', due: '2026-11-19', overdue: true, daysLeft: -6 }],
      ['RC-0002', 'draft', { action: 'submit', due: '2026-11-24', overdue: true, daysLeft: -1 }],
      ['RC-0003', 'withdrawn', null],
    ]);
  });

  it('is read back by import as the claims the store holds', async () => {
    const deps = await setup();
    const { claims } = readExport(JSON.stringify(await exportFile(deps)), 'backup.json', { today: '2026-11-20' });
    const stored = await deps.store.fullClaims();
    expect(claims.map((c) => [c.id, c.fields.currency, c.events, c.evidence])).toEqual(
      stored.map((c) => [c.id, c.currency, c.events, c.evidence]),
    );
  });
});

describe('exportCsv', () => {
  it('writes one row per claim in the spec’s columns, amounts as decimals of their currency', async () => {
    const deps = await setup();
    const csv = fakeCsv();
    const { text, count } = await exportCsv({ ...deps, csv });
    expect([text, count]).toEqual(['3 rows', 3]);
    expect(csv.calls[0]?.header).toEqual(CSV_HEADER);
    const rows = csv.calls[0]?.rows ?? [];
    expect(rows[0]).toEqual([
      'RC-0001',
      'submitted',
      'tiktok-ads',
      'incorrect-charge',
      'Acme Shoes',
      '7012345678901',
      '1790000001',
      'Summer sale',
      'USD',
      '500.00',
      '200.00',
      null,
      'T-1',
      'followup',
      '2026-11-19',
      '2026-11-20',
      description,
    ]);
    // From advertiser_id to due: empty values are null, not "", and a withdrawal recovered 0.
    expect(rows.slice(1).map((row) => row.slice(5, 15))).toEqual([
      ['7012345678901', '1790000001', null, 'JPY', '50000', '20000', null, null, 'submit', '2026-11-24'],
      [null, '1790000001', 'Summer sale', 'USD', '500.00', '200.00', '0.00', 'T-3', null, null],
    ]);
  });
});

describe('exportEvidence', () => {
  const info = (content: string, name: string): EvidenceFileInfo => ({
    sha256: sha256Of(content),
    name,
    bytes: content.length,
    mime: 'application/pdf',
  });

  async function stored(...contents: string[]) {
    const source = fakeEvidence();
    for (const content of contents) await source.put(Readable.from([Buffer.from(content)]));
    return source;
  }

  it('copies each intact file once, and lists the altered and the missing', async () => {
    const source = await stored('first', 'second');
    source.blobs.set(sha256Of('second'), Buffer.from('changed'));
    const folder = fakeEvidence();
    const items = [
      info('first', 'a.pdf'),
      info('second', 'b.pdf'),
      info('first', 'a-again.pdf'),
      info('third', 'c.pdf'),
    ];
    const result = await exportEvidence(items, source, folder);
    expect(result).toEqual({
      copied: 1,
      unusable: [
        { ...info('second', 'b.pdf'), state: 'altered' },
        { ...info('third', 'c.pdf'), state: 'missing' },
      ],
    });
    expect([...folder.blobs.keys()]).toEqual([sha256Of('first')]);
    expect(folder.blobs.get(sha256Of('first'))?.toString()).toBe('first');
  });

  it('catches a file that changed or went between the check and the copy', async () => {
    const source = await stored('first');
    const changed = { ...source, open: () => Promise.resolve(Readable.from([Buffer.from('other')])) };
    expect(await exportEvidence([info('first', 'a.pdf')], changed, fakeEvidence())).toEqual({
      copied: 0,
      unusable: [{ ...info('first', 'a.pdf'), state: 'altered' }],
    });
    const gone = { ...source, open: () => Promise.resolve(null) };
    expect((await exportEvidence([info('first', 'a.pdf')], gone, fakeEvidence())).unusable).toEqual([
      { ...info('first', 'a.pdf'), state: 'missing' },
    ]);
  });
});
