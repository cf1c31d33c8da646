/** The free text of a claim: what is accepted as input, and how stored text is printed. */
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

export interface PrintableOptions {
  /** Keep line breaks and tabs: text laid out over lines (a description, a message, a draft). */
  multiline?: boolean;
}

/*
 * What a terminal may act on instead of showing: C0 controls, DEL, C1 controls (U+009B is a CSI
 * on its own), the line and paragraph separators, and the bidi embeddings, overrides and isolates
 * that make text read differently from what it holds. Typed text holding a control character is
 * refused (parseText); text from an import, a hand-edited database or a file name is shown
 * escaped.
 */
/* eslint-disable no-control-regex -- these patterns exist to find control characters */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNPRINTABLE_GLOBAL = new RegExp(UNPRINTABLE.source, 'g');
const UNPRINTABLE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNPRINTABLE_IN_LINES_GLOBAL = new RegExp(UNPRINTABLE_IN_LINES.source, 'g');
/* eslint-enable no-control-regex */

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeCharacter(char: string): string {
  const code = char.charCodeAt(0);
  return (
    NAMED_ESCAPES[char] ??
    (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
  );
}

/**
 * The text as it may be printed: every character a terminal could act on is shown as an escape
 * (`\x1b`, `\r`, `\u202e`). Multiline text keeps its line ends (a CRLF becomes one LF) and tabs.
 * Text with nothing to escape is returned as it is, the same string.
 */
export function printable(text: string, options: PrintableOptions = {}): string {
  if (!options.multiline) return UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE_GLOBAL, escapeCharacter) : text;
  if (!UNPRINTABLE_IN_LINES.test(text)) return text;
  return text.replace(/\r\n/g, '\n').replace(UNPRINTABLE_IN_LINES_GLOBAL, escapeCharacter);
}

/**
 * A file name as it is stored: what a terminal could act on becomes U+FFFD. Replaced, not
 * escaped, because the name is used as a name: an escape's backslash would read as a folder in
 * the bundle's entry names.
 */
export function printableName(name: string): string {
  return name.replace(UNPRINTABLE_GLOBAL, '\uFFFD');
}

/** The keys of free text laid out over lines: a description, a message, a reason given, an answer. */
const MULTILINE_KEYS: ReadonlySet<string> = new Set(['description', 'message', 'reason', 'answer']);

/**
 * A claim, a summary or a template view with every string in it, at any depth, made
 * printable; free text laid out over lines keeps its line breaks. New fields are covered
 * without being named here.
 */
export function printableFields<T>(value: T): T {
  return printableValue(value, false) as T;
}

function printableValue(value: unknown, multiline: boolean): unknown {
  if (typeof value === 'string') return printable(value, { multiline });
  if (Array.isArray(value)) return value.map((item: unknown) => printableValue(item, multiline));
  if (value === null || typeof value !== 'object') return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, printableValue(item, MULTILINE_KEYS.has(key))]),
  );
}
