/**
 * Writes the evidence bundle: archiver streams every stored copy from the evidence store into a
 * temporary zip beside the target, re-hashing it in the same read pass; the zip is renamed into
 * place only when it is complete and flushed (fs/atomic-file.ts), so the target is always either
 * absent, the previous file, or the whole new bundle.
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ZipArchive, ZipEntryData } from 'archiver';
import type { BundleContent, BundleFile, WriteBundleOptions, WrittenBundle } from '../app/deps.js';
import { formatClaimId } from '../domain/claim.js';
import { CancelledError, UsageError, UserError } from '../domain/errors.js';
import {
  MANIFEST_ENTRY,
  SUMS_ENTRY,
  TICKET_ENTRY,
  TIMELINE_ENTRY,
  buildManifest,
  formatSha256Sums,
  isStoredMime,
} from './manifest.js';
import { AtomicFile, exists, TargetExistsError } from '../fs/atomic-file.js';
import { CHUNK_SIZE, ChunkPool, FileChunkReader, FileChunkWriter } from '../fs/chunks.js';
import { entryKind } from '../fs/entry-kind.js';
import { errnoCode } from '../fs/errno.js';

/** Enough buffers for every stage between the evidence file and the zip to hold one or two. */
const POOLED_CHUNKS = 16;
/** Level 6, as Info-ZIP's default: text is small, the difference to 9 is noise. */
const DEFLATE_LEVEL = 6;

export async function writeBundle(
  target: string,
  content: BundleContent,
  options: WriteBundleOptions,
): Promise<WrittenBundle> {
  if (options.signal?.aborted) throw cancelled();
  if (!options.overwrite && (await exists(target))) throw targetExists(target);
  await checkStoredCopies(content);

  let temporary: AtomicFile | undefined;
  try {
    temporary = await AtomicFile.beside(target);
    const written = await pack(temporary.handle, content, options);
    await temporary.flush({ bytes: written.bytes });
    if (options.signal?.aborted) throw cancelled();
    // Without overwrite, commit refuses any existing name; with it, rename(2) would replace a
    // device or a link that took the name while the zip was written.
    if (options.overwrite) await refuseUnlessRegular(target);
    await temporary.commit(target, { overwrite: options.overwrite });
    return { path: target, ...written };
  } catch (error) {
    await temporary?.discard();
    if (error instanceof TargetExistsError) throw targetExists(target);
    throw asUserError(error, target);
  }
}

