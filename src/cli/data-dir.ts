import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
