/** Reading and writing the files a user names on the command line (`--out`, `--…-file`, `import`). */
import { isUtf8 } from 'node:buffer';
import { existsSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError, UserError } from '../domain/errors.js';
import { writeFileAtomic } from '../fs/atomic-file.js';
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

/** Refuses an output path whose directory does not exist, before any work is done. */
export function assertWritableTarget(flag: string, path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(
      `${flag} ${path}: the directory ${dir} does not exist.`,
      'Create it first, or choose another path.',
    );
  }
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new UsageError(`${flag} ${path} is a directory.`, 'Give a file name.');
  }
}

/**
 * Writes a whole text file or nothing: a temporary file beside it, flushed and renamed over the
 * target, so an interrupted write never leaves half a message behind.
 */
export async function writeTextFile(flag: string, path: string, text: string): Promise<void> {
  assertWritableTarget(flag, path);
  try {
    await writeFileAtomic(path, text, { overwrite: true });
  } catch (error) {
    throw new UserError(
      `${flag} ${path}: cannot write it (${(error as Error).message}).`,
      'Check the permissions of the directory.',
    );
  }
}
