/**
 * The evidence content contract, for the folder store and the team database's chunk rows alike:
 * put streams in and names by SHA-256, open streams out, size and verify answer without trust,
 * a damaged copy is replaced by the next put of the same content, a failed upload leaves nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { EvidenceContent } from '../../../src/app/deps.js';
import { FileEvidenceStore } from '../../../src/evidence/evidence-store.js';
import { CHUNK_BYTES } from '../../../src/store/postgres/evidence-content.js';
import { freshDatabaseUrl, postgresServer, withDatabase } from '../../helpers/postgres.js';
import { openPostgres } from '../../helpers/stores.js';
import { tempDir } from '../../helpers/temp.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Bytes in uneven pieces, as a file or a pipe hands them over. */
const streamOf = (bytes: Buffer, piece = 300_001) =>
  Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += piece) yield bytes.subarray(at, at + piece);
    })(),
  );

async function readAll(stream: Readable | null): Promise<Buffer> {
  if (!stream) throw new Error('no stream');
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

interface Kind {
  available: boolean;
  open(): Promise<{ content: EvidenceContent; damage(sha256: string): Promise<void>; close(): Promise<void> }>;
}

const KINDS: [string, Kind][] = [
  [
    'folder',
    {
      available: true,
      open() {
        const dir = tempDir();
        return Promise.resolve({
          content: new FileEvidenceStore(dir),
          damage: (sha256: string) => writeFile(join(dir, sha256), 'damaged'),
          close: () => Promise.resolve(),
        });
      },
    },
  ],
  [
    'PostgreSQL',
    {
      available: postgresServer() !== '',
      async open() {
        const url = await freshDatabaseUrl();
        const { claims, content } = await openPostgres(url);
        return {
          content,
          damage: (sha256) =>
            withDatabase(url, async (sql) => {
              await sql`UPDATE evidence_chunks SET data = '\\x00'::bytea WHERE n = 1 AND upload_id =
                (SELECT upload_id FROM evidence_contents WHERE sha256 = ${sha256})`;
            }),
          close: () => claims.close(),
        };
      },
    },
  ],
];

describe.each(KINDS)('evidence content in a %s', (_, kind) => {
  if (!kind.available) {
    it.skip('needs a PostgreSQL server', () => undefined);
    return;
  }

  it('stores a stream of several chunks under its SHA-256 and gives the same bytes back', async () => {
    const store = await kind.open();
    const bytes = randomBytes(CHUNK_BYTES * 2 + 12345);
    expect(await store.content.put(streamOf(bytes))).toEqual({ sha256: sha(bytes), bytes: bytes.length });
    expect(await store.content.size(sha(bytes))).toBe(bytes.length);
    expect((await readAll(await store.content.open(sha(bytes)))).equals(bytes)).toBe(true);
    expect(await store.content.verify(sha(bytes))).toBe('ok');
    expect(await store.content.open('0'.repeat(64))).toBeNull();
    expect(await store.content.size('0'.repeat(64))).toBeNull();
    expect(await store.content.verify('0'.repeat(64))).toBe('missing');
    expect(store.content.describe(sha(bytes))).toContain(sha(bytes));
    await store.close();
  });

  it('finds a damaged copy, and the next put of the same content repairs it', async () => {
    const store = await kind.open();
    const bytes = randomBytes(CHUNK_BYTES + 10);
    await store.content.put(streamOf(bytes));
    await store.damage(sha(bytes));
    expect(await store.content.verify(sha(bytes))).toBe('altered');
    await store.content.put(streamOf(bytes));
    expect(await store.content.verify(sha(bytes))).toBe('ok');
    expect((await readAll(await store.content.open(sha(bytes)))).equals(bytes)).toBe(true);
    await store.close();
  });

  it('stores nothing from a source that fails half-way, and says why', async () => {
    const store = await kind.open();
    const failing = Readable.from(
      (function* () {
        yield randomBytes(CHUNK_BYTES + 5);
        throw new Error('the disk went away');
      })(),
    );
    await expect(store.content.put(failing)).rejects.toThrow('the disk went away');
    await store.close();
  });

  it('refuses a name that is not a SHA-256', async () => {
    const store = await kind.open();
    await expect(store.content.open('../../etc/passwd')).rejects.toThrow('Not a SHA-256 checksum');
    await store.close();
  });
});

describe.runIf(postgresServer() !== '')('evidence content in PostgreSQL', () => {
  it('keeps one copy of a file two members put at the same moment', async () => {
    const url = await freshDatabaseUrl();
    const [ana, ben] = await Promise.all([openPostgres(url), openPostgres(url)]);
    const bytes = randomBytes(CHUNK_BYTES * 3);
    const stored = await Promise.all([ana.content.put(streamOf(bytes)), ben.content.put(streamOf(bytes))]);
    expect(stored[0]).toEqual(stored[1]);
    const counts = await withDatabase(
      url,
      (sql) => sql`SELECT (SELECT count(*)::int FROM evidence_contents) AS contents,
        (SELECT count(*)::int FROM evidence_uploads) AS uploads, (SELECT count(*)::int FROM evidence_chunks) AS chunks`,
    );
    expect(counts[0]).toEqual({ contents: 1, uploads: 1, chunks: 3 });
    await ana.claims.close();
    await ben.claims.close();
  });

  it('leaves no chunk of a failed upload, and removes uploads abandoned by a killed process', async () => {
    const url = await freshDatabaseUrl();
    const { claims, content } = await openPostgres(url);
    const failing = Readable.from(
      (function* () {
        yield randomBytes(CHUNK_BYTES * 2);
        throw new Error('cut off');
      })(),
    );
    await expect(content.put(failing)).rejects.toThrow('cut off');
    expect(await withDatabase(url, (sql) => sql`SELECT count(*)::int AS n FROM evidence_chunks`)).toEqual([{ n: 0 }]);
    // What a process killed mid-upload leaves: an upload with chunks that nothing names.
    await withDatabase(url, async (sql) => {
      const [upload] =
        await sql`INSERT INTO evidence_uploads (touched_at) VALUES (now() - interval '2 hours') RETURNING id`;
      await sql`INSERT INTO evidence_chunks (upload_id, n, data) VALUES (${upload!.id as string}, 0, '\\x01'::bytea)`;
      const [recent] = await sql`INSERT INTO evidence_uploads DEFAULT VALUES RETURNING id`;
      await sql`INSERT INTO evidence_chunks (upload_id, n, data) VALUES (${recent!.id as string}, 0, '\\x02'::bytea)`;
    });
    await claims.close();
    const next = await openPostgres(url);
    await next.content.put(streamOf(randomBytes(100)));
    // The old one went; one still being written (touched recently) stays.
    expect(await withDatabase(url, (sql) => sql`SELECT count(*)::int AS n FROM evidence_uploads`)).toEqual([{ n: 2 }]);
    await next.claims.close();
  });
});
