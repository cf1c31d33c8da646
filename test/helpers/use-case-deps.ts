/**
 * A fake dependency set for use-case unit tests: an in-memory SQLite store, a fixed clock, an
 * evidence store that refuses any file (`noEvidence`) or keeps files in memory (`fakeEvidence`),
 * and templates, bundle, CSV and calendar writers that record what they were given.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { Readable } from 'node:stream';
import type {
  BundleContent,
  BundleReport,
  BundleWriter,
  CalendarFile,
  CalendarWriter,
  ClaimStore,
  Clock,
  CsvWriter,
  EvidenceStore,
  InspectedFile,
  Templates,
  WriteBundleOptions,
} from '../../src/app/deps.js';
import type { Claim, ClaimFields, EventPick } from '../../src/domain/claim.js';
import { UsageError } from '../../src/domain/errors.js';
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

/** A step as `savedClaim` records it. */
export type Step = EventPick<'type' | 'on' | 'data'>;

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

export const sha256Of = (content: string | Buffer): string => createHash('sha256').update(content).digest('hex');

const MIME_BY_EXTENSION: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain',
};

export interface FakeEvidence extends EvidenceStore {
  /** The stored copies by SHA-256; a test may damage (`set`) or lose (`delete`) one. */
  blobs: Map<string, Buffer>;
  /** The SHA-256 sums `verify` was asked about, in order. */
  verified: string[];
}

/**
 * An evidence store in memory. `files` are the user's files `inspect` knows (path → content,
 * typed by extension); any other path is refused as the real store refuses a missing file.
 */
export function fakeEvidence(files: Record<string, string | Buffer> = {}): FakeEvidence {
  const blobs = new Map<string, Buffer>();
  const verified: string[] = [];
  const contentOf = (path: string): Buffer | undefined => {
    const content = files[path];
    return content === undefined ? undefined : Buffer.from(content);
  };
  const store: FakeEvidence = {
    blobs,
    verified,
    inspect: (path) => {
      const content = contentOf(path);
      if (content === undefined) {
        return Promise.reject(new UsageError(`Evidence file not found: ${path}.`, 'Check the path and try again.'));
      }
      const mime = MIME_BY_EXTENSION[extname(path)] ?? 'application/octet-stream';
      return Promise.resolve({ path, name: basename(path), bytes: content.length, mime });
    },
    importFile: async (file: InspectedFile) => {
      const content = contentOf(file.path);
      if (content === undefined) throw new Error(`importFile of a file never inspected: ${file.path}`);
      return { ...file, ...(await store.put(Readable.from([content]))) };
    },
    put: async (source) => {
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      for await (const chunk of source) {
        const bytes = Buffer.from(chunk as Uint8Array);
        hash.update(bytes);
        chunks.push(bytes);
      }
      const content = Buffer.concat(chunks);
      const sha256 = hash.digest('hex');
      blobs.set(sha256, content);
      return { sha256, bytes: content.length };
    },
    open: (sha256) => {
      const content = blobs.get(sha256);
      return Promise.resolve(content === undefined ? null : Readable.from([content]));
    },
    size: (sha256) => Promise.resolve(blobs.get(sha256)?.length ?? null),
    verify: (sha256) => {
      verified.push(sha256);
      const content = blobs.get(sha256);
      return Promise.resolve(content === undefined ? 'missing' : sha256Of(content) === sha256 ? 'ok' : 'altered');
    },
    describe: (sha256) => `memory:${sha256}`,
  };
  return store;
}

export interface WrittenEntry {
  entryName: string;
  /** The bytes its stream gave, as text; null when the stored copy was gone. */
  text: string | null;
  size: number | null;
}

export interface BundleWrite {
  target: string;
  content: BundleContent;
  options: WriteBundleOptions;
  entries: WrittenEntry[];
}

/**
 * A bundle writer that writes nothing: it keeps what it was given, reading each file's stream as
 * the real one does, and says the zip is `bytes` long. `verify` returns `report` for any path.
 */
export function fakeBundles(
  bytes = 4096,
  report: BundleReport = { claimId: null, entries: 0, problems: [] },
): BundleWriter & { writes: BundleWrite[]; verifiedPaths: string[] } {
  const writes: BundleWrite[] = [];
  const verifiedPaths: string[] = [];
  return {
    writes,
    verifiedPaths,
    write: async (target, content, options) => {
      const entries: WrittenEntry[] = [];
      for (const file of content.files) {
        const size = await file.size();
        const stream = await file.open();
        let text: string | null = null;
        if (stream) {
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
          text = Buffer.concat(chunks).toString();
        }
        entries.push({ entryName: file.entryName, text, size });
      }
      writes.push({ target, content, options, entries });
      // ticket, timeline, manifest and SHA256SUMS besides the evidence files.
      return { path: target, bytes, entries: content.files.length + 4 };
    },
    verify: (path) => {
      verifiedPaths.push(path);
      return Promise.resolve(report);
    },
  };
}

/** A CSV writer that keeps its input and writes `<n> rows`. */
export function fakeCsv(): CsvWriter & {
  calls: { header: readonly string[]; rows: readonly (readonly (string | null)[])[] }[];
} {
  const calls: { header: readonly string[]; rows: readonly (readonly (string | null)[])[] }[] = [];
  return {
    calls,
    write: (header, rows) => {
      calls.push({ header, rows });
      return `${rows.length} rows`;
    },
  };
}

/** A calendar writer that keeps its input and writes `<name>: <n> entries`. */
export function fakeCalendar(): CalendarWriter & { calls: CalendarFile[] } {
  const calls: CalendarFile[] = [];
  return {
    calls,
    write: (calendar) => {
      calls.push(calendar);
      return `${calendar.name}: ${calendar.entries.length} entries`;
    },
  };
}
