/**
 * A small zip reader for `verify`: the central directory, then each entry's bytes streamed from
 * disk (stored, or deflated through zlib), one entry at a time so memory stays flat. Enough for
 * the zips `bundle` writes and for what `zip`/`zip -d` make of them; not ZIP64 (archives or
 * entries over 4 GiB), encryption or multi-disk archives, which it refuses by name.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { CHUNK_SIZE } from '../fs/chunks.js';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
  isDirectory: boolean;
}

/** The file is not a zip this reader can read; the message says why, in plain words. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

export class ZipReader {
  private constructor(
    private readonly handle: FileHandle,
    readonly entries: readonly ZipEntry[],
  ) {}

  static async open(path: string): Promise<ZipReader> {
    const handle = await open(path, 'r');
    try {
      return new ZipReader(handle, await readCentralDirectory(handle));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** The entry's uncompressed bytes, in chunks of up to 1 MiB. */
  async stream(entry: ZipEntry): Promise<Readable> {
    if (entry.flags & 0x1) throw new ZipFormatError(`${entry.name} is encrypted`);
    if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATED) {
      throw new ZipFormatError(
        `${entry.name} uses compression method ${entry.method}, which is not stored or deflated`,
      );
    }
    const header = Buffer.alloc(30);
    const { bytesRead } = await this.handle.read(header, 0, 30, entry.offset);
    if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) {
      throw new ZipFormatError(`${entry.name}: its local header is missing or damaged`);
    }
    const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const raw = Readable.from(this.range(start, entry.compressedSize), { objectMode: false });
    return entry.method === METHOD_STORED ? raw : inflated(raw);
  }

  /** Reads by position, so every entry's stream shares the one file handle. */
  private async *range(start: number, length: number): AsyncGenerator<Buffer> {
    let position = start;
    let left = length;
    while (left > 0) {
      const size = Math.min(left, CHUNK_SIZE);
      const { bytesRead, buffer } = await this.handle.read(Buffer.allocUnsafe(size), 0, size, position);
      if (bytesRead === 0) throw new ZipFormatError('the file ends inside an entry (cut short?)');
      position += bytesRead;
      left -= bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  }

  /** A small entry as text; null when it is larger than `limit` bytes. */
  async text(entry: ZipEntry, limit: number): Promise<string | null> {
    if (entry.size > limit) return null;
    const chunks: Buffer[] = [];
    let length = 0;
    for await (const chunk of await this.stream(entry)) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length > limit) return null;
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** Errors of either stream surface on the returned one, so a `for await` over it throws them. */
function inflated(raw: Readable): Readable {
  return pipeline(raw, createInflateRaw(), () => undefined);
}

async function readCentralDirectory(handle: FileHandle): Promise<ZipEntry[]> {
  const { size } = await handle.stat();
  if (size < EOCD_SIZE) throw new ZipFormatError('it is too short to be a zip file');
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  // The end record sits before a comment of up to 64 KiB: search backwards for its signature.
  let eocd = -1;
  for (let at = tailLength - EOCD_SIZE; at >= 0; at--) {
    if (tail.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('it has no end of central directory (not a zip file, or cut short)');
  if (tail.readUInt16LE(eocd + 4) !== 0 || tail.readUInt16LE(eocd + 6) !== 0) {
    throw new ZipFormatError('it is one part of a multi-disk archive');
  }
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new ZipFormatError('it is a ZIP64 archive (over 4 GiB or 65,535 entries), which verify cannot read');
  }
  if (directoryOffset + directorySize > size - tailLength + eocd) {
    throw new ZipFormatError('its central directory lies outside the file (cut short?)');
  }
  const directory = Buffer.alloc(directorySize);
  await handle.read(directory, 0, directorySize, directoryOffset);

  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 46 <= directory.length && directory.readUInt32LE(at) === CENTRAL_SIGNATURE) {
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const skip = directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    const rawName = directory.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name: decodeName(rawName, flags),
      flags,
      method: directory.readUInt16LE(at + 10),
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      offset: directory.readUInt32LE(at + 42),
      isDirectory: false,
    };
    entry.isDirectory = entry.name.endsWith('/');
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff) {
      throw new ZipFormatError(`${entry.name} is a ZIP64 entry (over 4 GiB), which verify cannot read`);
    }
    if (entry.offset + entry.compressedSize > directoryOffset) {
      throw new ZipFormatError(`${entry.name} lies outside the file (cut short?)`);
    }
    entries.push(entry);
    at += 46 + nameLength + skip;
  }
  if (entries.length !== count) {
    throw new ZipFormatError(`its central directory lists ${entries.length} of ${count} entries (damaged?)`);
  }
  return entries;
}

/** Bit 11 marks UTF-8; without it the name is CP437 by the book, in practice UTF-8 or ASCII. */
function decodeName(raw: Buffer, flags: number): string {
  if (flags & 0x800) return raw.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return raw.toString('latin1');
  }
}
