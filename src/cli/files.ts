/** Reading and writing the files a user names on the command line (`--out`, `--…-file`). */
import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError, UserError } from '../domain/errors.js';
import { writeFileAtomic } from '../fs/atomic-file.js';
import { errnoCode } from '../fs/errno.js';

/**
 * Reads a text file, or standard input for `-`, as UTF-8; an unreadable one, or one that is not
 * UTF-8, is a usage error (exit 2). A leading byte-order mark is dropped.
 */
export function readTextInput(flag: string, path: string, stdin: () => Uint8Array): string {
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? stdin() : readFileSync(path);
  } catch (error) {
    const code = errnoCode(error);
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new UsageError(
      `${flag} ${path}: cannot read it (${why}).`,
      'Check the path, or use - to read standard input.',
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
