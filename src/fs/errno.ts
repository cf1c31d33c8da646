/**
 * The `code` of a failed system call (`ENOENT`, `EACCES`, …), or undefined for any other error.
 * Node.js sets it on its errors; nothing else in a `catch` is known to have it.
 */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * A file holds fewer bytes than were written to it, or a write made no progress: the disk lost
 * or refused them without saying why. EIO, so that it reads as the disk's fault, which it is.
 */
export class IncompleteWriteError extends Error {
  readonly code = 'EIO';

  constructor(
    detail: string,
    readonly path?: string,
  ) {
    super(path === undefined ? detail : `${path}: ${detail}`);
    this.name = 'IncompleteWriteError';
  }
}

/**
 * `error`, a failed system call, as a failure at `path`: a write's error names no file
 * (`EFBIG: file too large, write`), and a temporary file's name means nothing to a user, who
 * knows the folder. Anything without an errno code is returned as it is.
 */
export function failureAt(error: unknown, path: string): unknown {
  const code = errnoCode(error);
  if (code === undefined) return error;
  return Object.assign(new Error(`${path}: ${(error as Error).message}`, { cause: error }), { code, path });
}
