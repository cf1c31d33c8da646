/**
 * The bundle's fixed entries and the two files that describe the others: `manifest.json` (what
 * each evidence file is) and `SHA256SUMS` (what every entry's bytes are, for `sha256sum -c`).
 */
import type { ClaimSummaryJson } from '../app/deps.js';
import type { Evidence, EvidenceKind } from '../domain/claim.js';

export const TICKET_ENTRY = 'ticket.txt';
export const TIMELINE_ENTRY = 'timeline.txt';
export const MANIFEST_ENTRY = 'manifest.json';
export const SUMS_ENTRY = 'SHA256SUMS';
/** Names a reader of `manifest.json` can rely on; bumped only when a field changes meaning. */
export const MANIFEST_FORMAT = 'refund-claim-bundle/1';

/**
 * Already-compressed media gains about 0.1% from deflate at 9× the time, so it is stored; text,
 * emails and spreadsheets shrink well and are deflated.
 */
export function isStoredMime(mime: string): boolean {
  return mime.startsWith('image/') || mime.startsWith('video/') || mime === 'application/pdf';
}

/** One evidence file as `manifest.json` describes it. */
export interface ManifestFile {
  /** Its evidence number, as in the ticket. */
  number: number;
  /** Entry name inside the zip: `evidence/01-receipt-invoice.pdf`. */
  name: string;
  /** What the user's file was called when it was attached. */
  originalName: string;
  kind: EvidenceKind;
  caption: string | null;
  bytes: number;
  sha256: string;
  mime: string;
  addedAt: string;
}

export function buildManifest(
  summary: ClaimSummaryJson,
  createdAt: Date,
  files: readonly { entryName: string; evidence: Evidence; sha256: string }[],
) {
  return {
    format: MANIFEST_FORMAT,
    createdAt: createdAt.toISOString(),
    claim: summary,
    files: files.map(({ entryName, evidence, sha256 }): ManifestFile => ({
      number: evidence.number,
      name: entryName,
      originalName: evidence.name,
      kind: evidence.kind,
      caption: evidence.caption,
      bytes: evidence.bytes,
      sha256,
      mime: evidence.mime,
      addedAt: evidence.addedAt,
    })),
  };
}

/** `<hex>  <path>` per line, the format `sha256sum -c` reads. */
export function formatSha256Sums(entries: readonly { name: string; sha256: string }[]): string {
  return entries.map((entry) => `${entry.sha256}  ${entry.name}\n`).join('');
}

export interface ParsedSums {
  sums: Map<string, string>;
  /** 1-based numbers of lines that are not `<hex>  <path>`. */
  malformed: number[];
}

/** Reads what `sha256sum` writes, including its `*` binary marker and backslash-escaped names. */
export function parseSha256Sums(text: string): ParsedSums {
  const sums = new Map<string, string>();
  const malformed: number[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const escaped = line.startsWith('\\');
    const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(escaped ? line.slice(1) : line);
    if (!match?.[1] || !match[2]) {
      malformed.push(index + 1);
      return;
    }
    const name = escaped ? match[2].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c)) : match[2];
    sums.set(name, match[1].toLowerCase());
  });
  return { sums, malformed };
}

/** What `verify` needs from a manifest; null when it is not one this version wrote. */
export function parseManifest(
  text: string,
): { claimId: string | null; files: Pick<ManifestFile, 'name' | 'sha256' | 'bytes'>[] } | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { claim, files } = value as { claim?: { id?: unknown }; files?: unknown };
  if (!Array.isArray(files)) return null;
  const parsed: Pick<ManifestFile, 'name' | 'sha256' | 'bytes'>[] = [];
  for (const file of files as unknown[]) {
    const { name, sha256, bytes } = (file ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || typeof sha256 !== 'string' || typeof bytes !== 'number') return null;
    parsed.push({ name, sha256: sha256.toLowerCase(), bytes });
  }
  return { claimId: typeof claim?.id === 'string' ? claim.id : null, files: parsed };
}
