import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { EvidenceStore, InspectedFile, IntegrityState, StoredContent, StoredFile } from '../app/deps.js';
import { AtomicFile } from '../fs/atomic-file.js';
import type { RunningProcesses } from '../fs/atomic-file.js';
import { FileChunkReader } from '../fs/chunks.js';
import { errnoCode, failureAt } from '../fs/errno.js';
import { sha256Of } from './hash.js';
import { importUserFile, inspectUserFile } from './user-file.js';

const TEMP_PREFIX = '.incoming-';
const SHA256 = /^[0-9a-f]{64}$/;
/**
 * A link planted in the store is not a stored copy (O_NOFOLLOW), and opening a FIFO must not
 * wait for a writer that never comes (O_NONBLOCK; no effect on a regular file). Windows has
 * neither flag, nor FIFOs or links in the way.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Something other than a regular file lies where a stored copy should be. */
class NotAStoredCopyError extends Error {}

/**
 * Private copies of evidence in a folder, named by their SHA-256 (`evidence/<sha256>`). A copy
 * is written to a temporary name, flushed, checked to hold every byte that was hashed, and only
 * then renamed (fs/atomic-file.ts), so neither a crash nor a full disk leaves a short file under
 * a checksum name. Copies are read in CHUNK_SIZE chunks by a
 * FileChunkReader, which the bundle writer reads into its pooled buffers.
 */
export class FileEvidenceStore implements EvidenceStore {
  constructor(
    private readonly dir: string,
    /** Lets a copy left by a killed run go at the next put, not an hour later (AtomicFile). */
    private readonly processes?: RunningProcesses,
  ) {}

  inspect(path: string): Promise<InspectedFile> {
    return inspectUserFile(path);
  }

  importFile(file: InspectedFile): Promise<StoredFile> {
    return importUserFile(this, file);
  }

  async put(source: Readable): Promise<StoredContent> {
    // The source may fail before the loop below listens (while the temporary file is made) or
    // after it stopped (a late error of a stream destroyed here): the loop throws the first, and
    // neither is left unhandled, which would end the process.
    source.on('error', () => undefined);
    // A full disk or a file-size limit is the store's problem, told as its folder's; a failing
    // source's error goes on as it is, for the caller to tell as its own.
    const inStore = async <T>(step: () => Promise<T>): Promise<T> => {
      try {
        return await step();
      } catch (error) {
        throw failureAt(error, this.dir);
      }
    };
    let temporary: AtomicFile | undefined;
    try {
      await inStore(() => mkdir(this.dir, { recursive: true, mode: 0o700 }));
      const file = await inStore(() => AtomicFile.create(this.dir, { prefix: TEMP_PREFIX, processes: this.processes }));
      temporary = file;
      const hash = createHash('sha256');
      let bytes = 0;
      // One read pass both hashes and copies, so the checksum is of exactly the bytes stored.
      for await (const chunk of source) {
        if (!(chunk instanceof Uint8Array)) throw new TypeError('put() takes a stream of bytes, not of text');
        hash.update(chunk);
        bytes += chunk.length;
        await inStore(() => file.write(chunk));
      }
      const sha256 = hash.digest('hex');
      if ((await inStore(() => this.verify(sha256))) === 'ok') {
        await file.discard();
      } else {
        // Missing, or a damaged copy of the same content: the fresh copy takes its place, once it
        // holds every byte that was hashed.
        await inStore(() => file.commit(this.pathOf(sha256), { overwrite: true, bytes }));
      }
      return { sha256, bytes };
    } catch (error) {
      source.destroy();
      await temporary?.discard();
      throw error;
    }
  }

  async open(sha256: string): Promise<Readable | null> {
    const handle = await this.openCopy(sha256);
    return handle && new FileChunkReader(handle);
  }

  async size(sha256: string): Promise<number | null> {
    const path = this.pathOf(sha256);
    try {
      const info = await lstat(path);
      if (!info.isFile()) throw notAStoredCopy(path, kindOf(info));
      return info.size;
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null;
      throw error;
    }
  }

  async verify(sha256: string): Promise<IntegrityState> {
    let handle: FileHandle | null;
    try {
      handle = await this.openCopy(sha256);
    } catch (error) {
      // Whatever lies there, it is not the content that was stored.
      if (error instanceof NotAStoredCopyError) return 'altered';
      throw error;
    }
    if (!handle) return 'missing';
    return (await sha256Of(new FileChunkReader(handle))) === sha256 ? 'ok' : 'altered';
  }

  describe(sha256: string): string {
    return this.pathOf(sha256);
  }

  private pathOf(sha256: string): string {
    // A name from anywhere else (an export file) never leads outside the store.
    if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256 checksum: ${JSON.stringify(sha256)}`);
    return join(this.dir, sha256);
  }

  /** The stored copy, open for reading; null when there is none; only ever a regular file. */
  private async openCopy(sha256: string): Promise<FileHandle | null> {
    const path = this.pathOf(sha256);
    let handle: FileHandle;
    try {
      handle = await open(path, OPEN_FLAGS);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT') return null;
      if (code === 'ELOOP') throw notAStoredCopy(path, 'a symbolic link');
      // What open(2) says of a socket.
      if (code === 'ENXIO') throw notAStoredCopy(path, 'a socket');
      throw error;
    }
    let info: Stats;
    try {
      info = await handle.stat();
    } catch (error) {
      await handle.close();
      throw error;
    }
    if (info.isFile()) return handle;
    await handle.close();
    throw notAStoredCopy(path, kindOf(info));
  }
}

function notAStoredCopy(path: string, kind: string): NotAStoredCopyError {
  return new NotAStoredCopyError(`${path} is ${kind}, not a regular file`);
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'of an unknown type';
}
