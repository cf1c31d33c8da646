import { createHash } from 'node:crypto';

/** The SHA-256 of a stream's bytes, hex-encoded. */
export async function sha256Of(source: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source) hash.update(chunk);
  return hash.digest('hex');
}
