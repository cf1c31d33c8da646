import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleProblem } from '../../../src/app/deps.js';
import { NotAFileError, ZipFormatError, ZipReader } from '../../../src/bundle/read-zip.js';
import { verifyBundle } from '../../../src/bundle/verify-bundle.js';
import { UsageError } from '../../../src/domain/errors.js';
import { rawZip, vouchingLists } from '../../helpers/raw-zip.js';
import type { RawEntry } from '../../helpers/raw-zip.js';
import { tempDir } from '../../helpers/temp.js';

function zipFile(entries: readonly RawEntry[]): string {
  const path = join(tempDir(), 'hostile.zip');
  writeFileSync(path, rawZip(entries));
  return path;
}

/** A bundle whose lists vouch for `files`, so that only what the test breaks can be reported. */
function bundleOf(files: readonly { name: string; data: string | Buffer }[], extra: readonly RawEntry[] = []): string {
  return zipFile([...files.map((file) => ({ ...file, deflate: true })), ...vouchingLists(files), ...extra]);
}

const byKind = (problems: readonly BundleProblem[], kind: BundleProblem['kind']): (string | null)[] =>
  problems.filter((problem) => problem.kind === kind).map((problem) => problem.entry);

describe('verify of a hostile zip: structure', () => {
  it('accepts a well-formed bundle written by the test builder (the baseline for the cases below)', async () => {
    const path = bundleOf([
      { name: 'ticket.txt', data: 'hello\n' },
      { name: 'evidence/01-receipt-a.pdf', data: Buffer.alloc(5000, 7) },
    ]);
    expect(await verifyBundle(path)).toEqual({ claimId: 'RC-0001', entries: 4, problems: [] });
  });

  it('marks 2,000 central-directory entries aliasing one stream as malformed and reads none of them', async () => {
    // 64 MiB of zeros deflate to 64 KiB: read once per alias, that is 125 GiB of inflating.
    const bomb = Buffer.alloc(64 * 1024 * 1024);
    const name = 'evidence/01-other-zeros.bin';
    const aliases: RawEntry[] = Array.from({ length: 2000 }, () => ({ name, aliasOf: 0 }));
    const path = zipFile([{ name, data: bomb, deflate: true }, ...aliases, ...vouchingLists([{ name, data: bomb }])]);

    const started = performance.now();
    const reader = await ZipReader.open(path);
    try {
      const flagged = reader.entries.filter((entry) => entry.name === name);
      expect(flagged).toHaveLength(2001);
      for (const entry of flagged) {
        expect(entry.problem).toBe(
          'shares bytes in the file with another entry of the same name (entries must not overlap)',
        );
      }
      await expect(reader.stream(flagged[0] as (typeof flagged)[0]).toArray()).rejects.toThrow(ZipFormatError);
    } finally {
      await reader.close();
    }
    const report = await verifyBundle(path);
    const elapsed = performance.now() - started;

    const malformed = report.problems.filter((problem) => problem.kind === 'malformed' && problem.entry === name);
    expect(malformed.filter((problem) => problem.detail.startsWith('shares bytes'))).toHaveLength(2001);
    // Only SHA256SUMS and manifest.json were read.
    expect(report.entries).toBe(2);
    expect(elapsed).toBeLessThan(3000);
  });

  it('catches aliases under other names by their local header, and an entry hidden inside another', async () => {
    // Entry 0's stored data is itself a complete local header and data for "inner.txt".
    const inner = rawZip([{ name: 'inner.txt', data: 'smuggled' }]).subarray(0, 30 + 'inner.txt'.length + 8);
    const path = zipFile([
      { name: 'outer.bin', data: inner },
      { name: 'alias.bin', aliasOf: 0 },
      {
        name: 'inner.txt',
        aliasOf: 0,
        offsetShift: 30 + 'outer.bin'.length,
        declaredSize: 8,
        declaredCompressedSize: 8,
      },
    ]);
    // The alias's central entry points at the outer header, so its sizes are the outer entry's.
    const reader = await ZipReader.open(path);
    try {
      expect(reader.entries.map((entry) => [entry.name, entry.problem])).toEqual([
        ['outer.bin', expect.stringMatching(/^shares bytes in the file with inner\.txt/)],
        ['alias.bin', 'is named "outer.bin" in its local header (the two names must be the same)'],
        ['inner.txt', expect.stringMatching(/^shares bytes in the file with outer\.bin/)],
      ]);
    } finally {
      await reader.close();
    }
  });

  it('stops an entry that inflates past its declared size after that many bytes', async () => {
    const data = 'x'.repeat(4 * 1024 * 1024);
    const path = zipFile([{ name: 'a.txt', data, deflate: true, declaredSize: 100 }]);
    const reader = await ZipReader.open(path);
    let received = 0;
    try {
      const [entry] = reader.entries;
      if (!entry) throw new Error('no entry');
      const read = async (): Promise<void> => {
        for await (const chunk of reader.stream(entry)) received += (chunk as Buffer).length;
      };
      await expect(read()).rejects.toThrow('inflates to more than the 100 bytes it declares');
    } finally {
      await reader.close();
    }
    expect(received).toBeLessThanOrEqual(100);

    const report = await verifyBundle(
      zipFile([{ name: 'a.txt', data, deflate: true, declaredSize: 100 }, ...vouchingLists([{ name: 'a.txt', data }])]),
    );
    expect(report.problems).toEqual([
      { kind: 'malformed', entry: 'a.txt', detail: 'inflates to more than the 100 bytes it declares' },
    ]);
  });

  it('reports sizes that lie, names that differ between the headers, data past the entries', async () => {
    const files = [
      { name: 'stored.bin', data: Buffer.alloc(1000, 1) },
      { name: 'renamed.txt', data: 'the local header says otherwise' },
      { name: 'long.txt', data: 'declares more data than the file holds' },
    ];
    const path = zipFile([
      { ...files[0]!, declaredSize: 999 },
      { ...files[1]!, localName: 'renamed.TXT' },
      { ...files[2]!, declaredCompressedSize: 50_000 },
      ...vouchingLists(files),
    ]);
    const report = await verifyBundle(path);
    expect(report.problems).toEqual([
      {
        kind: 'malformed',
        entry: 'renamed.txt',
        detail: 'is named "renamed.TXT" in its local header (the two names must be the same)',
      },
      {
        kind: 'malformed',
        entry: 'long.txt',
        detail: 'declares 50000 bytes of data, which run past the entries into the central directory',
      },
      {
        kind: 'malformed',
        entry: 'stored.bin',
        detail: 'is stored as 1000 bytes but declares 999 (its sizes disagree)',
      },
    ]);
  });

  it('reports a manifest.json or SHA256SUMS that overlaps another entry, without reading it', async () => {
    const files = [{ name: 'ticket.txt', data: 'hello\n' }];
    const [manifest, sums] = vouchingLists(files) as [RawEntry, RawEntry];
    const path = zipFile([...files, manifest, sums, { name: 'manifest.json', aliasOf: 1 }]);
    const report = await verifyBundle(path);
    expect(byKind(report.problems, 'malformed')).toEqual(['manifest.json', 'manifest.json', 'manifest.json']);
    expect(report.problems.at(-1)).toMatchObject({ kind: 'malformed', detail: 'appears twice' });
    expect(report.claimId).toBeNull();
  });
});

