import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextInput } from '../../../src/cli/files.js';
import { UsageError } from '../../../src/domain/errors.js';
import { tempDir } from '../../helpers/temp.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));
const noStdin = (): Uint8Array => {
  throw new Error('standard input was read');
};

describe('readTextInput', () => {
  it('drops a leading byte-order mark, from a file and from standard input', () => {
    const path = join(tempDir(), 'bom.txt');
    writeFileSync(path, bytes([0xef, 0xbb, 0xbf], 'Café'));
    expect(readTextInput('--description-file', path, noStdin)).toBe('Café');
    expect(readTextInput('import', '-', () => bytes([0xef, 0xbb, 0xbf], '{}'))).toBe('{}');
  });

  it.each<[string, Uint8Array, number]>([
    ['a Latin-1 byte', bytes('line one\nCaf', [0xe9], '\n'), 2],
    ['a sequence cut short at the end', bytes('a\nb\nc', [0xe2, 0x82]), 3],
    ['an encoded surrogate', bytes([0xed, 0xa0, 0x80]), 1],
    ['an overlong encoding', bytes('x\n', [0xc0, 0xaf]), 2],
  ])('refuses %s with exit 2, naming the line', (_, input, line) => {
    const read = (): string => readTextInput('import', '-', () => input);
    expect(read).toThrow(UsageError);
    expect(read).toThrow(`import -: line ${line} is not valid UTF-8.`);
  });
});
