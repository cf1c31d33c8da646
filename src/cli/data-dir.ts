import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../domain/errors.js';
import { errnoCode } from '../fs/errno.js';

/**
 * Creates `dir` and its missing parents, each private to the user (0700), or says in one line why
 * it cannot. Not `mkdirSync(dir, { recursive: true })`: Node's loops forever on a path it cannot
 * create inside a directory that exists (`/proc/nope`: ENOENT, then EEXIST for `/proc`, again and
 * again). This walks up to the first existing ancestor and creates the rest one level at a time.
 */
export function makeDirectory(dir: string, role: string): void {
  try {
    const missing: string[] = [];
    let current = resolve(dir);
    let stats = statSync(current, { throwIfNoEntry: false });
    while (!stats) {
      missing.unshift(current);
      current = dirname(current);
      stats = statSync(current, { throwIfNoEntry: false });
    }
    if (!stats.isDirectory()) {
      throw Object.assign(new Error(`${current} is not a directory`), { code: 'ENOTDIR' });
    }
    for (const path of missing) {
      try {
        mkdirSync(path, { mode: 0o700 });
      } catch (error) {
        // Another refund-claim process may have just made it.
        const made = statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
        if (errnoCode(error) !== 'EEXIST' || !made) throw error;
      }
    }
  } catch (error) {
    const code = errnoCode(error);
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'a file is in the way'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : (error as Error).message;
    throw new UserError(
      `Cannot use ${dir} as ${role}: ${why}.`,
      'Point --data-dir or REFUND_CLAIM_HOME at a directory you can write to.',
    );
  }
}

/** What refund-claim itself keeps in a data directory; anything else means it is someone else's. */
const OWN_ENTRIES = /^(claims\.db(-wal|-shm|\.v\d+(\.\d+)?\.bak)?|evidence|templates)$/;

/**
 * Makes the data directory ready for the claims database, or refuses it in one line. A directory
 * given by mistake (`--data-dir ~`, `/tmp`) is never changed: it is refused unless it is empty or
 * already refund-claim's. An existing one that is looser than 0700 is tightened, with a note.
 */
export function prepareDataDir(dir: string, notice: (text: string) => void): void {
  let info;
  try {
    info = statSync(dir, { throwIfNoEntry: false });
  } catch {
    info = undefined; // a file where a parent should be: makeDirectory names it
  }
  if (!info) {
    makeDirectory(dir, 'the data directory');
    return;
  }
  if (!info.isDirectory()) makeDirectory(dir, 'the data directory'); // names the file in the way
  const entries = readdirSync(dir);
  const foreign = entries.filter((name) => !OWN_ENTRIES.test(name));
  if (!entries.includes('claims.db') && foreign.length > 0) {
    throw new UserError(
      `Cannot use ${dir} as the data directory: it holds other files (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}) and no claims.db.`,
      'Point --data-dir or REFUND_CLAIM_HOME at an empty directory, or at one refund-claim made.',
    );
  }
  const database = join(dir, 'claims.db');
  if (entries.includes('claims.db') && statSync(database).size === 0 && hasFiles(join(dir, 'evidence'))) {
    throw new UserError(
      `${database} is empty (0 bytes) although ${join(dir, 'evidence')} holds evidence: the database was lost or cut short. Nothing was changed.`,
      'Restore claims.db from a backup (claims.db.v*.bak beside it, or `refund-claim import` of an export).',
    );
  }
  // An empty directory is about to become refund-claim's: it gets the same protection.
  const ours = entries.includes('claims.db') || entries.length === 0;
  if (ours && (info.mode & 0o077) !== 0 && info.uid === userInfo().uid) {
    chmodSync(dir, 0o700);
    notice(`Note: ${dir} was readable by others (mode ${(info.mode & 0o777).toString(8)}); it is now private (700).`);
  }
}

function hasFiles(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}
