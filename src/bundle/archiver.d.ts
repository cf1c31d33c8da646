/**
 * The part of archiver 8 this project uses. archiver ships no types, and @types/archiver describes
 * the old `archiver('zip')` factory that version 8 removed.
 */
declare module 'archiver' {
  import type { Transform } from 'node:stream';
  import type { ZlibOptions } from 'node:zlib';

  export interface ZipArchiveOptions {
    zlib?: ZlibOptions;
    /** Store every entry instead of deflating it (per entry: `ZipEntryData.store`). */
    store?: boolean;
    /** DOS times in local time, as other zip tools write and readers show them. */
    forceLocalTime?: boolean;
    forceZip64?: boolean;
    comment?: string;
    highWaterMark?: number;
  }

  export interface ZipEntryData {
    name: string;
    date?: Date | string;
    mode?: number;
    store?: boolean;
    comment?: string;
  }

  export interface ProgressData {
    entries: { total: number; processed: number };
    fs: { totalBytes: number; processedBytes: number };
  }

  export class ZipArchive extends Transform {
    constructor(options?: ZipArchiveOptions);
    append(source: Buffer | string | NodeJS.ReadableStream, data: ZipEntryData): this;
    /** Resolves when the archive's last byte has been produced (not when it is on disk). */
    finalize(): Promise<void>;
    abort(): this;
    /** Bytes produced so far. */
    pointer(): number;
    on(event: 'entry', listener: (data: ZipEntryData) => void): this;
    on(event: 'warning' | 'error', listener: (error: Error) => void): this;
    on(event: 'progress', listener: (progress: ProgressData) => void): this;
    on(event: string | symbol, listener: (...args: unknown[]) => void): this;
  }
}
