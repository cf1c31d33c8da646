/**
 * A small zip reader for `verify`: the central directory, then each entry's bytes streamed from
 * disk (stored, or deflated through zlib), one entry at a time so memory stays flat. Enough for
 * the zips `bundle` writes and for what `zip`/`zip -d` make of them; not ZIP64 (archives or
 * entries over 4 GiB), encryption or multi-disk archives, which it refuses by name.
 *
 * The zip may be hostile. Every entry must own its bytes: its range from local header to data end
 * lies before the central directory and overlaps no other entry's, so reading every entry reads
 * each byte of the file at most once; and no entry yields more than the size it declares. An
 * entry that breaks this carries a `problem` and is never read.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { CHUNK_SIZE } from '../fs/chunks.js';
import { streamed } from '../fs/streamed-garbage.js';

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
  /** Offset of its data, past the local header; -1 when that header cannot be read. */
  dataOffset: number;
  isDirectory: boolean;
  /** Why its bytes are not read (they overlap another entry's, say); null when they can be. */
  problem: string | null;
}

/** The file is not a zip this reader can read; the message says why, in plain words. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

/** The path is a FIFO, a device, a directory or a socket: nothing to read a zip from. */
export class NotAFileError extends Error {
  constructor(readonly what: string) {
    super(`it is ${what}, not a file`);
    this.name = 'NotAFileError';
  }
}

export class ZipReader {
  private constructor(
    private readonly handle: FileHandle,
    readonly entries: readonly ZipEntry[],
  ) {}

