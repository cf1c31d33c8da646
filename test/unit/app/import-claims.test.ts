import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import type { ClaimStore, EvidenceStore, ImportedClaim } from '../../../src/app/deps.js';
import { claimDocument } from '../../../src/app/formats/claim-json.js';
import { importClaims } from '../../../src/app/import-claims.js';
import type { Claim } from '../../../src/domain/claim.js';
import { UsageError } from '../../../src/domain/errors.js';
import { claim, evidence } from '../../helpers/claims.js';

/** A store that takes any import and remembers what it was given. */
function fakeStore(): ClaimStore & { imported: ImportedClaim[][] } {
  const imported: ImportedClaim[][] = [];
  return {
    imported,
    listClaims: () => Promise.resolve([]),
    importClaims: (claims: readonly ImportedClaim[]) => {
      imported.push([...claims]);
      return Promise.resolve({ imported: claims.map((c) => ({ from: c.id, to: c.id })), skipped: [] });
    },
  } as unknown as ClaimStore & { imported: ImportedClaim[][] };
}

/** Evidence stores whose every file is intact and `size` bytes long once copied. */
function fakeEvidence(size: number): { evidence: EvidenceStore; folder: EvidenceStore } {
  // A stored copy's stream holds its own checksum, so `put` stores it under the right name.
  const store = {
    verify: () => Promise.resolve('ok' as const),
    size: () => Promise.resolve(size),
    describe: (sha256: string) => `/folder/${sha256}`,
    open: (sha256: string) => Promise.resolve(Readable.from([sha256])),
    put: async (source: Readable) => {
      let sha256 = '';
      for await (const chunk of source) sha256 += String(chunk);
      return { sha256, bytes: size };
    },
  } as unknown as EvidenceStore;
  return { evidence: store, folder: store };
}

const exportOf = (claims: Claim[]): string =>
  JSON.stringify({
    format: 'refund-claim-export',
    version: 1,
    exportedAt: '2026-11-20T12:00:00.000Z',
    accounts: [],
    claims: claims.map((c) => claimDocument(c, '2026-11-20')),
  });

const clock = (iso: string) => ({ now: () => new Date(iso) });
const options = { onConflict: 'fail' as const, file: 'backup.json' };

describe('importClaims', () => {
  it('refuses a size the copied file contradicts, naming where it is, and imports nothing', async () => {
    const store = fakeStore();
    const text = exportOf([
      claim(),
      claim({ id: 2, evidence: [evidence('screenshot', 1, { sha256: 'a'.repeat(64) }), evidence('receipt', 2)] }),
    ]);
    const run = importClaims({ store, ...fakeEvidence(1234), clock: clock('2026-11-20T12:00:00Z') }, text, options);
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(
      'backup.json: claims[1] (RC-0002).evidence[0].bytes is 1000, but the file in the evidence folder is 1234 bytes; nothing was imported.',
    );
    expect(store.imported).toEqual([]);
  });

  it('imports when every stated size is the copy’s', async () => {
    const store = fakeStore();
    const text = exportOf([claim({ evidence: [evidence('receipt', 1)] })]);
    const result = await importClaims(
      { store, ...fakeEvidence(1000), clock: clock('2026-11-20T12:00:00Z') },
      text,
      options,
    );
    expect(result).toMatchObject({ imported: [{ from: 1, to: 1 }], copied: 1, missing: [] });
    expect(store.imported).toHaveLength(1);
  });

  it('takes "today" from its clock: the day it is where a day begins first', async () => {
    const text = exportOf([claim()]);
    // 2026-11-20 has begun in UTC+14 at 10:00 UTC the day before.
    const early = importClaims(
      { store: fakeStore(), ...fakeEvidence(1000), clock: clock('2026-11-19T09:59:00Z') },
      text,
      options,
    );
    await expect(early).rejects.toThrow('claims[0] (RC-0001).events[0].at "2026-11-20" is in the future');
    const later = await importClaims(
      { store: fakeStore(), ...fakeEvidence(1000), clock: clock('2026-11-19T10:00:00Z') },
      text,
      options,
    );
    expect(later.imported).toEqual([{ from: 1, to: 1 }]);
  });
});