describe('verify of a hostile zip: names', () => {
  it('reports every name that climbs out as unsafe, even when every checksum matches', async () => {
    const climbing = ['../evil.txt', '/abs.txt', 'a\\b.txt', 'C:x.txt', 'evidence/../../up.txt', 'evil\u001b[2J.txt'];
    const safe = ['evidence/..hidden.txt', 'evidence/a..b.txt', 'notes/C:x.txt'];
    const files = [...climbing, ...safe].map((name) => ({ name, data: `content of ${name}\n` }));
    const report = await verifyBundle(bundleOf(files, [{ name: '../outside/' }]));

    expect(byKind(report.problems, 'unsafe')).toEqual([...climbing, '../outside/']);
    expect(report.problems.filter((problem) => problem.kind !== 'unsafe')).toEqual([]);
    const detail = (name: string): string | undefined =>
      report.problems.find((problem) => problem.entry === name)?.detail;
    expect(detail('../evil.txt')).toBe('climbs out of the target folder with ".."');
    expect(detail('/abs.txt')).toBe('is an absolute path, which unzips outside the target folder');
    expect(detail('a\\b.txt')).toBe('holds a backslash, a folder separator on Windows');
    expect(detail('C:x.txt')).toBe('starts with a drive letter, which unzips outside the target folder on Windows');
    expect(detail('evil\u001b[2J.txt')).toBe('holds control characters');
    // Every file was still hashed: the names are the problem, not the bytes.
    expect(report.entries).toBe(files.length + 2);
  });
});

describe('verify of something that is not a file', () => {
  it('refuses a FIFO at once, without waiting for a writer (exit 2)', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.zip');
    execFileSync('mkfifo', [fifo]);
    const started = performance.now();
    await expect(ZipReader.open(fifo)).rejects.toThrow(NotAFileError);
    const error = await verifyBundle(fifo).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).message).toBe(`Cannot read ${fifo}: it is a FIFO (named pipe), not a file.`);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a device and a directory by name (exit 2)', async () => {
    await expect(verifyBundle('/dev/zero')).rejects.toThrow('Cannot read /dev/zero: it is a device, not a file.');
    const dir = join(tempDir(), 'folder.zip');
    mkdirSync(dir);
    await expect(verifyBundle(dir)).rejects.toThrow(`Cannot read ${dir}: it is a directory, not a file.`);
  });
});
