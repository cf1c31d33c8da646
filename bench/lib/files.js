/** Real evidence files made byte by byte, so the benchmark needs no binary fixtures. */
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = ~0;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(width, height, idat) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small valid PNG; `seed` changes its pixels and so its checksum. */
export function pngBytes(width = 4, height = 4, seed = 0) {
  const rows = Buffer.alloc((width * 3 + 1) * height, seed % 256);
  for (let y = 0; y < height; y++) rows[y * (width * 3 + 1)] = 0;
  return png(width, height, deflateSync(rows));
}

/**
 * A PNG of about `bytes` bytes whose image data is random, like a screenshot that does not
 * compress: what type detection, hashing and copying see in a real 5 MB screen capture.
 */
export function largePngBytes(bytes) {
  return png(1920, 1080, randomBytes(Math.max(0, bytes - 57)));
}

export function pdfBytes(text = 'Invoice') {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}
