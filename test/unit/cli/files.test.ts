import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS, readTextInput } from '../../../src/cli/files.js';
import type { InputLimit } from '../../../src/cli/files.js';
import { UsageError } from '../../../src/domain/errors.js';
import { tempDir } from '../../helpers/temp.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));
const noStdin = (): AsyncIterable<Uint8Array> => {
  throw new Error('standard input was read');
};
const stdinOf =
  (...chunks: Uint8Array[]) =>
  (): AsyncIterable<Uint8Array> =>
    (async function* () {
      for (const chunk of chunks) {
        await setImmediate();
        yield chunk;
      }
    })();
const small: InputLimit = { bytes: 10, what: 'a test file' };

describe('readTextInput', () => {
  it('drops a leading byte-order mark, from a file and from standard input', async () => {
    const path = join(tempDir(), 'bom.txt');
    writeFileSync(path, bytes([0xef, 0xbb, 0xbf], 'Café'));
    expect(await readTextInput('--description-file', path, INPUT_LIMITS.description, noStdin)).toBe('Café');
    const stdin = stdinOf(bytes([0xef, 0xbb]), bytes([0xbf, 0x7b]), bytes('}'));
    expect(await readTextInput('import', '-', INPUT_LIMITS.export, stdin)).toBe('{}');
  });

  it.each<[string, Uint8Array, number]>([
    ['a Latin-1 byte', bytes('line one\nCaf', [0xe9], '\n'), 2],
    ['a sequence cut short at the end', bytes('a\nb\nc', [0xe2, 0x82]), 3],
    ['an encoded surrogate', bytes([0xed, 0xa0, 0x80]), 1],
    ['an overlong encoding', bytes('x\n', [0xc0, 0xaf]), 2],
  ])('refuses %s with exit 2, naming the line', async (_, input, line) => {
    const read = readTextInput('import', '-', INPUT_LIMITS.export, stdinOf(input));
    await expect(read).rejects.toThrow(UsageError);
    await expect(read).rejects.toThrow(`import -: line ${line} is not valid UTF-8.`);
  });

  it('takes exactly the limit, and stops an endless standard input just past it', async () => {
    expect(await readTextInput('-x', '-', small, stdinOf(bytes('0123456789')))).toBe('0123456789');
    let pulled = 0;
    let closed = false;
    const endless = async function* (): AsyncGenerator<Uint8Array> {
      try {
        for (;;) {
          await setImmediate();
          pulled++;
          yield bytes('0123');
        }
      } finally {
        closed = true;
      }
    };
    await expect(readTextInput('--message-file', '-', small, endless)).rejects.toMatchObject({
      exitCode: 2,
      message: '--message-file -: larger than 0.00001 MB, the most a test file may hold.',
      hint: 'Check what is piped into standard input.',
    });
    expect(pulled).toBe(3);
    expect(closed).toBe(true);
  });

  it('refuses a larger file, a directory and a missing file (exit 2)', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(11));
    const refusal = (path: string) => readTextInput('--answer-file', path, small, noStdin);
    await expect(refusal(big)).rejects.toThrow(`--answer-file ${big}: larger than 0.00001 MB`);
    await expect(refusal(dir)).rejects.toThrow(`--answer-file ${dir}: cannot read it (it is a directory).`);
    await expect(refusal(join(dir, 'nope'))).rejects.toThrow('cannot read it (no such file).');
    await expect(refusal(dir)).rejects.toBeInstanceOf(UsageError);
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses /dev/zero at the limit', async () => {
    await expect(readTextInput('--description-file', '/dev/zero', INPUT_LIMITS.description, noStdin)).rejects.toThrow(
      '--description-file /dev/zero: larger than 1 MB, the most a description may hold.',
    );
  });
});
