/** The free text of a claim: what is accepted as input, wherever it comes from, and how it is printed. */
import type { Parsed } from './parsed.js';

export const MAX_DESCRIPTION = 10_000;
const MAX_LINE = 500;
/** An evidence caption is one line a support agent reads beside the file name. */
export const MAX_CAPTION = 200;

export interface TextOptions {
  /** Longest accepted text after trimming, in characters (code points). */
  max?: number;
  /** Whether line breaks and tabs are allowed (descriptions, messages). */
  multiline?: boolean;
}

// Newlines and tabs are the only control characters a pasted message legitimately holds.
/* eslint-disable no-control-regex -- these patterns exist to find control characters */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/* eslint-enable no-control-regex */
// A name or ID with these reads as something it is not ("invoice\u202Efdp.exe" shows as
// "invoiceexe.pdf"), or hides a difference between two that look the same. The joiners
// U+200C/U+200D are not here: emoji and several scripts need them.
const DECEPTIVE = /[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]/;
// With the `u` flag a paired surrogate is one code point, so only a lone half matches. JSON can
// spell one (`"\ud800"`), and no UTF-8 encodes it.
const LONE_SURROGATE = /[\ud800-\udfff]/u;
/*
 * What a terminal may act on instead of showing, or what makes text read as something it is not:
 * C0 controls, DEL, C1 controls (U+009B is a CSI on its own), the line and paragraph separators,
 * the bidi controls and invisible characters, and a lone surrogate. Typed text holding one is
 * refused (parseText, parseName); text from an import, a zip, a hand-edited database or a file
 * name is shown escaped (printable) or, for a name that is kept, replaced (printableName).
 */
const UNPRINTABLE = new RegExp(`${CONTROL_SINGLE_LINE.source}|${DECEPTIVE.source}|${LONE_SURROGATE.source}`, 'u');
const UNPRINTABLE_GLOBAL = new RegExp(UNPRINTABLE.source, 'gu');
// In multiline text line feeds and tabs are layout, not controls (a lone CR still is one).
/* eslint-disable-next-line no-control-regex -- this pattern exists to find control characters */
const CONTROL_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const UNPRINTABLE_IN_LINES = new RegExp(`${CONTROL_IN_LINES.source}|${DECEPTIVE.source}|${LONE_SURROGATE.source}`, 'u');
const UNPRINTABLE_IN_LINES_GLOBAL = new RegExp(UNPRINTABLE_IN_LINES.source, 'gu');

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
export function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}

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
  if (LONE_SURROGATE.test(value)) return { ok: false, error: 'is not valid Unicode (it holds half a character)' };
  const length = codePointLength(value);
  if (length > max) return { ok: false, error: `is ${length} characters long; at most ${max} are accepted` };
  return { ok: true, value };
}

/**
 * Names and IDs (account and promotion names and IDs, ticket numbers, file names): one line, and
 * no direction controls or invisible characters.
 */
export function parseName(text: string, options: { max?: number } = {}): Parsed<string> {
  const parsed = parseText(text, options);
  if (!parsed.ok) return parsed;
  const deceptive = deceptiveCharacter(parsed.value);
  return deceptive === null ? parsed : { ok: false, error: `contains ${deceptive}` };
}

/** A caption: one line for the support agent beside an evidence file. */
export function parseCaption(text: string): Parsed<string> {
  return parseText(text, { max: MAX_CAPTION });
}

function deceptiveCharacter(text: string): string | null {
  const found = DECEPTIVE.exec(text)?.[0];
  if (found === undefined) return null;
  const code = `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `an invisible or direction-changing character (${code})`;
}

export function parseEmail(text: string): Parsed<string> {
  const value = text.trim();
  if (CONTROL_SINGLE_LINE.test(value)) return { ok: false, error: 'contains control characters' };
  const deceptive = deceptiveCharacter(value);
  if (deceptive !== null) return { ok: false, error: `contains ${deceptive}` };
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
const MULTILINE_KEYS: ReadonlySet<string> = new Set(['description', 'message', 'reason', 'answer', 'cancelReason']);

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

/** "1 claim", "2 claims": a count with its noun, in every message that counts. */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}
