/**
 * A fake dependency set for use-case unit tests: an in-memory SQLite store, a fixed clock, an
 * evidence store that refuses any file (these use cases get none), and templates that record
 * what they render.
 */
import type { ClaimStore, Clock, EvidenceStore, Templates } from '../../src/app/deps.js';
import type { Claim, ClaimFields, ClaimEvent } from '../../src/domain/claim.js';
import { openStore } from '../../src/store/sqlite/open-store.js';
import { newClaim } from './claims.js';

export const clock: Clock = { now: () => new Date('2026-11-20T12:00:00Z') };

export const noEvidence: EvidenceStore = {
  inspect: (path) => Promise.reject(new Error(`no evidence in this test: ${path}`)),
  importFile: () => Promise.reject(new Error('no evidence in this test')),
  put: () => Promise.reject(new Error('no evidence in this test')),
  open: () => Promise.reject(new Error('no evidence in this test')),
  size: () => Promise.reject(new Error('no evidence in this test')),
  verify: () => Promise.reject(new Error('no evidence in this test')),
  describe: (sha256) => `no evidence in this test: ${sha256}`,
};

export interface Rendered {
  name: string;
  view: Record<string, unknown>;
}

/** Renders `<name> for <claimId>` and keeps every call, so a test sees which template and view. */
export function fakeTemplates(): Templates & { rendered: Rendered[] } {
  const rendered: Rendered[] = [];
  return {
    rendered,
    render: (name, view) => {
      rendered.push({ name, view: view as Record<string, unknown> });
      return `${name} for ${String((view as { claimId?: unknown }).claimId)}`;
    },
    list: () => [],
    eject: (name) => `/nowhere/${name}`,
    source: (name) => `{{!-- ${name} --}}`,
  };
}

export function useCaseDeps(): { store: ClaimStore; evidence: EvidenceStore; clock: Clock } {
  return { store: openStore(':memory:'), evidence: noEvidence, clock };
}

type Step = Pick<ClaimEvent, 'type' | 'on' | 'data'>;

/** A claim saved with these fields, then taken through these steps (recorded as given, in order). */
export async function savedClaim(
  store: ClaimStore,
  fields: Partial<ClaimFields> = {},
  steps: readonly Step[] = [],
): Promise<Claim> {
  const claim = await store.insertClaim(newClaim(fields), { allowDuplicate: true });
  if (steps.length === 0) return claim;
  const { claim: after } = await store.changeClaim(claim.id, () => ({
    change: {
      events: steps.map((step) => ({ ...step, recordedAt: '2026-11-20T12:00:00.000Z', note: null })),
    },
    result: null,
  }));
  return after;
}
