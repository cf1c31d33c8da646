/**
 * A file written whole or not at all: the bytes go to a temporary file in the target's directory,
 * are flushed to disk, and only then take the target's name (rename, or a hard link when an
 * existing file must not be replaced). A crash or Ctrl-C leaves the target absent, as it was, or
 * complete; never half-written. Evidence copies, bundles and `--out` files are all written so.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errnoCode, IncompleteWriteError } from './errno.js';

/** A temporary file this old was left by a run that was killed (a live run keeps writing). */
const STALE_TEMP_MS = 60 * 60 * 1000;

export interface AtomicFileOptions {
  /**
   * Temporary names are `<prefix><12 hex digits><suffix>`. Those of earlier runs with the same
   * prefix and suffix, an hour older than this one's, are removed.
   */
  prefix: string;
  suffix?: string;
  /** Of the temporary file, and so of the target. */
  mode?: number;
}

/** `commit` without `overwrite` found the target's name taken; nothing was replaced. */
export class TargetExistsError extends Error {
  readonly code = 'EEXIST';

  constructor(readonly target: string) {
    super(`${target} already exists`);
  }
}

export class AtomicFile {
  private isOpen = true;
  private finished = false;

  private constructor(
    /** The temporary file's path. */
    readonly path: string,
    /** Write through `write`, or hand it to a stream; `flush`/`commit`/`discard` close it. */
    readonly handle: FileHandle,
  ) {}

  /**
   * A temporary file in `dir`, which must be the target's directory (a rename never crosses file
   * systems). For when the target's name is known only once the content is written.
   */
  static async create(dir: string, { prefix, suffix = '', mode = 0o600 }: AtomicFileOptions): Promise<AtomicFile> {
    const path = join(dir, `${prefix}${randomBytes(6).toString('hex')}${suffix}`);
    const file = new AtomicFile(path, await open(path, 'wx', mode));
    await removeStaleTemporaries(file, dir, prefix, suffix);
    return file;
  }

  /** A temporary file beside `target`: `.<name>.<12 hex digits>.partial`. */
  static beside(target: string, options: { mode?: number } = {}): Promise<AtomicFile> {
    return AtomicFile.create(dirname(target), { prefix: `.${basename(target)}.`, suffix: '.partial', ...options });
  }

  /**
   * Appends all of `data`. A short write (the file-size limit or the disk reached half-way) is
   * retried with the rest, which then fails with the system's reason (EFBIG, ENOSPC, EDQUOT).
   */
  async write(data: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await this.handle.write(data, offset, data.length - offset);
      // Retrying a write that took nothing would spin for ever.
      if (bytesWritten <= 0)
        throw new IncompleteWriteError(`a write of ${data.length - offset} bytes took none`, this.path);
      offset += bytesWritten;
    }
  }

  /**
   * Puts the bytes on disk and closes the file; `commit` does it when it was not done before.
   * With `bytes`, a file of any other length is refused: whatever cut it short, it must not be
   * published.
   */
  async flush({ bytes }: { bytes?: number } = {}): Promise<void> {
    if (this.isOpen) {
      // A rename must never publish bytes that are still only in the page cache.
      await this.handle.sync();
      await this.close();
    }
    if (bytes === undefined) return;
    const { size } = await stat(this.path);
    if (size !== bytes) throw new IncompleteWriteError(`holds ${size} of the ${bytes} bytes written`, this.path);
  }

  /**
   * Gives the complete file the target's name; `bytes` as for `flush`. Without `overwrite` an
   * existing target is never replaced, even one that appeared meanwhile: TargetExistsError. Call
   * `discard` if this throws.
   */
  async commit(target: string, { overwrite, bytes }: { overwrite: boolean; bytes?: number }): Promise<void> {
    await this.flush({ bytes });
    await place(this.path, target, overwrite);
    this.finished = true;
  }

  /** Closes and removes the temporary file, unless it was committed; safe to call twice. */
  async discard(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.close().catch(() => undefined);
    await unlink(this.path).catch(() => undefined);
  }

  private async close(): Promise<void> {
    if (!this.isOpen) return;
    this.isOpen = false;
    await this.handle.close();
  }
}

/** Writes `data` to `target` whole or not at all (see AtomicFile). */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: { overwrite: boolean; mode?: number },
): Promise<void> {
  const file = await AtomicFile.beside(target, { mode: options.mode });
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    await file.write(bytes);
    await file.commit(target, { overwrite: options.overwrite, bytes: bytes.length });
  } catch (error) {
    await file.discard();
    throw error;
  }
}

/**
 * Without `overwrite`, a hard link publishes the file only if the name is still free; file
 * systems without hard links fall back to a check and a rename.
 */
async function place(temporary: string, target: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    await rename(temporary, target);
  } else {
    let linked = false;
    try {
      await link(temporary, target);
      linked = true;
    } catch (error) {
      if (errnoCode(error) === 'EEXIST' || (await exists(target))) throw new TargetExistsError(target);
      await rename(temporary, target);
    }
    if (linked) await unlink(temporary).catch(() => undefined);
  }
  // The rename itself must survive a power cut too; directories cannot be opened on Windows.
  const directory = await open(dirname(target), 'r').catch(() => null);
  await directory?.sync().catch(() => undefined);
  await directory?.close();
}

/**
 * `kill -9` leaves a temporary file that no cleanup can remove at the time; the next write into
 * the same directory removes those an hour older than its own (the file system's clock, not this
 * machine's idea of now, which tests and demos pin). Best effort: a failure here stops nothing.
 */
async function removeStaleTemporaries(own: AtomicFile, dir: string, prefix: string, suffix: string): Promise<void> {
  const now = (await own.handle.stat().catch(() => null))?.mtimeMs;
  if (now === undefined) return;
  const names = await readdir(dir).catch(() => []);
  for (const name of names) {
    const path = join(dir, name);
    if (!name.startsWith(prefix) || !name.endsWith(suffix) || path === own.path) continue;
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && now - info.mtimeMs > STALE_TEMP_MS) await unlink(path).catch(() => undefined);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
