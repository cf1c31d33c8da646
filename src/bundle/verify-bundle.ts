/**
 * `verify <bundle.zip>`: reads a finished bundle back and checks every entry against SHA256SUMS and
 * manifest.json, naming each entry that is missing, extra or altered.
 */
import { createHash } from 'node:crypto';
import type { BundleProblem, BundleReport } from '../app/deps.js';
import { UsageError, UserError } from '../domain/errors.js';
import { printable } from '../domain/text.js';
import { MANIFEST_ENTRY, SUMS_ENTRY, parseManifest, parseSha256Sums } from './manifest.js';
import { NotAFileError, ZipFormatError, ZipReader } from './read-zip.js';
import type { ZipEntry } from './read-zip.js';
import { errnoCode } from '../fs/errno.js';

/** SHA256SUMS and manifest.json are read whole; a bundle of thousands of files stays far below this. */
const MAX_LIST_BYTES = 16 * 1024 * 1024;

interface Expected {
  fromSums?: string;
  fromManifest?: string;
  bytes?: number;
}

export async function verifyBundle(path: string): Promise<BundleReport> {
  const zip = await openZip(path);
  try {
    const problems: BundleProblem[] = [];
    // Directories too: `../x/` makes a folder outside as surely as `../x` makes a file. An entry
    // with a problem of its own is reported here once and never read below.
    for (const entry of zip.entries) {
      const unsafe = unsafeName(entry.name);
      if (unsafe !== null) problems.push({ kind: 'unsafe', entry: entry.name, detail: unsafe });
      if (entry.problem !== null) problems.push({ kind: 'malformed', entry: entry.name, detail: entry.problem });
    }
    const files = zip.entries.filter((entry) => !entry.isDirectory);
    const byName = new Map<string, ZipEntry>();
    for (const entry of files) {
      if (byName.has(entry.name)) problems.push({ kind: 'malformed', entry: entry.name, detail: 'appears twice' });
      byName.set(entry.name, entry);
    }

    const expected = new Map<string, Expected>();
    const expect = (name: string): Expected => {
      let item = expected.get(name);
      if (!item) expected.set(name, (item = {}));
      return item;
    };

    const sumsText = await readList(zip, byName.get(SUMS_ENTRY), SUMS_ENTRY, problems);
    const sums = sumsText === null ? null : parseSha256Sums(sumsText);
    for (const line of sums?.malformed ?? []) {
      problems.push({ kind: 'malformed', entry: SUMS_ENTRY, detail: `line ${line} is not "<sha256>  <name>"` });
    }
    for (const [name, sha256] of sums?.sums ?? []) expect(name).fromSums = sha256;

    const manifestText = await readList(zip, byName.get(MANIFEST_ENTRY), MANIFEST_ENTRY, problems);
    const manifest = manifestText === null ? null : parseManifest(manifestText);
    if (manifestText !== null && manifest === null) {
      problems.push({ kind: 'malformed', entry: MANIFEST_ENTRY, detail: 'is not a refund-claim bundle manifest' });
    }
    for (const file of manifest?.files ?? []) {
      const item = expect(file.name);
      item.fromManifest = file.sha256;
      item.bytes = file.bytes;
      if (sums && item.fromSums === undefined) {
        problems.push({ kind: 'malformed', entry: file.name, detail: 'is in manifest.json but not in SHA256SUMS' });
      }
    }

    // SHA256SUMS vouches for itself only by being readable; every other entry is hashed below.
    let entries = sumsText === null ? 0 : 1;
    for (const entry of files) {
      if (entry.name === SUMS_ENTRY) continue;
      const want = expected.get(entry.name);
      if (!want) {
        problems.push({ kind: 'extra', entry: entry.name, detail: 'is not listed in SHA256SUMS or manifest.json' });
        continue;
      }
      if (entry.problem !== null) continue;
      let actual: { sha256: string; bytes: number };
      try {
        actual = await hashEntry(zip, entry);
      } catch (error) {
        problems.push(readProblem(entry.name, error));
        continue;
      }
      entries++;
      const reasons: string[] = [];
      if (want.fromSums !== undefined && actual.sha256 !== want.fromSums)
        reasons.push('SHA-256 differs from SHA256SUMS');
      if (want.fromManifest !== undefined && actual.sha256 !== want.fromManifest) {
        reasons.push('SHA-256 differs from manifest.json');
      }
      if (want.bytes !== undefined && actual.bytes !== want.bytes) {
        reasons.push(`${actual.bytes} bytes, manifest.json says ${want.bytes}`);
      } else if (actual.bytes !== entry.size) {
        reasons.push(`${actual.bytes} bytes, the zip directory says ${entry.size}`);
      }
      if (reasons.length > 0) problems.push({ kind: 'altered', entry: entry.name, detail: reasons.join('; ') });
    }
    for (const name of expected.keys()) {
      if (!byName.has(name)) {
        const where = expected.get(name)?.fromSums !== undefined ? 'SHA256SUMS' : 'manifest.json';
        problems.push({ kind: 'missing', entry: name, detail: `is listed in ${where} but not in the bundle` });
      }
    }
    return { claimId: manifest?.claimId ?? null, entries, problems };
  } finally {
    await zip.close();
  }
}

