import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { CHUNK_SIZE } from '../fs/chunks.js';

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_SIZE })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
