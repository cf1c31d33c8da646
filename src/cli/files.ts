/** Reading and writing the files a user names on the command line (`--out`, `--…-file`, `import`). */
import { isUtf8 } from 'node:buffer';
import { open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UsageError, UserError } from '../domain/errors.js';
import { AtomicFile, TargetExistsError } from '../fs/atomic-file.js';
import { entryKind } from '../fs/entry-kind.js';
import type { EntryKind } from '../fs/entry-kind.js';
import { errnoCode } from '../fs/errno.js';

/** The most an input file may hold, and what it holds, for the message that refuses a larger one. */
export interface InputLimit {
  bytes: number;
  what: string;
}

/**
 * Far above any real file of each kind, low enough that `/dev/zero` or an endless pipe is refused
 * after a moment and a bounded amount of memory. Decimal megabytes, as `--max-size` counts them.
 */
export const INPUT_LIMITS = {
  description: { bytes: 1_000_000, what: 'a description' },
  answer: { bytes: 1_000_000, what: 'an answer' },
  message: { bytes: 50_000_000, what: 'a message or email' },
  export: { bytes: 256_000_000, what: 'an export' },
} as const satisfies Record<string, InputLimit>;

const READ_CHUNK = 64 * 1024;

/**
 * Reads a text file, or standard input for `-`, as UTF-8, up to `limit`. A missing, unreadable or
 * larger file, or one that is not UTF-8, is a usage error (exit 2). A leading byte-order mark is
 * dropped. Devices and pipes are read as they come until the limit, so a FIFO is read like a file
 * (`--description-file <(pbpaste)`), and one that never ends is refused at the limit.
 */
export async function readTextInput(
  flag: string,
  path: string,
  limit: InputLimit,
  stdin: () => AsyncIterable<Uint8Array>,
): Promise<string> {
  return decodeText(flag, path, await readInputBytes(flag, path, limit, stdin));
}

/** An input file's bytes, read as readTextInput reads them (`-`, limits, errors), not decoded. */
export async function readInputBytes(
  flag: string,
  path: string,
  limit: InputLimit,
  stdin: () => AsyncIterable<Uint8Array>,
): Promise<Uint8Array> {
  let bytes: Uint8Array | null;
  try {
    bytes = path === '-' ? await readAtMost(stdin(), limit.bytes) : await readFileAtMost(path, limit.bytes);
  } catch (error) {
    throw new UsageError(`${flag} ${path}: cannot read it (${unreadable(error)}).`, hintFor(path));
  }
  if (bytes === null) {
    throw new UsageError(
      `${flag} ${path}: larger than ${megabytes(limit.bytes)}, the most ${limit.what} may hold.`,
      path === '-' ? 'Check what is piped into standard input.' : 'Check that it is the right file.',
    );
  }
  return bytes;
}

/** UTF-8 text of an input file's bytes, a leading byte-order mark dropped; anything else is refused. */
export function decodeText(flag: string, path: string, bytes: Uint8Array): string {
  try {
    // Fatal: a broken byte must be refused, not turned into U+FFFD and saved as if it were text.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(
      `${flag} ${path}: line ${firstLineNotUtf8(bytes)} is not valid UTF-8.`,
      'Save the file as UTF-8 (Unicode) text and try again.',
    );
  }
}

/** All of `chunks`, or null as soon as they pass `limit` (the source is then closed). */
async function readAtMost(chunks: AsyncIterable<Uint8Array>, limit: number): Promise<Buffer | null> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > limit) return null;
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

async function readFileAtMost(path: string, limit: number): Promise<Buffer | null> {
  // Blocks until a FIFO has a writer, as `cat` does; Ctrl-C ends the wait.
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error('it is a directory'), { code: 'EISDIR' });
    // A regular file says its size: a larger one is refused without reading a byte of it.
    if (info.isFile() && info.size > limit) return null;
    return await readAtMost(chunksOf(handle), limit);
  } finally {
    await handle.close();
  }
}