/** The zip's structure (sizes that lie) is malformed; bytes that do not inflate were altered. */
function readProblem(name: string, error: unknown): BundleProblem {
  if (error instanceof ZipFormatError) return { kind: 'malformed', entry: name, detail: error.message };
  return { kind: 'altered', entry: name, detail: `cannot be read (${(error as Error).message})` };
}

async function openZip(path: string): Promise<ZipReader> {
  try {
    return await ZipReader.open(path);
  } catch (error) {
    // These messages name entries of the zip, which may hold terminal escapes.
    const shown = printable(path);
    if (error instanceof ZipFormatError) {
      throw new UserError(
        `${shown} cannot be verified: ${printable(error.message)}.`,
        'Make a fresh bundle with `refund-claim bundle <id> --force`.',
      );
    }
    if (error instanceof NotAFileError) throw new UsageError(`Cannot read ${shown}: ${error.message}.`);
    const code = errnoCode(error);
    if (code === 'ENOENT') throw new UsageError(`Bundle not found: ${shown}.`, 'Check the path.');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR' || code === 'ENXIO') {
      const why = { EISDIR: 'it is a directory', ENXIO: 'it is a socket or device, not a file' }[code as string];
      throw new UsageError(`Cannot read ${shown}: ${why ?? 'permission denied'}.`);
    }
    throw error;
  }
}

/** SHA256SUMS or manifest.json as text; a problem and null when it is absent or unreadable. */
async function readList(
  zip: ZipReader,
  entry: ZipEntry | undefined,
  name: string,
  problems: BundleProblem[],
): Promise<string | null> {
  if (!entry) {
    problems.push({ kind: 'missing', entry: name, detail: 'is not in the bundle' });
    return null;
  }
  // Already reported as malformed, with every other entry's structural problem.
  if (entry.problem !== null) return null;
  try {
    const text = await zip.text(entry, MAX_LIST_BYTES);
    if (text === null) problems.push({ kind: 'malformed', entry: name, detail: 'is too large to be a bundle list' });
    return text;
  } catch (error) {
    problems.push(readProblem(name, error));
    return null;
  }
}

async function hashEntry(zip: ZipReader, entry: ZipEntry): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of zip.stream(entry)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Why unzipping the entry would write outside the folder it is unzipped into, or under a name no
 * system should hold; null when it would not. Windows tools split names at backslashes too.
 */
function unsafeName(name: string): string | null {
  const reasons: string[] = [];
  if (name === '') reasons.push('has an empty name');
  if (/^[/\\]/.test(name)) reasons.push('is an absolute path, which unzips outside the target folder');
  else if (/^[A-Za-z]:/.test(name))
    reasons.push('starts with a drive letter, which unzips outside the target folder on Windows');
  if (name.split(/[/\\]/).includes('..')) reasons.push('climbs out of the target folder with ".."');
  if (name.includes('\\')) reasons.push('holds a backslash, a folder separator on Windows');
  // eslint-disable-next-line no-control-regex -- control characters are what is being refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) reasons.push('holds control characters');
  return reasons.length === 0 ? null : reasons.join('; ');
}
