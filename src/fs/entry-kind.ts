import { lstat } from 'node:fs/promises';
import { errnoCode } from './errno.js';

/** What a directory entry is, told apart where writing over it would differ. */
export type EntryKind = 'file' | 'directory' | 'symbolic link' | 'FIFO' | 'device' | 'socket';

/**
 * What lies at `path` itself, a final symbolic link not followed; null when nothing does. A rename
 * replaces whatever the name holds, a device or a link too, so writers ask this before one.
 */
export async function entryKind(path: string): Promise<EntryKind | null> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    // ENOTDIR: a file where a directory of the path should be; nothing can lie below it.
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
  if (info.isFile()) return 'file';
  if (info.isDirectory()) return 'directory';
  if (info.isSymbolicLink()) return 'symbolic link';
  if (info.isFIFO()) return 'FIFO';
  if (info.isSocket()) return 'socket';
  return 'device';
}
