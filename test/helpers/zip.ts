/** Reading bundles back with tools that share no code with ours: Info-ZIP's unzip and Python's zipfile. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

export interface PythonEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  compressType: number;
  size: number;
  /** Where the entry's data starts in the file. */
  dataOffset: number;
}

/** Every entry as Python's zipfile sees it; its `testzip()` must find no bad CRC either. */
export function pythonEntries(zip: string): PythonEntry[] {
  const script = `
import json, struct, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[1], 'rb') as f:
    bad = z.testzip()
    if bad is not None:
        sys.exit('bad CRC in ' + bad)
    out = []
    for i in z.infolist():
        f.seek(i.header_offset + 26)
        name_len, extra_len = struct.unpack('<HH', f.read(4))
        out.append({'name': i.filename, 'compressType': i.compress_type, 'size': i.file_size,
                    'dataOffset': i.header_offset + 30 + name_len + extra_len})
    print(json.dumps(out))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, zip], { encoding: 'utf8' })) as PythonEntry[];
}

/** `unzip -q` into `dir`; throws when unzip reports any problem. */
export function unzipTo(zip: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('unzip', ['-q', zip, '-d', dir]);
}

/** `sha256sum -c SHA256SUMS` in `dir`: its output; throws when a line fails. */
export function sha256sumCheck(dir: string): string {
  return execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
}

export function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * An MP4 of `bytes` bytes that content detection accepts: an `ftyp` box, then an `mdat` box of
 * random data (one random MiB repeated with a counter, so big files are quick to make).
 */
export function writeMp4(path: string, bytes: number, seed = 0): void {
  const header = Buffer.alloc(32);
  header.writeUInt32BE(24, 0);
  header.write('ftypisom', 4, 'ascii');
  header.writeUInt32BE(0x200, 12);
  header.write('isomiso2', 16, 'ascii');
  header.writeUInt32BE(bytes - 24, 24);
  header.write('mdat', 28, 'ascii');
  const block = randomBytes(1024 * 1024);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, header);
    let left = bytes - header.length;
    for (let n = 0; left > 0; n++) {
      const chunk = block.subarray(0, Math.min(block.length, left));
      chunk.writeUInt32BE(n, 0);
      chunk.writeUInt32BE(seed, 4);
      left -= writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
}
