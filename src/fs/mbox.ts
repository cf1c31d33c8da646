/**
 * Splits an mbox file (RFC 4155) into its messages as the bytes stream in, never holding more
 * than one message: a message is the lines after a `From ` separator line up to the next one.
 * Written here rather than taken from a package: the mbox readers on npm hold a message whole
 * however large it is (a 60 MB message must be refused without being read into memory) and
 * either pull in a charset library only to read Gmail's labels (mbox-reader) or leave mboxrd's
 * `>From ` quoting in the message (node-mbox).
 *
 * Separator: a line starting with `From ` at the start of the file or after an empty line, as
 * most mbox writers put it, or anywhere when it has RFC 4155's exact form (`From sender Mon Nov
 * 16 09:00:00 2026`), for writers that leave the empty line out; any other `From ` line inside a
 * body is text. The empty line before a separator belongs to the separator. Quoted lines (`>From `, `>>From `) lose one `>`
 * (mboxrd, which is also right for mboxo's single `>`).
 */

export interface MboxMessage {
  /** 1 for the first message of the file. */
  number: number;
  /** The message's bytes; null when it is larger than the limit (it was skipped, not held). */
  bytes: Uint8Array | null;
}

export class NotAnMboxError extends Error {}

const FROM = Buffer.from('From ');
const NEWLINE = 0x0a;

const isSeparator = (line: Uint8Array): boolean =>
  line.length >= FROM.length && FROM.every((byte, index) => line[index] === byte);
/** RFC 4155's From_ line: sender, then an asctime date (`Mon Nov 16 09:00:00 2026`). */
const FROM_LINE =
  /^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d{1,2}:\d{2}(?::\d{2})? (?:[A-Z]{3,4} )?\d{4}\b/;
const isStrictSeparator = (line: Uint8Array): boolean =>
  isSeparator(line) && FROM_LINE.test(Buffer.from(line.subarray(0, 200)).toString('latin1'));
const isEmpty = (line: Uint8Array): boolean =>
  (line.length === 1 && line[0] === NEWLINE) || (line.length === 2 && line[0] === 0x0d && line[1] === NEWLINE);

/** Whether these first bytes of a file start like an mbox: a `From ` separator line. */
export function looksLikeMbox(head: Uint8Array): boolean {
  return isSeparator(head) && /^From \S+/.test(Buffer.from(head.subarray(0, 200)).toString('latin1'));
}

/** The messages of the mbox whose bytes `chunks` yields; throws NotAnMboxError when it does not start like one. */
export async function* splitMbox(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  limit: number,
): AsyncGenerator<MboxMessage> {
  let pending: Buffer = Buffer.alloc(0);
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  let number = 0;
  let afterEmpty = true;
  // Set while the rest of a line longer than the limit goes by unkept.
  let skippingLine = false;

  const finished = (): MboxMessage => {
    const message: MboxMessage = { number, bytes: tooLarge ? null : withoutSeparatorLine(Buffer.concat(parts, size)) };
    parts = [];
    size = 0;
    tooLarge = false;
    return message;
  };

  /** Takes one whole line; returns the message it ended, if it is a separator. */
  const take = (line: Uint8Array): MboxMessage | null => {
    if (number === 0 && !isSeparator(line)) throw new NotAnMboxError('it does not start with a "From " line');
    if (isSeparator(line) && (afterEmpty || isStrictSeparator(line))) {
      const previous = number > 0 ? finished() : null;
      number += 1;
      afterEmpty = false;
      return previous;
    }
    afterEmpty = isEmpty(line);
    // mboxrd: `>From ` was written for `From `, `>>From ` for `>From `.
    let start = 0;
    while (line[start] === 0x3e) start++;
    const kept = start > 0 && isSeparator(line.subarray(start)) ? line.subarray(1) : line;
    keep(kept);
    return null;
  };

  const keep = (bytes: Uint8Array): void => {
    if (tooLarge) return;
    size += bytes.length;
    if (size > limit) {
      tooLarge = true;
      parts = [];
      size = 0;
      return;
    }
    // A copy: the chunk it came from is released when the next one arrives.
    parts.push(Uint8Array.prototype.slice.call(bytes));
  };

  for await (const chunk of chunks) {
    pending = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
    let start = 0;
    for (let end = pending.indexOf(NEWLINE, start); end !== -1; end = pending.indexOf(NEWLINE, start)) {
      const line = pending.subarray(start, end + 1);
      start = end + 1;
      if (skippingLine) {
        skippingLine = false;
        afterEmpty = false;
        continue;
      }
      const ended = take(line);
      if (ended) yield ended;
    }
    pending = pending.subarray(start);
    if (pending.length > limit && number > 0) {
      // One line longer than a whole message may be: the message is too large; drop the line.
      keep(pending);
      pending = Buffer.alloc(0);
      skippingLine = true;
    }
  }
  if (pending.length > 0 && !skippingLine) {
    const ended = take(pending);
    if (ended) yield ended;
  }
  if (number === 0) throw new NotAnMboxError('it is empty');
  yield finished();
}

/** A message ends before the empty line that precedes the next separator (and the file's last one). */
function withoutSeparatorLine(bytes: Buffer): Buffer {
  if (bytes.length >= 2 && bytes[bytes.length - 1] === NEWLINE) {
    if (bytes[bytes.length - 2] === NEWLINE) return bytes.subarray(0, -1);
    if (bytes.length >= 4 && bytes.subarray(-4).equals(Buffer.from('\r\n\r\n'))) return bytes.subarray(0, -2);
  }
  return bytes;
}
