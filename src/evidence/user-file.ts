/**
 * A user's file on its way into an evidence store, whichever store it is: checked first (exists,
 * regular, not empty, a supported type by content), then streamed into the store's `put` once.
 */
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { EvidenceStore, InspectedFile, StoredFile } from '../app/deps.js';
import { UsageError } from '../domain/errors.js';
import { printableName } from '../domain/text.js';
import { FileChunkReader } from '../fs/chunks.js';
import { errnoCode } from '../fs/errno.js';
import { detectType } from './detect-type.js';

const SUPPORTED_WORDS = 'images, PDFs, videos, plain text, CSV, saved emails (.eml) or spreadsheets';

export async function inspectUserFile(path: string): Promise<InspectedFile> {
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

/** Streams a checked file into `store`; failing to read it is told as a problem with that file. */
export async function importUserFile(store: Pick<EvidenceStore, 'put'>, file: InspectedFile): Promise<StoredFile> {
  let source: FileChunkReader;
  try {
    // Non-blocking: a file swapped for a FIFO since it was inspected fails to read, never hangs.
    source = new FileChunkReader(await open(file.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)));
  } catch (error) {
    throw unreadable(file.path, error);
  }
  let readError: unknown = null;
  source.once('error', (error) => (readError = error));
  try {
    return { ...file, ...(await store.put(source)) };
  } catch (error) {
    // A store that failed before reading (its database, say) leaves the file open otherwise.
    source.destroy();
    // The store's own failures (its directory, its disk) are not the user's file's, even though
    // the store then stops reading it, which ends the file's stream with an error of its own.
    throw readError !== null && error === readError ? unreadable(file.path, readError) : error;
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
