import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { claimSummary } from '../../../src/app/formats/claim-json.js';
import type { BundleContent, BundleProgress } from '../../../src/app/deps.js';
import { verifyBundle } from '../../../src/bundle/verify-bundle.js';
import { writeBundle } from '../../../src/bundle/write-bundle.js';
import { ZipReader } from '../../../src/bundle/read-zip.js';
import { FileEvidenceStore } from '../../../src/evidence/evidence-store.js';
import type { Claim, Evidence } from '../../../src/domain/claim.js';
import { CancelledError, UserError } from '../../../src/domain/errors.js';
import { claim as baseClaim } from '../../helpers/claims.js';
import { pngBytes } from '../../helpers/files.js';
import { tempDir } from '../../helpers/temp.js';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

function claim(evidence: Evidence[]): Claim {
  return baseClaim({ promotionName: null, description: 'Billed twice.', evidence, events: [] });
}

/** Stored copies in `dir`, named by checksum, read through the evidence store. */
function content(dir: string, files: { name: string; data: Buffer; mime: string }[]): BundleContent {
  const store = new FileEvidenceStore(dir);
  const evidence = files.map((file, index): Evidence => {
    const sum = sha256(file.data);
    writeFileSync(join(dir, sum), file.data);
    return {
      number: index + 1,
      kind: 'screenshot',
      name: file.name,
      caption: null,
      bytes: file.data.length,
      sha256: sum,
      mime: file.mime,
      addedAt: '2026-11-20T12:00:00.000Z',
    };
  });
  const whole = claim(evidence);
  return {
    claim: whole,
    summary: claimSummary(whole),
    createdAt: new Date('2026-11-20T12:00:00.000Z'),
    ticket: 'The ticket.\n',
    timeline: '2026-11-20  Claim drafted\n',
    files: evidence.map((item) => ({
      entryName: `evidence/0${item.number}-screenshot-${item.name}`,
      open: () => store.open(item.sha256),
      size: () => store.size(item.sha256),
      evidence: item,
    })),
  };
}

function sample(dir: string): BundleContent {
  return content(dir, [
    { name: 'shot.png', data: pngBytes(64, 64, 3), mime: 'image/png' },
    { name: 'big.mp4', data: randomBytes(5 * 1024 * 1024 + 17), mime: 'video/mp4' },
    { name: 'notes.txt', data: Buffer.from('words '.repeat(5000)), mime: 'text/plain' },
  ]);
}

/** Everything in the directory but the stored copies (64-hex names). */
function outputs(dir: string): string[] {
  return readdirSync(dir).filter((name) => !/^[0-9a-f]{64}$/.test(name));
}