async function* chunksOf(handle: Awaited<ReturnType<typeof open>>): AsyncGenerator<Uint8Array> {
  for (;;) {
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

function unreadable(error: unknown): string {
  const code = errnoCode(error);
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENXIO') return 'it is a socket or a device with nothing behind it';
  return (error as Error).message;
}

function hintFor(path: string): string {
  return path === '-'
    ? 'Pipe the text into standard input, or give a file.'
    : 'Check the path, or use - to read standard input.';
}

function megabytes(bytes: number): string {
  return `${bytes / 1_000_000} MB`;
}

/** No UTF-8 sequence holds a newline byte, so each line can be checked on its own. */
function firstLineNotUtf8(bytes: Uint8Array): number {
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    if (!isUtf8(bytes.subarray(start, end === -1 ? bytes.length : end)) || end === -1) return line;
    start = end + 1;
  }
}

export interface OutputOptions {
  /** `-` means standard output for this output, so the hints offer it (default: true). */
  stdout?: boolean;
  /**
   * Replace an existing file (default: true, for regenerated drafts). Without it an existing
   * file, even one that appears while the text is written, is left alone: exit 1.
   */
  overwrite?: boolean;
}

/** An output that is not overwritten without `--force` already exists (exit 1). */
export function targetExists(flag: string, path: string): UserError {
  return new UserError(`${flag} ${path} already exists.`, 'Pass --force to replace it, or give another file name.');
}

/** `--out`'s file, checked (see checkOutputPath); null for standard output: absent, or `-`. */
export async function outputFileOf(flag: string, out: string | undefined, dataDir: string): Promise<string | null> {
  if (out === undefined || out === '-') return null;
  await checkOutputPath(flag, out, dataDir);
  return out;
}

/**
 * Refuses (exit 2), before any work is done, an output path that is neither a regular file nor a
 * new name in an existing directory: a directory, device, FIFO, socket or symbolic link (never
 * followed, never replaced), or any path inside the data directory, symlinks resolved, so that
 * `export --out claims.db` run there cannot replace the database.
 */
export async function checkOutputPath(
  flag: string,
  path: string,
  dataDir: string,
  options: OutputOptions = {},
): Promise<void> {
  await refuseUnlessRegular(flag, path, options);
  const dir = dirname(path);
  const parent = await stat(dir).catch(() => null);
  if (!parent?.isDirectory()) {
    throw new UsageError(
      `${flag} ${path}: the directory ${dir} does not exist.`,
      'Create it first, or choose another path.',
    );
  }
  await checkOutsideDataDir(flag, path, dataDir);
}

/**
 * Refuses (exit 2) a path inside the data directory, or the directory itself. Real paths are
 * compared, so neither `..`, a relative path run from inside it, nor a symlinked folder gets in.
 */
export async function checkOutsideDataDir(flag: string, path: string, dataDir: string): Promise<void> {
  const [target, data] = await Promise.all([realPathOf(path), realPathOf(dataDir)]);
  if (target === data || target.startsWith(data.endsWith(sep) ? data : data + sep)) {
    throw new UsageError(
      `${flag} ${path} is inside the data directory ${dataDir}; writing there could destroy your claims.`,
      `Choose a path outside ${dataDir}.`,
    );
  }
}

/** `new --out -`, `bundle --out -`: outputs that cannot share standard output, refused (exit 2). */
export function refuseStdout(flag: string, path: string | undefined, why: string, hint: string): void {
  if (path === '-') throw new UsageError(`${flag} -: ${why}`, hint);
}

const KIND_WORDS: Record<Exclude<EntryKind, 'file'>, string> = {
  directory: 'a directory',
  'symbolic link': 'a symbolic link, which refund-claim never writes through or replaces',
  FIFO: 'a FIFO (named pipe), not a regular file',
  device: 'a device, not a regular file',
  socket: 'a socket, not a regular file',
};

async function refuseUnlessRegular(flag: string, path: string, options: OutputOptions): Promise<void> {
  const kind = await entryKind(path);
  if (kind === null || kind === 'file') return;
  const stdout = options.stdout === false ? '' : ', or - for standard output';
  throw new UsageError(
    `${flag} ${path} is ${KIND_WORDS[kind]}.`,
    kind === 'directory' ? 'Give a file name.' : `Give the path of a regular file or a new one${stdout}.`,
  );
}

/** `path` with its symbolic links resolved as far as it exists; the missing rest kept as given. */
async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch (error) {
    const parent = dirname(absolute);
    if (errnoCode(error) !== 'ENOENT' || parent === absolute) throw error;
    return join(await realPathOf(parent), basename(absolute));
  }
}

/**
 * Writes a whole text file (or a spreadsheet's bytes) or nothing: a temporary file beside it,
 * flushed and renamed over the target, so an interrupted write never leaves half of it behind.
 */
export async function writeTextFile(
  flag: string,
  path: string,
  text: string | Uint8Array,
  dataDir: string,
  options: OutputOptions = {},
): Promise<void> {
  await checkOutputPath(flag, path, dataDir, options);
  let file: AtomicFile | undefined;
  try {
    file = await AtomicFile.beside(path);
    await file.write(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
    await file.flush();
    // rename(2) would replace a device or a link that took the name while the text was written;
    // looking again just before it leaves only a process racing for the very same name.
    await refuseUnlessRegular(flag, path, options);
    await file.commit(path, { overwrite: options.overwrite ?? true });
  } catch (error) {
    await file?.discard();
    if (error instanceof UserError) throw error;
    if (error instanceof TargetExistsError) throw targetExists(flag, path);
    throw new UserError(
      `${flag} ${path}: cannot write it (${(error as Error).message}).`,
      'Check the permissions of the directory.',
    );
  }
}
