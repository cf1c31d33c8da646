import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, join } from 'node:path';
import type { EvidenceStore, InspectedFile, IntegrityState, StoredFile } from '../app/deps.js';
import { UsageError } from '../domain/errors.js';
import { printableName } from '../domain/text.js';
import { detectType } from './detect-type.js';
import { sha256File } from './hash.js';
import { AtomicFile } from '../fs/atomic-file.js';
import { CHUNK_SIZE } from '../fs/chunks.js';
import { errnoCode } from '../fs/errno.js';

const SUPPORTED_WORDS = 'images, PDFs, videos, plain text, CSV, saved emails (.eml) or spreadsheets';
const TEMP_PREFIX = '.incoming-';

/**
 * Private copies of evidence, named by their SHA-256 (`evidence/<sha256>`). A copy is written to
 * a temporary name, flushed and renamed (fs/atomic-file.ts), so a crash never leaves a
 * half-written file under a checksum name.
 */
export class FileEvidenceStore implements EvidenceStore {
  constructor(private readonly dir: string) {}

  async inspect(path: string): Promise<InspectedFile> {
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      throw unreadable(path, error);
    }
    if (info.isDirectory())
      throw new UsageError(`${path} is a directory, not a file.`, 'Attach the files inside it one by one.');
    if (!info.isFile())
      throw new UsageError(
        `${path} is not a regular file.`,
        'Attach a saved file (image, PDF, video, text, spreadsheet).',
      );
    if (info.size === 0)
      throw new UsageError(`${path} is empty (0 bytes).`, 'Save or export the file again, then attach it.');
    let detected;
    try {
      detected = await detectType(path);
    } catch (error) {
      throw unreadable(path, error);
    }
    if (!detected.supported) {
      throw new UsageError(
        `${path} cannot be used as evidence: it is ${detected.description}.`,
        `Attach ${SUPPORTED_WORDS}; convert other files to PDF first.`,
      );
    }
    // The name is shown in tables and tickets: no terminal escapes from a hostile file name.
    return { path, name: printableName(basename(path)), bytes: info.size, mime: detected.mime };
  }

  async importFile(file: InspectedFile): Promise<StoredFile> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const temporary = await AtomicFile.create(this.dir, { prefix: TEMP_PREFIX });
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      // One read pass both hashes and copies, so the checksum is of exactly the bytes stored.
      for await (const chunk of createReadStream(file.path, { highWaterMark: CHUNK_SIZE })) {
        const buffer = chunk as Buffer;
        hash.update(buffer);
        bytes += buffer.length;
        await temporary.write(buffer);
      }
      await temporary.flush();
    } catch (error) {
      await temporary.discard();
      throw unreadable(file.path, error);
    }
    const sha256 = hash.digest('hex');
    if ((await this.verify(sha256)) === 'ok') {
      await temporary.discard();
    } else {
      // Missing, or a damaged copy of the same content: the fresh copy takes its place.
      await temporary.commit(this.pathOf(sha256), { overwrite: true });
    }
    return { ...file, bytes, sha256 };
  }

  async verify(sha256: string): Promise<IntegrityState> {
    try {
      return (await sha256File(this.pathOf(sha256))) === sha256 ? 'ok' : 'altered';
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return 'missing';
      throw error;
    }
  }

  pathOf(sha256: string): string {
    return join(this.dir, sha256);
  }
}

function unreadable(path: string, error: unknown): UsageError {
  const code = errnoCode(error);
  if (code === 'ENOENT') return new UsageError(`Evidence file not found: ${path}.`, 'Check the path and try again.');
  if (code === 'EACCES' || code === 'EPERM') {
    return new UsageError(`Cannot read evidence file ${path}: permission denied.`, 'Check the file permissions.');
  }
  return new UsageError(
    `Cannot read evidence file ${path}: ${(error as Error).message}.`,
    'Check the file and try again.',
  );
}