describe('writeBundle', () => {
  it('writes the entries in order, stores media, deflates text, and verifies clean', async () => {
    const dir = tempDir();
    const target = join(dir, 'b.zip');
    const progress: BundleProgress[] = [];
    const written = await writeBundle(target, sample(dir), { overwrite: false, onProgress: (p) => progress.push(p) });
    expect(written).toMatchObject({ path: target, entries: 7, bytes: readFileSync(target).length });
    expect(outputs(dir)).toEqual(['b.zip']);

    const reader = await ZipReader.open(target);
    const entries = reader.entries.map((entry) => [entry.name, entry.method]);
    await reader.close();
    expect(entries).toEqual([
      ['ticket.txt', 8],
      ['timeline.txt', 8],
      ['evidence/01-screenshot-shot.png', 0],
      ['evidence/02-screenshot-big.mp4', 0],
      ['evidence/03-screenshot-notes.txt', 8],
      ['manifest.json', 8],
      ['SHA256SUMS', 8],
    ]);
    expect(await verifyBundle(target)).toEqual({ claimId: 'RC-0001', entries: 7, problems: [] });
    expect(progress.at(-1)).toMatchObject({ files: 3, totalFiles: 3 });
    expect(progress.at(-1)?.bytes).toBe(progress.at(-1)?.totalBytes);
  });

  it('reuses read buffers without corrupting large stored entries (checked by Python)', async () => {
    const dir = tempDir();
    // Larger than the pool's 16 MiB, so buffers are taken back and filled again.
    const video = randomBytes(40 * 1024 * 1024 + 3);
    const image = randomBytes(20 * 1024 * 1024);
    const target = join(dir, 'big.zip');
    const bundle = content(dir, [
      { name: 'a.mp4', data: video, mime: 'video/mp4' },
      { name: 'b.png', data: image, mime: 'image/png' },
    ]);
    await writeBundle(target, bundle, { overwrite: false });
    const script = `
import hashlib, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    if z.testzip() is not None:
        sys.exit('bad CRC')
    print(json.dumps({i.filename: hashlib.sha256(z.read(i.filename)).hexdigest() for i in z.infolist()}))
`;
    const sums = JSON.parse(execFileSync('python3', ['-c', script, target], { encoding: 'utf8' })) as Record<
      string,
      string
    >;
    expect(sums['evidence/01-screenshot-a.mp4']).toBe(sha256(video));
    expect(sums['evidence/02-screenshot-b.png']).toBe(sha256(image));
  });

  it('bundles copies from any readable, as a database store streams its chunks', async () => {
    const dir = tempDir();
    const bundle = sample(dir);
    // Chunks of odd sizes, as rows of a table would give them; no file, no pool.
    const rows = (data: Buffer): Readable =>
      Readable.from(
        Array.from({ length: Math.ceil(data.length / 70_001) }, (_, i) => data.subarray(i * 70_001, (i + 1) * 70_001)),
      );
    const fromRows = bundle.files.map((file) => {
      const data = readFileSync(join(dir, file.evidence.sha256));
      return { ...file, open: () => Promise.resolve(rows(data)), size: () => Promise.resolve(data.length) };
    });
    const target = join(dir, 'b.zip');
    await writeBundle(target, { ...bundle, files: fromRows }, { overwrite: false });
    expect(await verifyBundle(target)).toEqual({ claimId: 'RC-0001', entries: 7, problems: [] });

    // Bytes that differ from what was stored are refused however they come.
    const [first] = fromRows;
    if (!first) throw new Error('no files');
    const wrong = { ...first, open: () => Promise.resolve(rows(Buffer.alloc(first.evidence.bytes))) };
    await expect(writeBundle(join(dir, 'c.zip'), { ...bundle, files: [wrong] }, { overwrite: false })).rejects.toThrow(
      /Evidence #1 \(shot\.png\): the stored copy no longer matches its SHA-256/,
    );
    expect(outputs(dir)).toEqual(['b.zip']);
  });

  it('refuses a copy gone between the check and its turn, or one that cannot be opened', async () => {
    const dir = tempDir();
    const bundle = sample(dir);
    const [first, second] = bundle.files;
    if (!first || !second) throw new Error('no files');
    const gone = { ...second, open: () => Promise.resolve(null) };
    await expect(
      writeBundle(join(dir, 'b.zip'), { ...bundle, files: [first, gone] }, { overwrite: false }),
    ).rejects.toThrow(/#2 \(big\.mp4\): the stored copy is gone/);
    const broken = { ...second, open: () => Promise.reject(new Error('connection reset')) };
    await expect(
      writeBundle(join(dir, 'b.zip'), { ...bundle, files: [first, broken] }, { overwrite: false }),
    ).rejects.toThrow(/#2 \(big\.mp4\): cannot read the stored copy \(connection reset\)/);
    expect(outputs(dir)).toEqual([]);
  });

  it('refuses a stored copy that changed, names it, and leaves nothing behind', async () => {
    const dir = tempDir();
    const bundle = sample(dir);
    const video = bundle.files[1];
    if (!video) throw new Error('no video');
    const path = join(dir, video.evidence.sha256);
    const altered = readFileSync(path);
    altered.writeUInt8(altered.readUInt8(altered.length - 1) ^ 0xff, altered.length - 1);
    writeFileSync(path, altered);
    const target = join(dir, 'b.zip');
    await expect(writeBundle(target, bundle, { overwrite: false })).rejects.toThrow(
      /Evidence #2 \(big\.mp4\): the stored copy no longer matches its SHA-256/,
    );
    expect(outputs(dir)).toEqual([]);
  });

  it('refuses a truncated or missing copy before writing anything', async () => {
    const dir = tempDir();
    const bundle = sample(dir);
    const [first, second] = bundle.files;
    if (!first || !second) throw new Error('no files');
    const [firstPath, secondPath] = [join(dir, first.evidence.sha256), join(dir, second.evidence.sha256)];
    writeFileSync(firstPath, readFileSync(firstPath).subarray(0, 10));
    await expect(writeBundle(join(dir, 'b.zip'), bundle, { overwrite: false })).rejects.toThrow(/#1 \(shot\.png\)/);
    writeFileSync(firstPath, pngBytes(64, 64, 3));
    unlinkSync(secondPath);
    await expect(writeBundle(join(dir, 'b.zip'), bundle, { overwrite: false })).rejects.toThrow(
      /#2 \(big\.mp4\): the stored copy is gone/,
    );
    expect(outputs(dir)).toEqual([]);
  });

  it('never replaces an existing file unless told to', async () => {
    const dir = tempDir();
    const target = join(dir, 'b.zip');
    writeFileSync(target, 'previous');
    await expect(writeBundle(target, sample(dir), { overwrite: false })).rejects.toThrow(UserError);
    expect(readFileSync(target, 'utf8')).toBe('previous');
    await writeBundle(target, sample(dir), { overwrite: true });
    expect((await verifyBundle(target)).problems).toEqual([]);
    expect(outputs(dir)).toEqual(['b.zip']);
  });

  it('replaces only a regular file, even told to: never a link or FIFO that took the name', async () => {
    const dir = tempDir();
    const kept = join(dir, 'kept.txt');
    writeFileSync(kept, 'keep me');
    symlinkSync(kept, join(dir, 'link.zip'));
    execFileSync('mkfifo', [join(dir, 'fifo.zip')]);
    for (const [name, kind] of [
      ['link.zip', 'a symbolic link'],
      ['fifo.zip', 'a FIFO'],
    ] as const) {
      const target = join(dir, name);
      await expect(writeBundle(target, sample(dir), { overwrite: true })).rejects.toMatchObject({
        exitCode: 2,
        message: `${target} is ${kind}, not a regular file; no bundle was written.`,
      });
    }
    expect(readlinkSync(join(dir, 'link.zip'))).toBe(kept);
    expect(lstatSync(join(dir, 'fifo.zip')).isFIFO()).toBe(true);
    expect(readFileSync(kept, 'utf8')).toBe('keep me');
    expect(outputs(dir).sort()).toEqual(['fifo.zip', 'kept.txt', 'link.zip']);
  });

  it('stops when aborted, removes its temporary file and keeps the previous bundle', async () => {
    const dir = tempDir();
    const target = join(dir, 'b.zip');
    writeFileSync(target, 'previous');
    const controller = new AbortController();
    const write = writeBundle(target, sample(dir), {
      overwrite: true,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.bytes > 1024 * 1024) controller.abort();
      },
    });
    await expect(write).rejects.toThrow(CancelledError);
    expect(readFileSync(target, 'utf8')).toBe('previous');
    expect(outputs(dir)).toEqual(['b.zip']);
  });

  it('removes temporary files left by a killed run an hour ago, not those of a running one', async () => {
    const dir = tempDir();
    const stale = join(dir, '.b.zip.0123456789ab.partial');
    const fresh = join(dir, '.b.zip.ba9876543210.partial');
    writeFileSync(stale, 'killed');
    writeFileSync(fresh, 'running');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    await writeBundle(join(dir, 'b.zip'), sample(dir), { overwrite: false });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });
});
