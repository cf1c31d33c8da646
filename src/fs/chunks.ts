/**
 * Files read and written in chunks of one size, with reused buffers where it pays. Node's file
 * streams allocate a new buffer per read; at ~500 MB/s that churn made V8 run a full GC every
 * 25 ms and held ~40 MB of dead buffers at any time. With a pool, a stored bundle entry's chunk
 * goes from the evidence file through archiver to the zip untouched, and its buffer is taken back
 * once those bytes are on disk.
 */
import type { FileHandle } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { IncompleteWriteError } from './errno.js';
import { streamed } from './streamed-garbage.js';

/**
 * The size of every read and write of evidence, bundles and hashes: 1 MiB hashes twice as fast
 * as Node's default 64 KiB here (~550 vs ~275 MiB/s).
 */
export const CHUNK_SIZE = 1024 * 1024;

interface Loan {
  /** Bytes of the buffer that were handed out; the buffer is free again once as many are written. */
  lent: number;
  written: number;
}

export class ChunkPool {
  private readonly free: Buffer[] = [];
  private readonly loans = new WeakMap<ArrayBufferLike, Loan>();

  constructor(
    readonly chunkSize: number,
    /** Buffers kept for reuse; more may be lent at once, the extra ones are left to the GC. */
    private readonly keep: number,
  ) {}

  take(): Buffer {
    // allocUnsafeSlow: a buffer with an ArrayBuffer of its own, never a slice of Node's shared pool.
    const buffer = this.free.pop() ?? Buffer.allocUnsafeSlow(this.chunkSize);
    this.loans.set(buffer.buffer, { lent: 0, written: 0 });
    return buffer;
  }

  /** `buffer` now holds `bytes` bytes that are on their way to the output. */
  lend(buffer: Buffer, bytes: number): void {
    const loan = this.loans.get(buffer.buffer);
    if (loan) loan.lent = bytes;
  }

  /** Takes back a buffer that was never lent (a read that found the end of the file). */
  giveBack(buffer: Buffer): void {
    this.loans.delete(buffer.buffer);
    if (this.free.length < this.keep) this.free.push(buffer);
  }

  /**
   * Called with every chunk written to the output. Chunks this pool did not lend (headers,
   * deflated data) are ignored; a lent buffer is reused only when all its bytes are written, so a
   * chunk split or copied on the way is never overwritten while part of it still waits.
   */
  written(chunk: Uint8Array): void {
    const loan = this.loans.get(chunk.buffer);
    if (!loan || loan.lent === 0) return;
    loan.written += chunk.byteLength;
    if (loan.written < loan.lent) return;
    this.loans.delete(chunk.buffer);
    if (this.free.length < this.keep) this.free.push(Buffer.from(chunk.buffer, 0, this.chunkSize));
  }
}

/**
 * An open file as a stream of chunks, from its start; it closes the file when it ends or is
 * destroyed. With a pool, the chunks' buffers come from it.
 */
export class FileChunkReader extends Readable {
  private handle: FileHandle | undefined;
  private position = 0;
  private pool: ChunkPool | null = null;

  constructor(
    handle: FileHandle,
    private chunkSize = CHUNK_SIZE,
  ) {
    super({ highWaterMark: chunkSize });
    this.handle = handle;
  }

  /**
   * Reads into `pool`'s buffers from the next read on. Only for a consumer that reports every
   * chunk it has finished with to `pool.written`, or the buffers are never reused.
   */
  usePool(pool: ChunkPool): void {
    this.pool = pool;
    this.chunkSize = pool.chunkSize;
  }

  override _read(): void {
    const { handle, pool } = this;
    if (!handle) return;
    const buffer = pool ? pool.take() : Buffer.allocUnsafe(this.chunkSize);
    handle.read(buffer, 0, this.chunkSize, this.position).then(
      ({ bytesRead }) => {
        if (bytesRead === 0) {
          pool?.giveBack(buffer);
          this.push(null);
          return;
        }
        this.position += bytesRead;
        streamed(bytesRead);
        pool?.lend(buffer, bytesRead);
        this.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
      },
      (error: Error) => this.destroy(error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const closing = this.handle?.close() ?? Promise.resolve();
    this.handle = undefined;
    closing.then(
      () => callback(error),
      () => callback(error),
    );
  }
}

/** Writes to an open file and tells the pool which chunks are on disk. Closing is the caller's. */
export class FileChunkWriter extends Writable {
  constructor(
    private readonly handle: FileHandle,
    private readonly pool: ChunkPool,
  ) {
    super({ highWaterMark: pool.chunkSize });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.writeAll([chunk]).then(() => callback(), callback);
  }

  override _writev(
    chunks: { chunk: Buffer; encoding: BufferEncoding }[],
    callback: (error?: Error | null) => void,
  ): void {
    this.writeAll(chunks.map((item) => item.chunk)).then(() => callback(), callback);
  }

  private async writeAll(chunks: Buffer[]): Promise<void> {
    let pending = chunks.filter((chunk) => chunk.length > 0);
    while (pending.length > 0) {
      let { bytesWritten } = await this.handle.writev(pending);
      // Retrying a write that took nothing would spin for ever.
      if (bytesWritten <= 0) throw new IncompleteWriteError('a write took none of its bytes');
      // A short write (rare on files) leaves the rest of a chunk, and the chunks after it, to go.
      const rest: Buffer[] = [];
      for (const chunk of pending) {
        if (bytesWritten >= chunk.length) bytesWritten -= chunk.length;
        else {
          rest.push(chunk.subarray(bytesWritten));
          bytesWritten = 0;
        }
      }
      pending = rest;
    }
    for (const chunk of chunks) this.pool.written(chunk);
  }
}