  static async open(path: string): Promise<ZipReader> {
    // Opening a FIFO for reading blocks until a writer comes, for ever if none does; without
    // blocking it opens at once, and fstat then refuses it before a byte is read.
    const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new NotAFileError(describeNonFile(info));
      return new ZipReader(handle, await readCentralDirectory(handle, info.size));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /**
   * The entry's uncompressed bytes, in chunks of up to 1 MiB; never more than its declared size.
   * Every error surfaces while reading; a ZipFormatError says in a phrase what is wrong with the
   * entry ("is encrypted").
   */
  stream(entry: ZipEntry): Readable {
    return Readable.from(this.bytes(entry), { objectMode: false });
  }

  private async *bytes(entry: ZipEntry): AsyncGenerator<Buffer> {
    if (entry.problem !== null) throw new ZipFormatError(entry.problem);
    if (entry.flags & 0x1) throw new ZipFormatError('is encrypted');
    if (entry.method === METHOD_STORED) {
      if (entry.compressedSize !== entry.size) {
        throw new ZipFormatError(
          `is stored as ${entry.compressedSize} bytes but declares ${entry.size} (its sizes disagree)`,
        );
      }
      yield* this.range(entry.dataOffset, entry.size);
      return;
    }
    if (entry.method !== METHOD_DEFLATED) {
      throw new ZipFormatError(`uses compression method ${entry.method}, which is not stored or deflated`);
    }
    const raw = Readable.from(this.range(entry.dataOffset, entry.compressedSize), { objectMode: false });
    yield* atMost(inflated(raw), entry.size);
  }

  /** Reads by position, so every entry's stream shares the one file handle. */
  private async *range(start: number, length: number): AsyncGenerator<Buffer> {
    let position = start;
    let left = length;
    while (left > 0) {
      const size = Math.min(left, CHUNK_SIZE);
      const { bytesRead, buffer } = await this.handle.read(Buffer.allocUnsafe(size), 0, size, position);
      if (bytesRead === 0) throw new ZipFormatError('ends past the end of the file (cut short?)');
      position += bytesRead;
      left -= bytesRead;
      streamed(bytesRead);
      yield buffer.subarray(0, bytesRead);
    }
  }

  /** A small entry as text; null when it is larger than `limit` bytes. */
  async text(entry: ZipEntry, limit: number): Promise<string | null> {
    if (entry.size > limit) return null;
    const chunks: Buffer[] = [];
    let length = 0;
    for await (const chunk of this.stream(entry)) {
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

/**
 * Passes on up to `limit` bytes and fails on the first byte past it: a kilobyte of deflate can
 * claim a few bytes and inflate to a gigabyte. Leaving the loop early destroys the inflater.
 */
async function* atMost(source: Readable, limit: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    const bytes = chunk as Buffer;
    total += bytes.length;
    if (total > limit) throw new ZipFormatError(`inflates to more than the ${limit} bytes it declares`);
    yield bytes;
  }
}

function describeNonFile(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  return 'a device';
}

async function readCentralDirectory(handle: FileHandle, size: number): Promise<ZipEntry[]> {
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
  const rawNames: Buffer[] = [];
  let at = 0;
  while (at + 46 <= directory.length && directory.readUInt32LE(at) === CENTRAL_SIGNATURE) {
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const skip = directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (at + 46 + nameLength + skip > directory.length) break;
    const rawName = directory.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name: decodeName(rawName, flags),
      flags,
      method: directory.readUInt16LE(at + 10),
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      offset: directory.readUInt32LE(at + 42),
      dataOffset: -1,
      isDirectory: false,
      problem: null,
    };
    entry.isDirectory = entry.name.endsWith('/');
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff) {
      throw new ZipFormatError(`${entry.name} is a ZIP64 entry (over 4 GiB), which verify cannot read`);
    }
    entries.push(entry);
    rawNames.push(rawName);
    at += 46 + nameLength + skip;
  }
  if (entries.length !== count) {
    throw new ZipFormatError(`its central directory lists ${entries.length} of ${count} entries (damaged?)`);
  }
  await readLocalHeaders(handle, entries, rawNames, directoryOffset);
  markOverlaps(entries);
  return entries;
}

/**
 * Each local header must be where the central directory says and carry the same name (unzip
 * tools differ on which of the two they trust), and the data after it must end before the
 * central directory. Reads 30 bytes and the name per entry: at most 64 KiB of headers each.
 */
async function readLocalHeaders(
  handle: FileHandle,
  entries: readonly ZipEntry[],
  rawNames: readonly Buffer[],
  directoryOffset: number,
): Promise<void> {
  for (const [index, entry] of entries.entries()) {
    const rawName = rawNames[index] as Buffer;
    if (entry.offset + 30 > directoryOffset) {
      entry.problem = 'has its local header outside the entries (inside the central directory or past it)';
      continue;
    }
    const header = Buffer.alloc(30 + rawName.length);
    const { bytesRead } = await handle.read(header, 0, header.length, entry.offset);
    if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) {
      entry.problem = 'has no local header where the central directory says (damaged?)';
      continue;
    }
    const localNameLength = header.readUInt16LE(26);
    const localName = header.subarray(30, 30 + localNameLength);
    if (localNameLength !== rawName.length || !localName.equals(rawName)) {
      entry.problem =
        localNameLength === rawName.length
          ? `is named "${decodeName(localName, entry.flags)}" in its local header (the two names must be the same)`
          : 'has another name in its local header (the two names must be the same)';
      continue;
    }
    entry.dataOffset = entry.offset + 30 + localNameLength + header.readUInt16LE(28);
    if (entry.dataOffset + entry.compressedSize > directoryOffset) {
      entry.problem = `declares ${entry.compressedSize} bytes of data, which run past the entries into the central directory`;
    }
  }
}

/**
 * Entries whose ranges [local header .. data end] share bytes are all marked, the first one too:
 * which of them was meant is unknowable, and reading each would read the shared bytes once per
 * alias (2,000 entries aliasing one deflated gigabyte are an hour of work in a 1 MB file).
 */
function markOverlaps(entries: readonly ZipEntry[]): void {
  const ranges = entries
    .filter((entry) => entry.problem === null)
    .map((entry) => ({ entry, start: entry.offset, end: entry.dataOffset + entry.compressedSize }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let group: typeof ranges = [];
  let groupEnd = -1;
  const close = (): void => {
    if (group.length < 2) return;
    const [first, second] = group as [(typeof ranges)[0], (typeof ranges)[0]];
    for (const member of group) {
      const other = (member === first ? second : first).entry.name;
      const shown = other === member.entry.name ? 'another entry of the same name' : other;
      member.entry.problem = `shares bytes in the file with ${shown} (entries must not overlap)`;
    }
  };
  for (const range of ranges) {
    if (range.start >= groupEnd) {
      close();
      group = [];
    }
    group.push(range);
    groupEnd = Math.max(groupEnd, range.end);
  }
  close();
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