async function pack(
  file: FileHandle,
  content: BundleContent,
  options: WriteBundleOptions,
): Promise<{ bytes: number; entries: number }> {
  // Lazy: archiver costs ~110 ms to load, which `status` and `--help` must not pay.
  const { ZipArchive } = await import('archiver');
  const archive = new ZipArchive({ zlib: { level: DEFLATE_LEVEL }, forceLocalTime: true });
  const pool = new ChunkPool(CHUNK_SIZE, POOLED_CHUNKS);
  const output = new FileChunkWriter(file, pool);

  // Anything that goes wrong anywhere (archive, disk, a read, Ctrl-C) rejects `stopped`, which
  // every wait below races against, so no step waits forever for an entry that will never come.
  let stop: (reason: unknown) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => undefined);
  const onAbort = (): void => stop(cancelled());
  options.signal?.addEventListener('abort', onAbort, { once: true });
  archive.on('error', stop);
  archive.on('warning', stop);
  const finished = pipeline(archive, output);
  finished.catch(stop);

  let current: Readable | undefined;
  try {
    const date = content.createdAt;
    const entries: { name: string; sha256: string }[] = [];
    const addText = async (name: string, text: string): Promise<void> => {
      const bytes = Buffer.from(text, 'utf8');
      await appendEntry(archive, bytes, { name, date, mode: 0o644 }, stopped);
      entries.push({ name, sha256: createHash('sha256').update(bytes).digest('hex') });
    };
    await addText(TICKET_ENTRY, content.ticket);
    await addText(TIMELINE_ENTRY, content.timeline);

    const totalBytes = content.files.reduce((sum, file) => sum + file.evidence.bytes, 0);
    const progress = { files: 0, totalFiles: content.files.length, bytes: 0, totalBytes };
    options.onProgress?.({ ...progress });
    const verified: { entryName: string; evidence: BundleFile['evidence']; sha256: string }[] = [];
    for (const file of content.files) {
      const store = isStoredMime(file.evidence.mime);
      const source = await openCopy(file, content);
      current = source;
      // The file store's copies read straight into the pool's buffers; any other readable (a
      // database's chunks) is streamed as it comes. Deflated entries are small text, and zlib
      // keeps its input buffers: no pool for them.
      if (store && source instanceof FileChunkReader) source.usePool(pool);
      const hash = createHash('sha256');
      let bytes = 0;
      // Listening to 'data' beside archiver's pipe sees every chunk once; pipe's backpressure
      // pauses both, so memory holds a chunk or two whatever the file's size.
      source.on('data', (chunk: string | Buffer) => {
        // No encoding was set, so chunks are Buffers.
        hash.update(chunk);
        bytes += chunk.length;
        progress.bytes += chunk.length;
        options.onProgress?.({ ...progress });
      });
      const readFailed = new Promise<never>((_, reject) =>
        source.once('error', (error) => reject(unreadableCopy(file, content, error))),
      );
      readFailed.catch(() => undefined);
      const entry: ZipEntryData = { name: file.entryName, date: new Date(file.evidence.addedAt), mode: 0o644, store };
      await Promise.race([appendEntry(archive, source, entry, stopped), readFailed]);
      const sha256 = hash.digest('hex');
      if (sha256 !== file.evidence.sha256 || bytes !== file.evidence.bytes) throw alteredCopy(file, content);
      verified.push({ entryName: file.entryName, evidence: file.evidence, sha256 });
      progress.files++;
      options.onProgress?.({ ...progress });
    }
    current = undefined;

    // Written last: they state the checksums just computed from the bytes that went in.
    const manifest = buildManifest(content.summary, content.createdAt, verified);
    await addText(MANIFEST_ENTRY, `${JSON.stringify(manifest, null, 2)}\n`);
    const sums = [...entries, ...verified.map((file) => ({ name: file.entryName, sha256: file.sha256 }))];
    await appendEntry(archive, Buffer.from(formatSha256Sums(sums)), { name: SUMS_ENTRY, date, mode: 0o644 }, stopped);
    await Promise.race([archive.finalize(), stopped]);
    await Promise.race([finished, stopped]);
    return { bytes: archive.pointer(), entries: sums.length + 1 };
  } catch (error) {
    current?.destroy();
    archive.abort();
    output.destroy();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Appends one entry and waits until archiver has written all of it. */
function appendEntry(
  archive: ZipArchive,
  source: Buffer | NodeJS.ReadableStream,
  data: ZipEntryData,
  stopped: Promise<never>,
): Promise<void> {
  const added = new Promise<void>((resolve) => {
    const onEntry = (entry: ZipEntryData): void => {
      if (entry.name !== data.name) return;
      archive.off('entry', onEntry);
      resolve();
    };
    archive.on('entry', onEntry);
  });
  archive.append(source, data);
  return Promise.race([added, stopped]);
}

/** Missing or truncated copies are refused before a single byte is written. */
async function checkStoredCopies(content: BundleContent): Promise<void> {
  for (const file of content.files) {
    let size: number | null;
    try {
      size = await file.size();
    } catch (error) {
      throw unreadableCopy(file, content, error);
    }
    if (size === null) throw missingCopy(file, content);
    if (size !== file.evidence.bytes) throw alteredCopy(file, content);
  }
}

async function openCopy(file: BundleFile, content: BundleContent): Promise<Readable> {
  let source: Readable | null;
  try {
    source = await file.open();
  } catch (error) {
    throw unreadableCopy(file, content, error);
  }
  if (source === null) throw missingCopy(file, content);
  return source;
}

async function refuseUnlessRegular(target: string): Promise<void> {
  const kind = await entryKind(target);
  if (kind === null || kind === 'file') return;
  throw new UsageError(
    `${target} is ${kind === 'FIFO' ? 'a FIFO' : `a ${kind}`}, not a regular file; no bundle was written.`,
    'Choose another place with --out.',
  );
}

function cancelled(): CancelledError {
  return new CancelledError('Cancelled — no bundle was written.');
}

function targetExists(target: string): UserError {
  return new UserError(`${target} already exists.`, 'Pass --force to replace it, or --out to write somewhere else.');
}

function describe(file: BundleFile): string {
  return `Evidence #${file.evidence.number} (${file.evidence.name})`;
}

/** The same fix `check` gives: attaching the original again restores the stored copy. */
function reattach(file: BundleFile, content: BundleContent): string {
  const id = formatClaimId(content.claim.id);
  return `Attach the original again to restore it: refund-claim attach ${id} <original of ${file.evidence.name}> --kind ${file.evidence.kind}`;
}

function alteredCopy(file: BundleFile, content: BundleContent): UserError {
  return new UserError(
    `${describe(file)}: the stored copy no longer matches its SHA-256, so no bundle was written.`,
    reattach(file, content),
  );
}

function missingCopy(file: BundleFile, content: BundleContent): UserError {
  return new UserError(
    `${describe(file)}: the stored copy is gone from the evidence store, so no bundle was written.`,
    reattach(file, content),
  );
}

function unreadableCopy(file: BundleFile, content: BundleContent, error: unknown): UserError {
  return new UserError(
    `${describe(file)}: cannot read the stored copy (${(error as Error).message}), so no bundle was written.`,
    reattach(file, content),
  );
}

function asUserError(error: unknown, target: string): unknown {
  if (error instanceof UserError) return error;
  const code = errnoCode(error);
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EFBIG: 'the file-size limit was reached',
    EIO: 'an input/output error from the disk',
    EROFS: 'the file system is read-only',
    ENOENT: 'its directory does not exist',
  };
  const reason = code ? why[code] : undefined;
  if (reason === undefined) return error;
  return new UserError(`Cannot write ${target}: ${reason}; nothing was written.`, 'Choose another place with --out.');
}
