/**
 * A file written whole or not at all: the bytes go to a temporary file in the target's directory,
 * are flushed to disk, and only then take the target's name (rename, or a hard link when an
 * existing file must not be replaced). A crash or Ctrl-C leaves the target absent, as it was, or
 * complete; never half-written. Evidence copies, bundles and `--out` files are all written so.
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { errnoCode, IncompleteWriteError } from './errno.js';

/** A temporary file without an owner this old was left by a run that was killed (a live run keeps writing). */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** What follows the prefix: `<pid>-<host>-<12 hex digits>` with an owner, `<12 hex digits>` without. */
const OWNED_NAME = /^(\d+)-([0-9a-f]{8})-[0-9a-f]{12}$/;
const UNOWNED_NAME = /^[0-9a-f]{12}$/;

/**
 * This machine, as temporary names carry it: a process id says nothing about a process on
 * another machine (a shared folder) or in another container (its own process ids and host name).
 */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

/** The processes on this machine, asked after by id. Only cli/main.ts may touch `process`. */
export interface RunningProcesses {
  /** This process's id. */
  readonly pid: number;
  /** False only when certainly no process with this id is running (`kill(pid, 0)` says ESRCH). */
  isRunning(pid: number): boolean;
}

export interface AtomicFileOptions {
  /** Temporary names are `<prefix><12 hex digits><suffix>`, with an owner as below. */
  prefix: string;
  suffix?: string;
  /** Of the temporary file, and so of the target. */
  mode?: number;
  /**
   * With this, temporary names carry the process id: those with the same prefix and suffix whose
   * process has ended are removed at once, and a running one's never, however old. Without it,
   * those without an owner an hour older than this one's are removed.
   */
  processes?: RunningProcesses;
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
  static async create(dir: string, options: AtomicFileOptions): Promise<AtomicFile> {
    const { prefix, suffix = '', mode = 0o600, processes } = options;
    const owner = processes ? `${processes.pid}-${HOST}-` : '';
    const path = join(dir, `${prefix}${owner}${randomBytes(6).toString('hex')}${suffix}`);
    const file = new AtomicFile(path, await open(path, 'wx', mode));
    await removeStaleTemporaries(file, dir, prefix, suffix, processes);
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
 * the same directory removes it. One that names its process is removed once that process has
 * ended, whatever its age: a clock, pinned by tests and demos or set wrong, never removes a copy
 * still being written. One without is removed an hour older than this one (by the file system's
 * clock). Best effort: a failure here stops nothing.
 */
async function removeStaleTemporaries(
  own: AtomicFile,
  dir: string,
  prefix: string,
  suffix: string,
  processes: RunningProcesses | undefined,
): Promise<void> {
  const now = (await own.handle.stat().catch(() => null))?.mtimeMs;
  if (now === undefined) return;
  const names = await readdir(dir).catch(() => []);
  for (const name of names) {
    const path = join(dir, name);
    if (!name.startsWith(prefix) || !name.endsWith(suffix) || path === own.path) continue;
    const middle = name.slice(prefix.length, name.length - suffix.length);
    const owned = OWNED_NAME.exec(middle);
    let stale: boolean;
    if (owned) {
      const pid = Number(owned[1]);
      // Our own id on another file is another write of this process, or a dead run's whose id
      // this process was given again: the two look the same, so it stays for a later run. One
      // from another machine stays too: its process cannot be asked after from here.
      stale = processes !== undefined && owned[2] === HOST && pid !== processes.pid && !processes.isRunning(pid);
    } else if (UNOWNED_NAME.test(middle)) {
      const info = await stat(path).catch(() => null);
      stale = info?.isFile() === true && now - info.mtimeMs > STALE_TEMP_MS;
    } else {
      stale = false;
    }
    if (stale) await unlink(path).catch(() => undefined);
  }
}

/** Whether anything, of any kind, is at `path`. */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
