/** Reading and writing the files a user names on the command line (`--out`, `--…-file`). */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError, UserError } from '../domain/errors.js';
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
 * Writes a whole text file or nothing: a temporary file beside it, renamed over the target, so
 * an interrupted write never leaves half a message behind.
 */
export function writeTextFile(flag: string, path: string, text: string): void {
  assertWritableTarget(flag, path);
  const temporary = join(dirname(path), `.${randomUUID()}.tmp`);
  try {
    writeFileSync(temporary, text, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    if (existsSync(temporary)) unlinkSync(temporary);
    throw new UserError(
      `${flag} ${path}: cannot write it (${(error as Error).message}).`,
      'Check the permissions of the directory.',
    );
  }
}
