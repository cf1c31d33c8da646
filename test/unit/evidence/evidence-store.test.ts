import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { FileEvidenceStore } from '../../../src/evidence/evidence-store.js';
import { AtomicFile } from '../../../src/fs/atomic-file.js';
import { importUserFile } from '../../../src/evidence/user-file.js';
import { FileChunkReader } from '../../../src/fs/chunks.js';
import { pngBytes } from '../../helpers/files.js';
import { tempDir } from '../../helpers/temp.js';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

async function readAll(source: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A fresh store in a directory of its own, and that directory. */
function store(): { evidence: FileEvidenceStore; dir: string } {
  const dir = join(tempDir(), 'evidence');
  return { evidence: new FileEvidenceStore(dir), dir };
}

describe('FileEvidenceStore', () => {
  it('puts a stream and opens it again: same bytes, named by their SHA-256', async () => {
    const { evidence, dir } = store();
    // Over two chunks, and not a whole number of them.
    const data = randomBytes(2 * 1024 * 1024 + 123);
    const stored = await evidence.put(Readable.from([data.subarray(0, 5000), data.subarray(5000)]));
    expect(stored).toEqual({ sha256: sha256(data), bytes: data.length });
    expect(readdirSync(dir)).toEqual([stored.sha256]);
    expect(statSync(join(dir, stored.sha256)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);

    const source = await evidence.open(stored.sha256);
    if (!source) throw new Error('not stored');
    // The file store's reader, which the bundle writer can read into its pooled buffers.
    expect(source).toBeInstanceOf(FileChunkReader);
    expect((await readAll(source)).equals(data)).toBe(true);
    expect(await evidence.size(stored.sha256)).toBe(data.length);
    expect(await evidence.verify(stored.sha256)).toBe('ok');
    expect(evidence.describe(stored.sha256)).toBe(join(dir, stored.sha256));
  });

  it('keeps an intact copy as it is when the same content comes again', async () => {
    const { evidence, dir } = store();
    const data = pngBytes(32, 32, 7);
    const { sha256: sum } = await evidence.put(Readable.from([data]));
    const before = statSync(join(dir, sum));
    const again = await evidence.put(Readable.from([data]));
    expect(again).toEqual({ sha256: sum, bytes: data.length });
    const after = statSync(join(dir, sum));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(readdirSync(dir)).toEqual([sum]);
  });

  it('replaces a damaged copy of the same content', async () => {
    const { evidence, dir } = store();
    const data = pngBytes(32, 32, 8);
    const { sha256: sum } = await evidence.put(Readable.from([data]));
    writeFileSync(join(dir, sum), 'damaged');
    expect(await evidence.verify(sum)).toBe('altered');
    await evidence.put(Readable.from([data]));
    expect(readFileSync(join(dir, sum)).equals(data)).toBe(true);
    expect(await evidence.verify(sum)).toBe('ok');
  });

  it('says null and missing for content it does not hold', async () => {
    const { evidence } = store();
    const sum = sha256(Buffer.from('never stored'));
    expect(await evidence.open(sum)).toBeNull();
    expect(await evidence.size(sum)).toBeNull();
    expect(await evidence.verify(sum)).toBe('missing');
  });

  it('stores nothing when the source fails on the way, and leaves no temporary file', async () => {
    const { evidence, dir } = store();
    async function* failing(): AsyncGenerator<Buffer> {
      yield randomBytes(1000);
      await Promise.resolve();
      throw new Error('disconnected');
    }
    await expect(evidence.put(Readable.from(failing()))).rejects.toThrow('disconnected');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails cleanly when the store cannot be written, whatever the source does meanwhile', async () => {
    const blocked = join(tempDir(), 'evidence');
    writeFileSync(blocked, 'a file where the directory should be');
    const evidence = new FileEvidenceStore(blocked);
    // This source fails too, while put is still making the directory: no unhandled error.
    const source = createReadStream(join(blocked, 'nothing-here'));
    await expect(evidence.put(source)).rejects.toMatchObject({ code: 'EEXIST' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(source.destroyed).toBe(true);
  });

  it('refuses text streams: only bytes are evidence', async () => {
    const { evidence, dir } = store();
    await expect(evidence.put(Readable.from(['text']))).rejects.toThrow(/stream of bytes/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('opens only a regular file: not a directory, a link or a FIFO in its place', async () => {
    const { evidence, dir } = store();
    const data = Buffer.from('the real content');
    const { sha256: real } = await evidence.put(Readable.from([data]));

    const planted = {
      directory: sha256(Buffer.from('a')),
      link: sha256(data.subarray(1)),
      fifo: sha256(Buffer.from('c')),
    };
    mkdirSync(join(dir, planted.directory));
    symlinkSync(join(dir, real), join(dir, planted.link));
    execFileSync('mkfifo', [join(dir, planted.fifo)]);

    const kinds = { directory: 'a directory', link: 'a symbolic link', fifo: 'a FIFO' };
    for (const [name, sum] of Object.entries(planted)) {
      // A FIFO must be refused at once, not wait for a writer.
      await expect(evidence.open(sum)).rejects.toThrow(
        `${join(dir, sum)} is ${kinds[name as keyof typeof kinds]}, not a regular file`,
      );
      await expect(evidence.size(sum)).rejects.toThrow(/not a regular file/);
      expect(await evidence.verify(sum)).toBe('altered');
    }
    // A link is refused even when it points at a good copy.
    expect(await evidence.verify(real)).toBe('ok');
  });

  it('never builds a path from anything but a SHA-256', async () => {
    const { evidence } = store();
    await expect(evidence.open('../../etc/passwd')).rejects.toThrow(/Not a SHA-256 checksum/);
    await expect(evidence.verify('A'.repeat(64))).rejects.toThrow(/Not a SHA-256 checksum/);
    expect(() => evidence.describe('')).toThrow(/Not a SHA-256 checksum/);
  });

  it("imports a user's file through put, and names that file when it cannot be read", async () => {
    const { evidence } = store();
    const dir = tempDir();
    const path = join(dir, 'shot.png');
    const data = pngBytes(16, 16, 1);
    writeFileSync(path, data);
    const file = await evidence.inspect(path);
    expect(await evidence.importFile(file)).toEqual({
      path,
      name: 'shot.png',
      mime: 'image/png',
      bytes: data.length,
      sha256: sha256(data),
    });
    const source = await evidence.open(sha256(data));
    expect(source && (await readAll(source)).equals(data)).toBe(true);

    await expect(evidence.importFile({ ...file, path: join(dir, 'gone.png') })).rejects.toThrow(
      `Evidence file not found: ${join(dir, 'gone.png')}.`,
    );
  });

  it("does not blame the user's file for a store it cannot write", async () => {
    const dir = tempDir();
    const path = join(dir, 'shot.png');
    writeFileSync(path, pngBytes(16, 16, 2));
    writeFileSync(join(dir, 'evidence'), 'a file where the directory should be');
    const evidence = new FileEvidenceStore(join(dir, 'evidence'));
    const failed = await evidence.importFile(await evidence.inspect(path)).catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: 'EEXIST' });
    expect(String(failed)).not.toContain('Cannot read evidence file');
  });

  it.runIf(process.platform === 'linux')("closes the user's file when the store fails before reading it", async () => {
    const path = join(tempDir(), 'shot.png');
    writeFileSync(path, pngBytes(16, 16, 3));
    const file = await new FileEvidenceStore(join(tempDir(), 'evidence')).inspect(path);
    const openFiles = (): number => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    // A team database that is down fails before it reads a byte.
    const unreachable = { put: () => Promise.reject(new Error('connection refused')) };
    for (let i = 0; i < 5; i++) await expect(importUserFile(unreachable, file)).rejects.toThrow('connection refused');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openFiles()).toBe(before);
  });

  it('stores nothing when a write fails half-way, and names the store, not the source, as the cause', async () => {
    const { evidence, dir } = store();
    // What the file-size limit does: the first chunk is written, the second's write fails.
    let writes = 0;
    vi.spyOn(AtomicFile.prototype, 'write').mockImplementation(async function (this: AtomicFile, data: Uint8Array) {
      if (writes++ > 0) throw Object.assign(new Error('EFBIG: file too large, write'), { code: 'EFBIG' });
      await this.handle.write(data);
    });
    const source = Readable.from([randomBytes(1000), randomBytes(1000)]);
    const failed = await evidence.put(source).catch((error: unknown) => error);
    vi.restoreAllMocks();
    expect(failed).toMatchObject({ code: 'EFBIG', path: dir });
    expect(readdirSync(dir)).toEqual([]);
    expect(source.destroyed).toBe(true);
  });

  it('renames nothing into the store that holds fewer bytes than were hashed', async () => {
    const { evidence, dir } = store();
    // A disk that says it took every byte but kept one fewer of each chunk.
    vi.spyOn(AtomicFile.prototype, 'write').mockImplementation(async function (this: AtomicFile, data: Uint8Array) {
      await this.handle.write(data.subarray(1));
    });
    const failed = await evidence.put(Readable.from([randomBytes(1000)])).catch((error: unknown) => error);
    vi.restoreAllMocks();
    expect(failed).toMatchObject({ code: 'EIO', path: dir });
    expect((failed as Error).message).toMatch(/holds 999 of the 1000 bytes written/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("does not blame the user's file when the store's disk is full", async () => {
    const { evidence, dir } = store();
    const home = tempDir();
    const path = join(home, 'shot.png');
    writeFileSync(path, Buffer.concat([pngBytes(16, 16, 3), randomBytes(3 * 1024 * 1024)]));
    vi.spyOn(AtomicFile.prototype, 'write').mockRejectedValue(
      Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
    );
    const failed = await evidence.importFile(await evidence.inspect(path)).catch((error: unknown) => error);
    vi.restoreAllMocks();
    // Stopping to read the file ends its stream with an AbortError: that is not the file's fault.
    expect(failed).toMatchObject({ code: 'ENOSPC', path: dir });
    expect(String(failed)).not.toContain('Cannot read evidence file');
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removes the copy a killed run left at the next put, and keeps a running one's", async () => {
    const dir = join(tempDir(), 'evidence');
    mkdirSync(dir);
    const processes = { pid: 10, isRunning: (pid: number) => pid === 20 };
    const host = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
    const [killed, running] = [`.incoming-30-${host}-0123456789ab`, `.incoming-20-${host}-0123456789ab`];
    for (const name of [killed, running]) writeFileSync(join(dir, name), randomBytes(100));
    const { sha256: sum } = await new FileEvidenceStore(dir, processes).put(Readable.from([Buffer.from('new')]));
    expect(readdirSync(dir).sort()).toEqual([running, sum].sort());
  });
});
