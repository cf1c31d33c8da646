/** Input rules for the free-text fields of a claim. */
import type { Parsed } from './parsed.js';

export const MAX_DESCRIPTION = 10_000;
const MAX_LINE = 500;
/** An evidence caption is one line a support agent reads beside the file name. */
const MAX_CAPTION = 200;

export interface TextOptions {
  /** Longest accepted text after trimming. */
  max?: number;
  /** Whether line breaks and tabs are allowed (descriptions, messages). */
  multiline?: boolean;
}

// Newlines and tabs are the only control characters a pasted message legitimately holds.
/* eslint-disable no-control-regex -- these patterns exist to find control characters */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_SINGLE_LINE_GLOBAL = new RegExp(CONTROL_SINGLE_LINE.source, 'g');
/* eslint-enable no-control-regex */

/** Trims, refuses control characters and over-long text, and turns CRLF into LF. */
export function parseText(text: string, options: TextOptions = {}): Parsed<string> {
  const multiline = options.multiline ?? false;
  const max = options.max ?? (multiline ? MAX_DESCRIPTION : MAX_LINE);
  const value = text.replace(/\r\n?/g, '\n').trim();
  if (value === '') return { ok: false, error: 'is empty' };
  if ((multiline ? CONTROL : CONTROL_SINGLE_LINE).test(value)) {
    return {
      ok: false,
      error: multiline ? 'contains control characters' : 'contains line breaks or control characters',
    };
  }
  if (value.length > max)
    return { ok: false, error: `is ${value.length} characters long; at most ${max} are accepted` };
  return { ok: true, value };
}

export function parseCaption(text: string): Parsed<string> {
  return parseText(text, { max: MAX_CAPTION });
}

export function parseEmail(text: string): Parsed<string> {
  const value = text.trim();
  if (CONTROL_SINGLE_LINE.test(value)) return { ok: false, error: 'contains control characters' };
  // Plausible, not RFC-complete: one @, a dot in the domain, no spaces. Support replies go here.
  if (/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}$/.test(value) && value.length <= 254) {
    return { ok: true, value };
  }
  return { ok: false, error: `"${text}" is not an email address (like name@example.com)` };
}

export function parseAdvertiserId(text: string): Parsed<string> {
  const value = text.trim();
  if (/^\d{1,32}$/.test(value)) return { ok: true, value };
  return {
    ok: false,
    error: `"${text}" is not an advertiser ID; it is digits only (Ads Manager shows it under the account name)`,
  };
}

/** TikTok usernames: letters, digits, `_` and `.`, up to 24 characters; stored as `@name`. */
export function parseCreatorHandle(text: string): Parsed<string> {
  const value = text.trim().replace(/^@/, '');
  if (/^[A-Za-z0-9._]{1,24}$/.test(value)) return { ok: true, value: `@${value}` };
  return { ok: false, error: `"${text}" is not a TikTok handle (letters, digits, "_" and ".", like @studio.name)` };
}

/** A file name as it may be printed: control characters (terminal escapes) become U+FFFD. */
export function printableName(name: string): string {
  return name.replace(CONTROL_SINGLE_LINE_GLOBAL, '\uFFFD');
}

/**
 * Text that came from elsewhere (a zip's entry names, its manifest), as it may be printed: each
 * control character is shown as its escape, `\x1b` or `\u2028`, so that it cannot act on a
 * terminal yet a hostile name still says what it holds. Stored names use printableName instead.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL_SINGLE_LINE_GLOBAL, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
