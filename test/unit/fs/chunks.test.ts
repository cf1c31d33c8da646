import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { ChunkPool, FileChunkWriter } from '../../../src/fs/chunks.js';
import { IncompleteWriteError } from '../../../src/fs/errno.js';

describe('ChunkPool', () => {
  it('reuses a buffer once all the bytes lent from it are written', () => {
    const pool = new ChunkPool(16, 4);
    const first = pool.take();
    pool.lend(first, 10);
    const chunk = first.subarray(0, 10);
    // Split on the way: the first half is on disk, the second still waits.
    pool.written(chunk.subarray(0, 4));
    expect(pool.take().buffer).not.toBe(first.buffer);
    pool.written(chunk.subarray(4));
    expect(pool.take().buffer).toBe(first.buffer);
  });

  it('ignores chunks it did not lend, and buffers not lent yet', () => {
    const pool = new ChunkPool(16, 4);
    const taken = pool.take();
    pool.written(Buffer.alloc(16));
    pool.written(taken);
    expect(pool.take().buffer).not.toBe(taken.buffer);
  });

  it('takes a buffer back once, however often its bytes are reported', () => {
    const pool = new ChunkPool(16, 4);
    const taken = pool.take();
    pool.lend(taken, 16);
    pool.written(taken);
    pool.written(taken);
    const again = pool.take();
    expect(again.buffer).toBe(taken.buffer);
    expect(pool.take().buffer).not.toBe(taken.buffer);
  });

  it('keeps at most `keep` buffers for reuse', () => {
    const pool = new ChunkPool(8, 1);
    const [a, b] = [pool.take(), pool.take()];
    for (const buffer of [a, b]) {
      pool.lend(buffer, 8);
      pool.written(buffer);
    }
    expect(pool.take().buffer).toBe(a.buffer);
    expect(pool.take().buffer).not.toBe(b.buffer);
  });
});

describe('FileChunkWriter', () => {
  /** A file that takes `takes[i]` bytes at the i-th write, recording what it got. */
  function fakeFile(takes: number[]) {
    const got: Buffer[] = [];
    const handle = {
      writev(buffers: Buffer[]) {
        const all = Buffer.concat(buffers);
        const n = Math.min(takes.shift() ?? all.length, all.length);
        got.push(all.subarray(0, n));
        return Promise.resolve({ bytesWritten: n, buffers });
      },
    };
    return { handle: handle as unknown as FileHandle, got };
  }

  it('writes the rest after a short write', async () => {
    const { handle, got } = fakeFile([3]);
    const writer = new FileChunkWriter(handle, new ChunkPool(16, 1));
    await pipeline(Readable.from([Buffer.from('0123456789')]), writer);
    expect(Buffer.concat(got).toString()).toBe('0123456789');
  });

  it('fails on a write that takes nothing instead of spinning', async () => {
    const { handle } = fakeFile([3, 0]);
    const writer = new FileChunkWriter(handle, new ChunkPool(16, 1));
    const failed = pipeline(Readable.from([Buffer.from('0123456789')]), writer);
    await expect(failed).rejects.toBeInstanceOf(IncompleteWriteError);
    await expect(failed).rejects.toMatchObject({ code: 'EIO' });
  });
});
