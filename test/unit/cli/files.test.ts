import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { checkOutputPath, INPUT_LIMITS, readTextInput, writeTextFile } from '../../../src/cli/files.js';
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

describe('output paths', () => {
  /** A home with a data directory and a claims database in it. */
  function setUp(): { home: string; data: string } {
    const home = tempDir();
    const data = join(home, 'data');
    mkdirSync(join(data, 'evidence'), { recursive: true });
    writeFileSync(join(data, 'claims.db'), 'the claims');
    return { home, data };
  }

  it('writes a new file and replaces a regular one', async () => {
    const { home, data } = setUp();
    const path = join(home, 'ticket.txt');
    await writeTextFile('--out', path, 'one', data);
    await writeTextFile('--out', path, 'two', data);
    expect(readFileSync(path, 'utf8')).toBe('two');
  });

  it('never follows or replaces a symbolic link, nor a FIFO or directory', async () => {
    const { home, data } = setUp();
    const target = join(home, 'target.txt');
    writeFileSync(target, 'keep me');
    const link = join(home, 'link.txt');
    symlinkSync(target, link);
    await expect(writeTextFile('--out', link, 'text', data)).rejects.toMatchObject({
      exitCode: 2,
      message: `--out ${link} is a symbolic link, which refund-claim never writes through or replaces.`,
      hint: 'Give the path of a regular file or a new one, or - for standard output.',
    });
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(readlinkSync(link)).toBe(target);

    const fifo = join(home, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(writeTextFile('--out', fifo, 'text', data)).rejects.toThrow(
      `--out ${fifo} is a FIFO (named pipe), not a regular file.`,
    );
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    await expect(checkOutputPath('--out', home, data)).rejects.toThrow(`--out ${home} is a directory.`);
  });

  it('refuses the data directory and anything in it, however the path reaches it', async () => {
    const { home, data } = setUp();
    symlinkSync(data, join(home, 'shortcut'));
    const inside = [
      join(data, 'claims.db'),
      join(data, 'evidence', 'new.txt'),
      join(data, 'new.txt'),
      join(home, 'shortcut', 'claims.db'),
      join(data, 'evidence', '..', 'claims.db'),
    ];
    for (const path of inside) {
      const check = checkOutputPath('--out', path, data);
      await expect(check).rejects.toThrow(`--out ${path} is inside the data directory ${data};`);
      await expect(check).rejects.toBeInstanceOf(UsageError);
    }
    // Through a link to the data directory given as the data directory, too.
    await expect(checkOutputPath('--out', join(data, 'x.txt'), join(home, 'shortcut'))).rejects.toThrow(
      'is inside the data directory',
    );
    expect(readFileSync(join(data, 'claims.db'), 'utf8')).toBe('the claims');
    await expect(checkOutputPath('--out', join(home, 'data-backup.db'), data)).resolves.toBeUndefined();
  });

  it('refuses a path in a data directory not made yet', async () => {
    const home = tempDir();
    const data = join(home, 'data');
    mkdirSync(data);
    await expect(checkOutputPath('--out', join(data, 'x.ics'), join(data, 'refund-claim'))).resolves.toBeUndefined();
    await expect(checkOutputPath('--out', join(home, 'data'), join(home, 'data', 'sub'))).rejects.toThrow(
      'is a directory',
    );
    // A file where the data directory is to be made would stop it being made.
    await expect(checkOutputPath('--out', join(home, 'later'), join(home, 'later'))).rejects.toThrow(
      'is inside the data directory',
    );
  });
});
