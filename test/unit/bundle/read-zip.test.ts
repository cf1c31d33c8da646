import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHOD_DEFLATED, METHOD_STORED, ZipFormatError, ZipReader } from '../../../src/bundle/read-zip.js';
import { tempDir } from '../../helpers/temp.js';

/** Python's zipfile writes the test archives: an independent writer, stored and deflated entries. */
function pythonZip(path: string, files: Record<string, { data: string; deflate: boolean }>, comment = ''): void {
  const script = `
import json, sys, zipfile
files = json.loads(sys.stdin.read())
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.comment = sys.argv[2].encode()
    for name, spec in files.items():
        data = bytes.fromhex(spec['data'])
        z.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED if spec['deflate'] else zipfile.ZIP_STORED)
`;
  execFileSync('python3', ['-c', script, path, comment], { input: JSON.stringify(files) });
}

async function contents(reader: ZipReader): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const entry of reader.entries) {
    const chunks: Buffer[] = [];
    for await (const chunk of reader.stream(entry)) chunks.push(chunk as Buffer);
    out[entry.name] = Buffer.concat(chunks);
  }
  return out;
}

describe('ZipReader', () => {
  it('reads stored, deflated, empty and directory entries, past an archive comment', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.zip');
    const big = randomBytes(3 * 1024 * 1024 + 5);
    const text = Buffer.from('line of text\n'.repeat(10_000));
    pythonZip(
      path,
      {
        'media/big.bin': { data: big.toString('hex'), deflate: false },
        'notes/é.txt': { data: text.toString('hex'), deflate: true },
        'empty.txt': { data: '', deflate: true },
        'folder/': { data: '', deflate: false },
      },
      'a comment at the end',
    );
    const reader = await ZipReader.open(path);
    try {
      expect(reader.entries.map((entry) => [entry.name, entry.method, entry.isDirectory])).toEqual([
        ['media/big.bin', METHOD_STORED, false],
        ['notes/é.txt', METHOD_DEFLATED, false],
        ['empty.txt', METHOD_DEFLATED, false],
        ['folder/', METHOD_STORED, true],
      ]);
      const read = await contents(reader);
      expect(read['media/big.bin']?.equals(big)).toBe(true);
      expect(read['notes/é.txt']?.equals(text)).toBe(true);
      expect(read['empty.txt']).toHaveLength(0);
      const entry = reader.entries[1];
      expect(entry && (await reader.text(entry, 1000))).toBeNull();
    } finally {
      await reader.close();
    }
  });

  it('reads what Info-ZIP writes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.txt'), 'hello\n'.repeat(100));
    execFileSync('zip', ['-q', 'z.zip', 'x.txt'], { cwd: dir });
    const reader = await ZipReader.open(join(dir, 'z.zip'));
    try {
      const [entry] = reader.entries;
      expect(entry?.name).toBe('x.txt');
      expect(entry && (await reader.text(entry, 10_000))).toBe('hello\n'.repeat(100));
    } finally {
      await reader.close();
    }
  });

  it('says why it cannot read a file that is not a zip, or one cut short', async () => {
    const dir = tempDir();
    const notZip = join(dir, 'not.zip');
    writeFileSync(notZip, 'just text, long enough to look for an end record in it');
    await expect(ZipReader.open(notZip)).rejects.toThrow(ZipFormatError);

    const cut = join(dir, 'cut.zip');
    pythonZip(cut, { 'a.bin': { data: randomBytes(4096).toString('hex'), deflate: false } });
    truncateSync(cut, readFileSync(cut).length - 30);
    await expect(ZipReader.open(cut)).rejects.toThrow(/end of central directory|outside the file/);
  });

  it('reports a damaged deflated entry as an error of its stream', async () => {
    const dir = tempDir();
    const path = join(dir, 'd.zip');
    pythonZip(path, { 'a.txt': { data: Buffer.from('abc'.repeat(5000)).toString('hex'), deflate: true } });
    const bytes = readFileSync(path);
    // Overwrite the start of the deflated data (after the 30-byte local header and the name).
    bytes.fill(0xff, 30 + 'a.txt'.length, 30 + 'a.txt'.length + 8);
    writeFileSync(path, bytes);
    const reader = await ZipReader.open(path);
    try {
      const [entry] = reader.entries;
      if (!entry) throw new Error('no entry');
      await expect(reader.text(entry, 1_000_000)).rejects.toThrow();
    } finally {
      await reader.close();
    }
  });
});
