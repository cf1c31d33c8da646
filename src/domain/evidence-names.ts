/**
 * The names evidence files carry in the bundle (`evidence/03-receipt-invoice.pdf`) and in the
 * ticket's evidence list, which must match. Safe whatever the original was called: no path
 * separators, no `..`, no control characters, at most 100 characters, unique by their number.
 */
import type { Evidence } from './claim.js';

export const MAX_NAME_LENGTH = 100;

/** The extension a support agent's computer needs to open the file, from its detected type. */
const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'image/avif': 'avif',
  'image/bmp': 'bmp',
  'image/tiff': 'tif',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'video/x-matroska': 'mkv',
  'video/x-msvideo': 'avi',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'message/rfc822': 'eml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};

function safeStem(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return stem
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

function extensionOf(item: Pick<Evidence, 'name' | 'mime'>): string {
  const known = EXTENSIONS[item.mime];
  if (known) return known;
  const original = /\.([A-Za-z0-9]{1,8})$/.exec(item.name)?.[1];
  return original?.toLowerCase() ?? 'bin';
}

/** `NN-kind-name.ext`; NN has as many digits as the largest number needs, at least two. */
export function bundleFileName(item: Pick<Evidence, 'number' | 'kind' | 'name' | 'mime'>, width = 2): string {
  const prefix = `${String(item.number).padStart(width, '0')}-${item.kind}-`;
  const ext = `.${extensionOf(item)}`;
  const room = MAX_NAME_LENGTH - prefix.length - ext.length;
  // Cut by code points so a name is never split inside a character.
  const stem = Array.from(safeStem(item.name) || 'file')
    .slice(0, room)
    .join('')
    .replace(/[-.]+$/, '');
  return `${prefix}${stem || 'file'}${ext}`;
}

export function bundleFileNames(evidence: readonly Pick<Evidence, 'number' | 'kind' | 'name' | 'mime'>[]): string[] {
  const width = Math.max(2, String(Math.max(0, ...evidence.map((e) => e.number))).length);
  return evidence.map((item) => bundleFileName(item, width));
}
