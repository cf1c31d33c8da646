import type { Evidence } from '../domain/claim.js';
import type { EvidenceInput, EvidenceStore, InspectedFile } from './deps.js';

/** A stored copy on its way into a claim, not numbered yet; `path` is the user's file. */
export type EvidenceCopy = Omit<Evidence, 'number'> & { path: string };

export interface CheckedEvidence extends EvidenceInput {
  file: InspectedFile;
}

/** A file that was not added because the claim already holds the same content. */
export interface SkippedEvidence {
  path: string;
  /** The evidence number that already holds this content. */
  sameAs: number;
}

/**
 * Checks every file before any is copied, so one bad path refuses the whole command and nothing
 * is half-added.
 */
export async function checkEvidenceFiles(
  store: EvidenceStore,
  inputs: readonly EvidenceInput[],
): Promise<CheckedEvidence[]> {
  const checked: CheckedEvidence[] = [];
  for (const input of inputs) checked.push({ ...input, file: await store.inspect(input.path) });
  return checked;
}

/**
 * Copies the files into the evidence store and numbers them after `existing`, in the order given.
 * Content the claim already holds (or that appears twice in the list) is skipped, not numbered.
 */
export async function copyEvidence(
  store: EvidenceStore,
  files: readonly CheckedEvidence[],
  addedAt: string,
): Promise<EvidenceCopy[]> {
  const copies: EvidenceCopy[] = [];
  for (const item of files) {
    const stored = await store.importFile(item.file);
    copies.push({
      path: item.path,
      kind: item.kind,
      name: stored.name,
      caption: item.caption ?? null,
      bytes: stored.bytes,
      sha256: stored.sha256,
      mime: stored.mime,
      addedAt,
    });
  }
  return copies;
}

/**
 * Splits copies into new evidence, numbered after what the claim has, and duplicates of content
 * it already holds. Run inside the write transaction, against the claim as it is there.
 */
export function withoutDuplicates(
  copies: readonly EvidenceCopy[],
  existing: readonly Evidence[],
): { added: Evidence[]; numbers: number[]; skipped: SkippedEvidence[]; kept: boolean[] } {
  const seen = new Map(existing.map((item) => [item.sha256, item.number]));
  let next = Math.max(0, ...existing.map((item) => item.number)) + 1;
  const added: Evidence[] = [];
  const numbers: number[] = [];
  const skipped: SkippedEvidence[] = [];
  /** Per copy, in order: whether it was added. */
  const kept: boolean[] = [];
  for (const { path, ...item } of copies) {
    const sameAs = seen.get(item.sha256);
    kept.push(sameAs === undefined);
    if (sameAs !== undefined) {
      skipped.push({ path, sameAs });
      continue;
    }
    numbers.push(next);
    added.push({ ...item, number: next });
    seen.set(item.sha256, next++);
  }
  return { added, numbers, skipped, kept };
}
