/**
 * Evidence bytes to and from PostgreSQL in COPY's binary format: the bytes as they are, where a
 * bytea parameter or column travels as hex text, twice the size, and is decoded again in memory.
 * Reading 500 MB that way left ~70 MB of garbage strings and buffers between collections.
 */
import { Buffer } from 'node:buffer';
import type { Readable, Writable } from 'node:stream';
import { streamed } from '../../fs/streamed-garbage.js';

/** PGCOPY\n\377\r\n\0, then flags and header-extension length (both 0). */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER = Buffer.concat([SIGNATURE, Buffer.alloc(8)]);
const TRAILER = Buffer.from([0xff, 0xff]);

/** Writes one row (upload_id bigint, n integer, data bytea) as a whole binary COPY input. */
export async function writeChunkRow(target: Writable, uploadId: bigint, n: number, data: Buffer): Promise<void> {
  const prefix = Buffer.alloc(HEADER.length + 2 + 4 + 8 + 4 + 4 + 4);
  let at = HEADER.copy(prefix, 0);
  at = prefix.writeInt16BE(3, at);
  at = prefix.writeInt32BE(8, at);
  at = prefix.writeBigInt64BE(uploadId, at);
  at = prefix.writeInt32BE(4, at);
  at = prefix.writeInt32BE(n, at);
  prefix.writeInt32BE(data.length, at);
  await new Promise<void>((resolve, reject) => {
    target.once('error', reject);
    target.write(prefix);
    target.write(data);
    target.end(TRAILER, () => resolve());
  });
}

/**
 * The bytes of the single column of every row a binary COPY … TO STDOUT sends, in order, as they
 * arrive: each piece is a slice of what the socket delivered, never a copy of a whole row.
 */
export async function* columnBytes(source: Readable): AsyncGenerator<Buffer> {
  let pending = Buffer.alloc(0);
  let headerLeft = HEADER.length;
  /** Bytes of the current field still to pass on; -1 while reading a tuple's or field's header. */
  let fieldLeft = -1;
  let expectLength = false;
  let ended = false;
  try {
    yield* rows();
  } finally {
    // postgres.js pauses the connection's socket whenever its COPY stream's buffer is full, and
    // resumes it only from the stream's _read(); once the stream has ended (or was dropped), that
    // is never called again and the next query on the connection waits forever
    // (porsager/postgres issues 499 and 917). Resuming it here gives the connection back.
    (source as { _read?: (size: number) => void })._read?.(0);
  }
  if (!ended) throw new Error('binary COPY: the data ended early');

  async function* rows(): AsyncGenerator<Buffer> {
    for await (const piece of source as AsyncIterable<Buffer>) {
      streamed(piece.length);
      if (ended) continue;
      let data = pending.length > 0 ? Buffer.concat([pending, piece]) : piece;
      pending = Buffer.alloc(0);
      while (data.length > 0) {
        if (headerLeft > 0) {
          const skipped = Math.min(headerLeft, data.length);
          headerLeft -= skipped;
          data = data.subarray(skipped);
          continue;
        }
        if (fieldLeft > 0) {
          const taken = Math.min(fieldLeft, data.length);
          yield data.subarray(0, taken);
          fieldLeft -= taken;
          data = data.subarray(taken);
          continue;
        }
        if (!expectLength) {
          // A tuple's field count: 1 (the one column), or -1 at the end.
          if (data.length < 2) break;
          const fields = data.readInt16BE(0);
          data = data.subarray(2);
          if (fields === -1) {
            ended = true;
            break;
          }
          if (fields !== 1) throw new Error(`binary COPY: expected one column, got ${fields}`);
          expectLength = true;
          continue;
        }
        if (data.length < 4) break;
        const length = data.readInt32BE(0);
        data = data.subarray(4);
        expectLength = false;
        if (length < 0) throw new Error('binary COPY: a NULL chunk');
        fieldLeft = length;
      }
      if (!ended && data.length > 0) pending = Buffer.from(data);
    }
  }
}
