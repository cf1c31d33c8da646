/** The bundle's progress on a terminal: one line on stderr, redrawn in place. */
import type { BundleProgress } from '../app/deps.js';
import { formatSize } from '../domain/sizes.js';
import type { OutputStream } from './context.js';

/** Redraws at most ten times a second: a terminal redrawn per megabyte slows the zip down. */
const PROGRESS_INTERVAL_MS = 100;

export interface ProgressLine {
  update: (progress: BundleProgress) => void;
  /** Blanks the line, leaving the cursor at its start for what is printed next. */
  clear: () => void;
}

/** Files and bytes done of the total. */
export function progressLine(stderr: OutputStream): ProgressLine {
  let last = -Infinity;
  // Spaces rather than an erase-line escape, which a TERM=dumb terminal would print literally.
  let width = 0;
  const draw = (text: string): void => {
    stderr.write(`\r${text.padEnd(width)}`);
    width = text.length;
  };
  return {
    update: (p) => {
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS && p.bytes < p.totalBytes) return;
      last = now;
      draw(`Bundling: ${p.files}/${p.totalFiles} files, ${formatSize(p.bytes)} of ${formatSize(p.totalBytes)}`);
    },
    clear: () => {
      if (width === 0) return;
      draw('');
      stderr.write('\r');
    },
  };
}
