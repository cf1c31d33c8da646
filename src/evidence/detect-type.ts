/**
 * What a file is, from its content rather than its name: `file-type` knows the binary formats by
 * their magic numbers. Plain text, CSV and saved emails have none: their name says which they
 * are, and when it does not, they are sniffed here.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';

export interface DetectedType {
  mime: string;
  /** Human words for error messages: "a ZIP archive (application/zip)". */
  description: string;
  supported: boolean;
}

const SPREADSHEETS = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.spreadsheet',
]);

/** Text formats whose name is the best witness of what they are: content cannot tell them apart. */
const TEXT_BY_EXTENSION: ReadonlyMap<string, string> = new Map([
  ['txt', 'text/plain'],
  ['csv', 'text/csv'],
  ['tsv', 'text/tab-separated-values'],
  ['eml', 'message/rfc822'],
]);

const TEXT_TYPES = new Set(TEXT_BY_EXTENSION.values());

export function isSupportedMime(mime: string): boolean {
  return (
    mime.startsWith('image/') ||
    mime.startsWith('video/') ||
    mime === 'application/pdf' ||
    TEXT_TYPES.has(mime) ||
    SPREADSHEETS.has(mime)
  );
}

const SNIFF_BYTES = 64 * 1024;

export async function detectType(path: string): Promise<DetectedType> {
  const { fileTypeFromFile } = await import('file-type');
  const found = await fileTypeFromFile(path);
  return described(found, found ? null : textType(basename(path), await readHead(path)));
}

/** The same, for content held in memory (an email's attachment) under the name it came with. */
export async function detectContentType(name: string, content: Uint8Array): Promise<DetectedType> {
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(content);
  return described(found, found ? null : textType(name, content.subarray(0, SNIFF_BYTES)));
}

function described(found: { mime: string; ext: string } | undefined, text: string | null): DetectedType {
  const mime = found?.mime ?? text;
  if (mime === null) {
    return { mime: 'application/octet-stream', description: 'an unrecognised binary file', supported: false };
  }
  // Old Office files (.xls, .doc) share one container format that cannot be told apart.
  if (mime === 'application/x-cfb') {
    return {
      mime,
      description: 'a legacy Microsoft Office file (.xls or .doc); save it as .xlsx or PDF',
      supported: false,
    };
  }
  const ext = found ? ` .${found.ext}` : '';
  return { mime, description: `a${ext} file of type ${mime}`, supported: isSupportedMime(mime) };
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The type of a file whose content is text: what its name says among .txt, .csv, .tsv and .eml
 * (a chat log with commas in it stays text/plain); what its content looks like when the name says
 * nothing. Null for binary content, whatever the name.
 */
export function textType(name: string, head: Uint8Array): string | null {
  const sniffed = sniffText(head);
  if (sniffed === null) return null;
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return TEXT_BY_EXTENSION.get(extension) ?? sniffed;
}

/** `text/plain`, `text/csv` or `message/rfc822` for text; null for binary content. */
export function sniffText(head: Uint8Array): string | null {
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16) return 'text/plain';
  if (head.includes(0)) return null;
  let text: string;
  try {
    // `stream: true` tolerates a character cut in half at the end of the sample.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- binary content shows as control characters
  if (/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text)) return null;
  const lines = text.split(/\r?\n/);
  if (looksLikeEmail(lines)) return 'message/rfc822';
  if (looksLikeCsv(lines)) return 'text/csv';
  return 'text/plain';
}

function looksLikeEmail(lines: string[]): boolean {
  const end = lines.indexOf('');
  const headers = lines.slice(0, end === -1 ? 50 : end);
  const names = headers
    .filter((line) => !/^[ \t]/.test(line))
    .map((line) => /^([A-Za-z][A-Za-z0-9-]*):/.exec(line)?.[1]?.toLowerCase());
  if (headers.length === 0 || names.some((name) => name === undefined)) return false;
  const known = ['from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'received', 'return-path'];
  return names.filter((name) => name !== undefined && known.includes(name)).length >= 2;
}

function looksLikeCsv(lines: string[]): boolean {
  const sample = lines.filter((line) => line !== '').slice(0, 20);
  // The last sampled line may be cut short by the sample size.
  const whole = sample.length > 2 ? sample.slice(0, -1) : sample;
  if (whole.length < 2) return false;
  return [',', ';', '\t'].some((delimiter) => {
    const counts = whole.map((line) => line.split(delimiter).length - 1);
    const first = counts[0] ?? 0;
    return first > 0 && counts.every((count) => count === first);
  });
}
