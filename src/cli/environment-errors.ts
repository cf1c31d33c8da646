/**
 * Failures of the machine rather than of refund-claim: permissions, a full or read-only disk, a
 * damaged database. They become one line naming the path and the cause (exit 1), never "this is
 * a bug" (exit 70), which stays for real bugs.
 */
import { UserError } from '../domain/errors.js';

/** What an errno code means, in words a user can act on. */
const ERRNO_WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than allowed (file size limit)',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a file is in the way',
  EMFILE: 'too many open files',
  EIO: 'an input/output error from the disk',
};

/** better-sqlite3's error codes (`SqliteError.code`), by their primary code. */
const SQLITE_WORDS: Readonly<Record<string, string>> = {
  SQLITE_FULL: 'the database or disk is full',
  SQLITE_NOTADB: 'the file is not a database',
  SQLITE_CORRUPT: 'the database file is damaged',
  SQLITE_READONLY: 'the database is read-only',
  SQLITE_CANTOPEN: 'the database file cannot be opened',
  SQLITE_IOERR: 'an input/output error from the disk',
  SQLITE_PERM: 'permission denied',
  SQLITE_BUSY: 'another refund-claim process kept the database locked for too long',
};

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The environment error as a UserError naming what failed, or null when `error` is not one.
 * `dataDir` names the place when the error itself does not carry a path (SQLite's do not).
 */
export function environmentError(error: unknown, dataDir: string | undefined): UserError | null {
  const code = codeOf(error);
  if (code === undefined) return null;
  const errno = ERRNO_WORDS[code];
  if (errno !== undefined) {
    const path = (error as NodeJS.ErrnoException).path ?? dataDir ?? 'the data directory';
    return new UserError(`Cannot use ${path}: ${errno}.`, hintFor(code));
  }
  const sqlite = SQLITE_WORDS[code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1')];
  if (sqlite !== undefined) {
    const where = dataDir === undefined ? 'the claims database' : `the claims database in ${dataDir}`;
    return new UserError(`Cannot use ${where}: ${sqlite}.`, hintFor(code));
  }
  return null;
}

function hintFor(code: string): string {
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'EFBIG') {
    return 'Free some space (or raise the limit) and run the command again; nothing was changed.';
  }
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return 'Restore claims.db from a backup (claims.db.v*.bak beside it, or an export), or point --data-dir elsewhere.';
  }
  return 'Check the permissions and the disk, or point --data-dir at another directory.';
}
