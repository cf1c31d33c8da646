import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Sql } from 'postgres';
import { transaction } from './transaction.js';
import type { EvidenceContent, IntegrityState, StoredContent } from '../../app/deps.js';
import { columnBytes, writeChunkRow } from './binary-copy.js';

/** Rows of 1 MiB: the size every evidence read and write uses (fs/chunks.ts), and far below bytea's limits. */
export const CHUNK_BYTES = 1024 * 1024;
/** An upload that nothing has named and that wrote nothing for this long was abandoned. */
const ABANDONED_AFTER = '1 hour';
/** A live upload says so every this many chunks, so a slow one is never taken for abandoned. */
const TOUCH_EVERY = 16;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Evidence content in the team database, named by its SHA-256, in chunk rows. An upload writes
 * its chunks under its own upload ID, each committed alone, so no transaction is held open for
 * the minutes a large video takes; one statement then names the content by its checksum. A member
 * who attaches the same file later finds it named already, and their upload is dropped: each file
 * is stored once. Reads fetch one chunk at a time, so memory stays flat whatever the size.
 */
export class PostgresEvidenceContent implements EvidenceContent {
  private cleaned = false;

  constructor(
    private readonly sql: Sql,
    /** How messages name the database (URL without the password). */
    private readonly where: string,
  ) {}

  async put(source: Readable): Promise<StoredContent> {
    // Errors from the source before or after the loop listens are not left unhandled.
    source.on('error', () => undefined);
    await this.removeAbandoned();
    const [upload] = await this.sql<{ id: string }[]>`INSERT INTO evidence_uploads DEFAULT VALUES RETURNING id`;
    const uploadId = upload!.id;
    try {
      const hash = createHash('sha256');
      let bytes = 0;
      let n = 0;
      const pending = Buffer.allocUnsafe(CHUNK_BYTES);
      let filled = 0;
      const flush = async (): Promise<void> => {
        if (filled === 0) return;
        // One COPY per chunk: each row commits on its own, and travels as bytes, not hex text.
        const copy = await this.sql
          .unsafe('COPY evidence_chunks (upload_id, n, data) FROM STDIN (FORMAT binary)')
          .writable();
        await writeChunkRow(copy, BigInt(uploadId), n, pending.subarray(0, filled));
        n += 1;
        if (n % TOUCH_EVERY === 0)
          await this.sql`UPDATE evidence_uploads SET touched_at = now() WHERE id = ${uploadId}`;
        // The COPY has completed, so the driver has sent its copy of the bytes: the buffer is free.
        filled = 0;
      };
      for await (const chunk of source) {
        if (!(chunk instanceof Uint8Array)) throw new TypeError('put() takes a stream of bytes, not of text');
        hash.update(chunk);
        bytes += chunk.length;
        let offset = 0;
        while (offset < chunk.length) {
          const taken = Math.min(CHUNK_BYTES - filled, chunk.length - offset);
          pending.set(chunk.subarray(offset, offset + taken), filled);
          filled += taken;
          offset += taken;
          if (filled === CHUNK_BYTES) await flush();
        }
      }
      await flush();
      const sha256 = hash.digest('hex');
      const linked = await this.sql`INSERT INTO evidence_contents (sha256, bytes, upload_id)
        VALUES (${sha256}, ${bytes}, ${uploadId}) ON CONFLICT (sha256) DO NOTHING RETURNING sha256`;
      if (linked.length === 0) await this.keepOne(sha256, bytes, uploadId);
      return { sha256, bytes };
    } catch (error) {
      source.destroy();
      await this.dropUpload(uploadId).catch(() => undefined);
      throw error;
    }
  }

  async open(sha256: string): Promise<Readable | null> {
    const content = await this.content(sha256);
    if (!content) return null;
    // One statement streams every chunk in order, paced by the reader (the driver pauses the
    // socket). A missing chunk makes the stream short: the re-hash of whoever reads it then fails.
    // COPY takes no parameters; the upload ID is the database's own integer.
    const copy = await this.sql
      .unsafe(
        `COPY (SELECT data FROM evidence_chunks WHERE upload_id = ${BigInt(content.uploadId)} ORDER BY n)
         TO STDOUT (FORMAT binary)`,
      )
      .readable();
    return Readable.from(columnBytes(copy), { objectMode: false, highWaterMark: CHUNK_BYTES });
  }

  async size(sha256: string): Promise<number | null> {
    return (await this.content(sha256))?.bytes ?? null;
  }

  async verify(sha256: string): Promise<IntegrityState> {
    const content = await this.content(sha256);
    if (!content) return 'missing';
    const stream = await this.open(sha256);
    if (!stream) return 'missing';
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    return bytes === content.bytes && hash.digest('hex') === sha256 ? 'ok' : 'altered';
  }

  describe(sha256: string): string {
    return `evidence ${sha256} in the team database ${this.where}`;
  }

  private async content(sha256: string): Promise<{ uploadId: string; bytes: number } | null> {
    // A name from anywhere else (an export file) is checked as the folder store checks it.
    if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256 checksum: ${JSON.stringify(sha256)}`);
    const [row] = await this.sql<{ upload_id: string; bytes: string }[]>`
      SELECT upload_id, bytes FROM evidence_contents WHERE sha256 = ${sha256}`;
    return row ? { uploadId: row.upload_id, bytes: Number(row.bytes) } : null;
  }

  /**
   * The content was named already (by another member, or earlier): keep the stored copy when it
   * is intact, else let this upload take its place in one statement; either way one copy stays.
   */
  private async keepOne(sha256: string, bytes: number, uploadId: string): Promise<void> {
    const existing = await this.content(sha256);
    if (existing && (await this.verify(sha256)) === 'ok') {
      await this.dropUpload(uploadId);
      return;
    }
    await transaction(this.sql, async (tx) => {
      const [old] = await tx<{ upload_id: string }[]>`
        SELECT upload_id FROM evidence_contents WHERE sha256 = ${sha256} FOR UPDATE`;
      if (old) {
        await tx`UPDATE evidence_contents SET upload_id = ${uploadId}, bytes = ${bytes}, stored_at = now()
          WHERE sha256 = ${sha256}`;
        await tx`DELETE FROM evidence_uploads WHERE id = ${old.upload_id}`;
      } else {
        await tx`INSERT INTO evidence_contents (sha256, bytes, upload_id) VALUES (${sha256}, ${bytes}, ${uploadId})`;
      }
    });
  }

  private async dropUpload(uploadId: string): Promise<void> {
    await this.sql`DELETE FROM evidence_uploads WHERE id = ${uploadId}`;
  }

  /** Uploads of members whose command died mid-way: once per process, before its first upload. */
  private async removeAbandoned(): Promise<void> {
    if (this.cleaned) return;
    this.cleaned = true;
    await this.sql.unsafe(
      `DELETE FROM evidence_uploads u WHERE touched_at < now() - interval '${ABANDONED_AFTER}'
       AND NOT EXISTS (SELECT 1 FROM evidence_contents c WHERE c.upload_id = u.id)`,
    );
  }
}
