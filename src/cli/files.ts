/** Reading and writing the files a user names on the command line (`--out`, `--…-file`). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError, UserError } from '../domain/errors.js';
import { writeFileAtomic } from '../fs/atomic-file.js';
import { errnoCode } from '../fs/errno.js';

/** Reads a text file, or standard input for `-`; an unreadable one is a usage error (exit 2). */
export function readTextInput(flag: string, path: string, stdin: () => string): string {
  if (path === '-') return stdin();
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = errnoCode(error);
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new UsageError(
      `${flag} ${path}: cannot read it (${why}).`,
      'Check the path, or use - to read standard input.',
    );
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
