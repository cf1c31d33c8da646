/**
 * What a reply from TikTok's support (or from a creator) says has happened to a claim, read from
 * its wording. The phrases are one table, tested one by one (test/unit/domain/support-replies),
 * so that a new wording is a one-line change. Each phrase has a confidence: a clear one
 * ("your refund request has been approved") is 0.9 or more, a vague one ("approved") below 0.8,
 * and below 0.8 nothing is recorded without asking the user.
 */

export type ReplyStep = 'submit' | 'info-requested' | 'approved' | 'partially-approved' | 'denied';

export interface Phrase {
  step: ReplyStep;
  pattern: RegExp;
  confidence: number;
}

/**
 * Checked in this order; the first step with a matching phrase wins, so a partial approval is
 * found before an approval, and "not approved" as a denial before either. Patterns run on the
 * subject and the reply (without its quoted thread), lower-cased, with runs of spaces as one.
 */
export const PHRASES: readonly Phrase[] = [
  // Denials: TikTok's "unable to" wording, a creator's "can't refund".
  {
    step: 'denied',
    pattern: /\b(?:unable|not able) to (?:approve|process|issue|offer|grant|provide) (?:a |the |your |any )?refund/,
    confidence: 0.9,
  },
  {
    step: 'denied',
    pattern: /\b(?:refund |request |claim |appeal )?(?:has been|was|is) (?:denied|declined|rejected|not approved)\b/,
    confidence: 0.9,
  },
  {
    step: 'denied',
    pattern:
      /\b(?:cannot|can't|can not|won't|will not) (?:approve|issue|offer|grant|provide|give) (?:a |the |you a |your |any )?refund/,
    confidence: 0.9,
  },
  { step: 'denied', pattern: /\b(?:not|isn't|is not) eligible for (?:a |any )?refund/, confidence: 0.9 },
  {
    step: 'denied',
    pattern: /\bdoes not (?:qualify|meet the (?:criteria|requirements)) for (?:a )?refund/,
    confidence: 0.9,
  },
  { step: 'denied', pattern: /\bwe regret to inform you\b/, confidence: 0.7 },
  // Partial approvals, before approvals: "partially approved" holds "approved".
  {
    step: 'partially-approved',
    pattern: /\b(?:partially approved|partial refund|approved a partial|refund (?:a )?part of|partially refund)/,
    confidence: 0.9,
  },
  // Approvals: support's and a creator's ("I'll refund you").
  {
    step: 'approved',
    pattern:
      /\b(?:refund|request|claim|appeal|case|ticket) (?:request )?(?:has been|was|is) (?:approved|granted|accepted)\b/,
    confidence: 0.95,
  },
  {
    step: 'approved',
    pattern: /\bwe (?:have|'ve) (?:approved|issued|processed) (?:a |the |your )?refund/,
    confidence: 0.95,
  },
  {
    step: 'approved',
    pattern: /\b(?:a |the |your )?refund of .{1,40}? (?:has been|was|will be) (?:issued|processed|approved|credited)/,
    confidence: 0.9,
  },
  {
    step: 'approved',
    pattern:
      /\bi(?:'ll| will| have| 've|'ve)? (?:refund you|send (?:you )?(?:the|your) money back|(?:sent|issued) (?:you )?(?:a |the |your )?refund)/,
    confidence: 0.9,
  },
  { step: 'approved', pattern: /\bapproved\b/, confidence: 0.6 },
  // Requests for information.
  {
    step: 'info-requested',
    pattern:
      /\b(?:please|kindly|could you(?: please)?|can you(?: please)?) (?:provide|send|share|attach|upload|reply with|submit|confirm)\b/,
    confidence: 0.9,
  },
  {
    step: 'info-requested',
    pattern: /\bwe (?:need|require) (?:more|additional|further|some) (?:information|details|documents|evidence)\b/,
    confidence: 0.9,
  },
  {
    step: 'info-requested',
    pattern: /\b(?:additional|more|further) (?:information|details) (?:is|are) (?:needed|required)\b/,
    confidence: 0.9,
  },
  { step: 'info-requested', pattern: /\blet us know\b/, confidence: 0.6 },
  // Automatic acknowledgements; the ticket number itself is read by ticketNumberIn.
  {
    step: 'submit',
    pattern:
      /\b(?:we (?:have|'ve) received your (?:request|ticket|inquiry|enquiry|message|case|email)|thank you for contacting (?:tiktok|us)|(?:ticket|case) (?:has been )?(?:created|opened|submitted)|this is an automated (?:reply|response|message)|auto-?reply)/,
    confidence: 0.95,
  },
];

export interface ReplyReading {
  /** The step the wording implies, or null for a plain message. */
  step: ReplyStep | null;
  /** The ticket number (submit), the amount as written (approvals), the reason quoted (denial). */
  detail: string | null;
  /** How sure the wording is of the step (1 for a plain message: nothing is implied). */
  confidence: number;
}

const normal = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[ \t]+/g, ' ');

/** Reads what a reply says; `subject` and `text` as they are in the email (the reply, not the thread). */
export function readReply(subject: string, text: string): ReplyReading {
  // Paragraphs stay apart (a greeting is no part of the sentence after it); lines within one join.
  const flat = text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n');
  const body = normal(flat);
  const title = normal(subject);
  for (const phrase of PHRASES) {
    const inBody = phrase.pattern.exec(body);
    if (!inBody && !phrase.pattern.test(title)) continue;
    // Where in the text the phrase is: the amount or reason is read from there on.
    const at = inBody ? inBody.index : -1;
    if (phrase.step === 'submit') {
      const ticket = ticketNumberIn(`${subject}\n${text}`);
      // An acknowledgement without its number is only a message: there is nothing to submit.
      if (ticket === null) continue;
      return { step: 'submit', detail: ticket, confidence: phrase.confidence };
    }
    if (phrase.step === 'denied') return { step: 'denied', detail: reasonAt(flat, at), confidence: phrase.confidence };
    if (phrase.step === 'approved' || phrase.step === 'partially-approved') {
      return { step: phrase.step, detail: amountNear(flat, at), confidence: phrase.confidence };
    }
    return { step: phrase.step, detail: null, confidence: phrase.confidence };
  }
  return { step: null, detail: null, confidence: 1 };
}

/**
 * The ticket or case number an email gives: `Ticket ID: 7301928374`, `case #TT-2026-118`,
 * `Ticket number is 12345678`. At least five characters, one of them a digit; the claim's own
 * `RC-0007` is not one.
 */
export function ticketNumberIn(text: string): string | null {
  const pattern =
    /\b(?:ticket|case|request|reference)(?: (?:number|no\.?|id|#))?(?: is)?\s*[:#]?\s*#?\s*([A-Z0-9][A-Z0-9-]{3,39}[A-Z0-9])\b/gi;
  for (const match of text.matchAll(pattern)) {
    const value = match[1] ?? '';
    if (/\d/.test(value) && !/^RC-?\d+$/i.test(value)) return value;
  }
  return null;
}

/** An amount as written (`USD 120.00`, `$120`, `120,00 €`), the first at or after `from`. */
const MONEY =
  /(?:\b[A-Z]{3} ?\d[\d.,]*\d|\b[A-Z]{3} ?\d|[$€£¥] ?\d[\d.,]*\d|[$€£¥] ?\d|\b\d[\d.,]*\d ?(?:[A-Z]{3}\b|[$€£¥])|\b\d ?(?:[A-Z]{3}\b|[$€£¥]))/g;

export function amountNear(text: string, from: number): string | null {
  const all = [...text.matchAll(MONEY)];
  const after = all.find((match) => match.index >= Math.max(0, from)) ?? all[0];
  return after ? after[0].replace(/[.,]$/, '') : null;
}

/**
 * The reason a denial gives, quoted from `text` (its paragraphs one per line): the sentence of the denial
 * at `at` when it says why ("because", "due to", "as", "since"), else that sentence and the next
 * one; with the phrase in the subject (`at` -1), the first sentence that says why. At most 500
 * characters; null when there is none.
 */
export function reasonAt(text: string, at: number): string | null {
  const sentences: { start: number; text: string }[] = [];
  let start = 0;
  // A sentence ends at . ! or ? before a space: "policy 4.2." is one sentence.
  for (const part of text.split(/(?<=[.!?])\s+|\n/)) {
    const at = text.indexOf(part, start);
    if (part.trim() !== '') sentences.push({ start: at, text: part.trim() });
    start = at + part.length;
  }
  const says = (sentence: string): boolean => /\b(?:because|due to|as|since|reason)\b/i.test(sentence);
  let found = at < 0 ? sentences.findIndex((sentence) => says(sentence.text)) : -1;
  if (at >= 0) found = sentences.findLastIndex((sentence) => sentence.start <= at);
  const sentence = sentences[found]?.text;
  if (sentence === undefined) return null;
  const quoted = says(sentence) ? sentence : `${sentence} ${sentences[found + 1]?.text ?? ''}`.trim();
  return quoted.length > 500 ? `${quoted.slice(0, 499)}…` : quoted;
}
