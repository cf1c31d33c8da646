import { PerformanceObserver, constants, performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { COLLECT_EVERY, streamed } from '../../../src/fs/streamed-garbage.js';

/** Start times of the young-generation collections that ran while `work` ran. */
async function minorCollectionsDuring(work: () => void): Promise<number> {
  const starts: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        starts.push(entry.startTime);
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const from = performance.now();
  work();
  const to = performance.now();
  // GC entries are delivered after the fact.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return starts.filter((start) => start >= from && start <= to).length;
}

describe('streamed', () => {
  it('collects the young generation once every COLLECT_EVERY bytes, synchronously', async () => {
    // The first one also makes the context that exposes gc, whose allocations may bring a second.
    expect(await minorCollectionsDuring(() => streamed(COLLECT_EVERY))).toBeGreaterThanOrEqual(1);
    expect(await minorCollectionsDuring(() => streamed(COLLECT_EVERY - 1))).toBe(0);
    expect(await minorCollectionsDuring(() => streamed(1))).toBe(1);
    expect(await minorCollectionsDuring(() => streamed(3 * COLLECT_EVERY))).toBe(1);
  });
});
