/**
 * Zips written byte by byte, for what no well-behaved writer makes: central-directory entries that
 * alias one stream, sizes that lie, local headers named differently, names that climb out.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** Uncompressed content; empty when absent. */
  data?: Buffer | string;
  deflate?: boolean;
  /** The name written in the local header, when it should differ from the central directory's. */
  localName?: string;
  /** The uncompressed size the central directory declares, when it should lie. */
  declaredSize?: number;
  /** The compressed size the central directory declares, when it should lie. */
  declaredCompressedSize?: number;
  /** A central-directory entry only, pointing at the local header of entry number `aliasOf`. */
  aliasOf?: number;
  /** Added to the offset the central directory gives (into the middle of another entry, say). */
  offsetShift?: number;
}

interface Written {
  offset: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
}

const UTF8_NAMES = 0x800;

export function rawZip(entries: readonly RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  let position = 0;
  const written: Written[] = [];
  for (const entry of entries) {
    if (entry.aliasOf !== undefined) {
      const target = written[entry.aliasOf];
      if (!target) throw new Error(`aliasOf ${entry.aliasOf}: no such entry before ${entry.name}`);
      written.push(target);
      continue;
    }
    const data = Buffer.from(entry.data ?? '');
    const body = entry.deflate ? deflateRawSync(data) : data;
    const localName = Buffer.from(entry.localName ?? entry.name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(localName.length, 26);
    written.push({
      offset: position,
      method: entry.deflate ? 8 : 0,
      crc: crc32(data),
      compressedSize: body.length,
      size: data.length,
    });
    parts.push(header, localName, body);
    position += header.length + localName.length + body.length;
  }

  const directoryOffset = position;
  entries.forEach((entry, index) => {
    const item = written[index] as Written;
    const name = Buffer.from(entry.name);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(item.method, 10);
    header.writeUInt32LE(item.crc, 16);
    header.writeUInt32LE(entry.declaredCompressedSize ?? item.compressedSize, 20);
    header.writeUInt32LE(entry.declaredSize ?? item.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(item.offset + (entry.offsetShift ?? 0), 42);
    parts.push(header, name);
    position += header.length + name.length;
  });

  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(position - directoryOffset, 12);
  end.writeUInt32LE(directoryOffset, 16);
  parts.push(end);
  return Buffer.concat(parts);
}

/** SHA256SUMS and manifest.json that vouch for `files` exactly, so only their names can be wrong. */
export function vouchingLists(
  files: readonly { name: string; data: Buffer | string; caption?: string }[],
  claimId = 'RC-0001',
): RawEntry[] {
  // Aliases list one large buffer thousands of times: hash it once.
  const digests = new Map<Buffer | string, string>();
  const digest = (data: Buffer | string): string => {
    let hex = digests.get(data);
    if (hex === undefined) digests.set(data, (hex = createHash('sha256').update(data).digest('hex')));
    return hex;
  };
  const described = files.map((file) => ({
    name: file.name,
    caption: file.caption ?? null,
    bytes: Buffer.byteLength(file.data),
    sha256: digest(file.data),
  }));
  const manifest = JSON.stringify({ format: 'refund-claim-bundle/1', claim: { id: claimId }, files: described });
  const sums = [...described, { name: 'manifest.json', sha256: digest(manifest) }]
    .map((file) => `${file.sha256}  ${file.name}\n`)
    .join('');
  return [
    { name: 'manifest.json', data: manifest, deflate: true },
    { name: 'SHA256SUMS', data: sums, deflate: true },
  ];
}
