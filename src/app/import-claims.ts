/**
 * `import`: restores an export into this data directory, all or nothing. Everything that can be
 * refused is checked first (the file, the IDs, the evidence folder); evidence files are copied
 * before the one database transaction, since copies are content-addressed and harmless if the
 * transaction never happens.
 */
import { latestDay } from '../domain/dates.js';
import { ClaimIdTakenError, UsageError, UserError } from '../domain/errors.js';
import type { ClaimStore, Clock, EvidenceStore, ImportConflict, ImportedClaim, ImportOutcome } from './deps.js';
import { distinctFiles } from './export-claims.js';
import type { EvidenceFileInfo } from './export-claims.js';
import { evidencePlace, readExport, refuseImport } from './formats/export-file.js';

export interface ImportDeps {
  store: ClaimStore;
  /** The data directory's evidence store. */
  evidence: EvidenceStore;
  /** The folder written by `export --with-evidence`, when the user gives one. */
  folder: EvidenceStore | null;
  clock: Clock;
}

export interface ImportOptions {
  onConflict: ImportConflict;
  /** Names the file in messages. */
  file: string;
}

export interface ImportResult extends ImportOutcome {
  /** Evidence files the imported claims use, counted once each. */
  evidenceFiles: number;
  /** Files copied from the folder into the evidence store. */
  copied: number;
  /** Files the imported claims use that the evidence store still lacks (or holds altered). */
  missing: EvidenceFileInfo[];
}

export async function importClaims(deps: ImportDeps, text: string, options: ImportOptions): Promise<ImportResult> {
  // Not the local day: an export written today further east holds dates that are tomorrow here.
  const contents = readExport(text, options.file, { today: latestDay(deps.clock.now()) });

  // Refused before any file is copied; checked again inside the transaction against a race.
  if (options.onConflict === 'fail') {
    const existing = new Set((await deps.store.listClaims({})).map((claim) => claim.id));
    const taken = contents.claims.filter((claim) => existing.has(claim.id)).map((claim) => claim.id);
    if (taken.length > 0) throw new ClaimIdTakenError(taken);
  }

  const files = distinctFiles(contents.claims.flatMap((claim) => claim.evidence));
  // Each file copied from the folder, and the byte count of its copy.
  const copied = new Map<string, number>();
  if (deps.folder) {
    const { folder } = deps;
    const present: EvidenceFileInfo[] = [];
    for (const file of files) {
      // A link, FIFO or directory in its place is refused before anything reads it, and so is
      // any entry that cannot be read: an input of the command line that is unusable (exit 2).
      if ((await readable(() => folder.size(file.sha256), file)) === null) continue;
      const state = await readable(() => folder.verify(file.sha256), file);
      if (state === 'altered') {
        throw new UserError(
          `${folder.describe(file.sha256)} (evidence "${file.name}") does not match its checksum; nothing was imported.`,
          'Copy the evidence folder again from the original export, or import without --with-evidence.',
        );
      }
      if (state === 'ok') present.push(file);
    }
    for (const file of present) {
      const source = await readable(() => folder.open(file.sha256), file);
      const stored = source && (await deps.evidence.put(source));
      if (stored?.sha256 !== file.sha256) {
        throw new UserError(
          `${folder.describe(file.sha256)} changed while it was copied; nothing was imported.`,
          'Run the import again.',
        );
      }
      copied.set(file.sha256, stored.bytes);
    }
  }
  assertStatedSizes(contents.claims, copied, options.file);

  const outcome = await deps.store.importClaims(contents.claims, contents.accounts, {
    onConflict: options.onConflict,
    importedAt: deps.clock.now().toISOString(),
  });

  const importedIds = new Set(outcome.imported.map((entry) => entry.from));
  const used = distinctFiles(
    contents.claims.filter((claim) => importedIds.has(claim.id)).flatMap((claim) => claim.evidence),
  );
  const missing: EvidenceFileInfo[] = [];
  for (const file of used) {
    if (!copied.has(file.sha256) && (await deps.evidence.verify(file.sha256)) !== 'ok') missing.push(file);
  }
  return { ...outcome, evidenceFiles: used.length, copied: copied.size, missing };
}

/** Runs `step` on the folder's copy of `file`; its failure is told as an unusable input. */
async function readable<T>(step: () => Promise<T>, file: EvidenceFileInfo): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new UsageError(
      `Evidence "${file.name}" cannot be read: ${(error as Error).message}; nothing was imported.`,
      'Copy the evidence folder again from the original export, or import without --with-evidence.',
    );
  }
}

/**
 * Every size the file states for a file it brought must be the copy's: its checksum matched, so
 * the byte count of the copy is the truth. Checked before the transaction; copies already made
 * stay unused in the content-addressed store, as after any refused import.
 */
function assertStatedSizes(claims: readonly ImportedClaim[], copied: ReadonlyMap<string, number>, file: string): void {
  claims.forEach((claim, index) => {
    claim.evidence.forEach((item, n) => {
      const bytes = copied.get(item.sha256);
      if (bytes !== undefined && bytes !== item.bytes) {
        refuseImport(
          file,
          `${evidencePlace(index, claim, n)}.bytes`,
          `is ${item.bytes}, but the file in the evidence folder is ${bytes} bytes`,
        );
      }
    });
  });
}
