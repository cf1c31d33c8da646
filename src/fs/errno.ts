/**
 * The `code` of a failed system call (`ENOENT`, `EACCES`, …), or undefined for any other error.
 * Node.js sets it on its errors; nothing else in a `catch` is known to have it.
 */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
