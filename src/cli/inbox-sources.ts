/**
 * What `inbox` reads: saved emails (`.eml`), folders of them, and mbox files, one email at a time
 * with its bytes, or a problem that names the file. An mbox is split as it streams (fs/mbox.ts),
 * so a large one never sits in memory whole, and one bad message leaves the others readable.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_EMAIL_BYTES } from '../domain/email.js';
import { UserError } from '../domain/errors.js';
import { errnoCode } from '../fs/errno.js';
import { looksLikeMbox, splitMbox } from '../fs/mbox.js';
import { INPUT_LIMITS, readInputBytes } from './files.js';

export type InboxItem = { file: string; bytes: Uint8Array } | { file: string; problem: string };

/** In a folder: saved emails and mbox files by name; anything else there is not read. */
const MAIL_FILE = /\.(eml|mbox|mbx)$/i;
const HEAD = 512;
const LARGER = `larger than ${MAX_EMAIL_BYTES / 1_000_000} MB, the most an email may hold`;

export async function* inboxItems(
  paths: readonly string[],
  stdin: () => AsyncIterable<Uint8Array>,
): AsyncGenerator<InboxItem> {
  for (const path of paths) {
    if (path === '-') {
      yield* fromMemory('-', await readWhole(path, stdin));
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      yield { file: path, problem: `cannot read it (${why(error)})` };
      continue;
    }
    if (info.isDirectory()) {
      yield* folder(path);
    } else if (info.isFile()) {
      yield* file(path);
    } else {
      // A FIFO or a device can be read once only: whole, up to the limit, then told apart.
      yield* fromMemory(path, await readWhole(path, stdin));
    }
  }
}

async function* folder(path: string): AsyncGenerator<InboxItem> {
  let names: string[];
  try {
    names = (await readdir(path)).filter((name) => MAIL_FILE.test(name) && !name.startsWith('.')).sort();
  } catch (error) {
    yield { file: path, problem: `cannot read the folder (${why(error)})` };
    return;
  }
  if (names.length === 0) yield { file: path, problem: 'the folder holds no .eml or .mbox files' };
  for (const name of names) {
    const inside = join(path, name);
    const info = await stat(inside).catch(() => null);
    if (info?.isFile()) yield* file(inside);
  }
}

async function* file(path: string): AsyncGenerator<InboxItem> {
  let head: Uint8Array;
  try {
    head = await readHead(path);
  } catch (error) {
    yield { file: path, problem: `cannot read it (${why(error)})` };
    return;
  }
  if (!looksLikeMbox(head)) {
    yield* fromMemory(path, await readWhole(path, () => (async function* () {})()));
    return;
  }
  try {
    for await (const message of splitMbox(createReadStream(path, { highWaterMark: 1024 * 1024 }), MAX_EMAIL_BYTES)) {
      const file = `${path}#${message.number}`;
      yield message.bytes === null ? { file, problem: LARGER } : { file, bytes: message.bytes };
    }
  } catch (error) {
    yield { file: path, problem: `cannot read it (${why(error)})` };
  }
}

/** A whole file's bytes, or its problem (too large, unreadable) as readInputBytes words it. */
async function readWhole(path: string, stdin: () => AsyncIterable<Uint8Array>): Promise<Uint8Array | string> {
  try {
    return await readInputBytes('inbox', path, INPUT_LIMITS.message, stdin);
  } catch (error) {
    if (error instanceof UserError) return error.message.replace(/^inbox \S+: /, '').replace(/\.$/, '');
    throw error;
  }
}

async function* fromMemory(path: string, bytes: Uint8Array | string): AsyncGenerator<InboxItem> {
  if (typeof bytes === 'string') {
    yield { file: path, problem: bytes };
    return;
  }
  if (!looksLikeMbox(bytes)) {
    yield { file: path, bytes };
    return;
  }
  for await (const message of splitMbox([bytes], MAX_EMAIL_BYTES)) {
    const file = `${path}#${message.number}`;
    yield message.bytes === null ? { file, problem: LARGER } : { file, bytes: message.bytes };
  }
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(HEAD);
    const { bytesRead } = await handle.read(buffer, 0, HEAD, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function why(error: unknown): string {
  const code = errnoCode(error);
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}
