import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A fresh directory, removed when the test that asked for it ends. (A hook registered when this
 * module loads would serve only the first file of a worker: the fast tier shares modules.)
 */
export function tempDir(prefix = 'refund-claim-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
