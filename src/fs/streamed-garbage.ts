/**
 * Evidence streams through in buffers that die as soon as their bytes are hashed or written: the
 * 1 MiB chunks read from files and zips, and the PostgreSQL driver's socket reads and row copies.
 * V8 frees such a buffer only when it collects garbage, and Node.js 24's V8 lets them pile up to
 * ~64 MB of external memory before it does: attaching, bundling or verifying a 500 MB video
 * peaked at 130–170 MB RSS there, against 60–120 MB on Node.js 20 and 22. A young-generation
 * collection every 8 MiB streamed frees them while they are still young, in well under a
 * millisecond each. Measured on Node.js 24 with the team database: `verify` of a 500 MB video
 * peaked at 118 MB with one every 16 MiB and 95 MB with one every 8 MiB; `verify bundle.zip`
 * went from 133 MB to 70 MB, in the same time. (Every 4 MiB was no better for `bundle`: buffers
 * still in flight then live through two collections and move to where only a full one frees them.)
 *
 * V8 gives scripts a way to collect only behind its --expose-gc flag. Set at run time, the flag
 * puts `gc` into contexts made afterwards, so one empty context is made for it, once, when the
 * first 8 MiB have gone through: commands that stream nothing never pay for it. Where that
 * fails, nothing is collected early and memory behaves as it did.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Bytes streamed between two collections. */
export const COLLECT_EVERY = 8 * 1024 * 1024;

type Collect = (options: { type: 'minor' }) => void;

let collect: Collect | null | undefined;
let sinceLast = 0;

/** Counts bytes that went through a stream; every COLLECT_EVERY bytes, frees the dead buffers. */
export function streamed(bytes: number): void {
  sinceLast += bytes;
  if (sinceLast < COLLECT_EVERY) return;
  sinceLast = 0;
  // Tried once: null means it could not be had, and is not tried again.
  if (collect === undefined) collect = exposedCollector();
  collect?.({ type: 'minor' });
}

function exposedCollector(): Collect | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    return typeof gc === 'function' ? (gc as Collect) : null;
  } catch {
    return null;
  }
}
