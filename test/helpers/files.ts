/** Real files of each evidence type, made byte by byte so tests need no binary fixtures. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A valid PNG of the given size; `seed` changes its pixels and so its checksum. */
export function pngBytes(width = 4, height = 4, seed = 0): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height, seed % 256);
  for (let y = 0; y < height; y++) rows[y * (width * 3 + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function pdfBytes(text = 'Invoice'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

export interface EvidenceFiles {
  png: string;
  pdf: string;
  txt: string;
  csv: string;
  eml: string;
  zip: string;
  empty: string;
}

/** One file of each interesting kind in `dir`. */
export function writeEvidenceFiles(dir: string): EvidenceFiles {
  const files: EvidenceFiles = {
    png: join(dir, 'dashboard.png'),
    pdf: join(dir, 'invoice.pdf'),
    txt: join(dir, 'notes.txt'),
    csv: join(dir, 'report.csv'),
    eml: join(dir, 'support-reply.eml'),
    zip: join(dir, 'archive.zip'),
    empty: join(dir, 'empty.png'),
  };
  writeFileSync(files.png, pngBytes());
  writeFileSync(files.pdf, pdfBytes());
  writeFileSync(files.txt, 'Chat with the account manager, 3 Nov 2026.\nShe confirmed the double charge.\n');
  writeFileSync(files.csv, 'date,impressions,spend\n2026-11-01,1200,50.00\n2026-11-02,0,50.00\n');
  writeFileSync(
    files.eml,
    'From: support@example.test\r\nTo: ads@acme.test\r\nSubject: Re: refund\r\nDate: Tue, 3 Nov 2026 10:00:00 +0000\r\n\r\nWe are looking into it.\r\n',
  );
  // A ZIP archive's local header: a supported container for nothing we accept.
  writeFileSync(files.zip, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(60)]));
  writeFileSync(files.empty, Buffer.alloc(0));
  return files;
}
