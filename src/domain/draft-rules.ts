/**
 * SPEC "Drafts", checked: what a support agent would trip over in a ticket, follow-up,
 * escalation or appeal. Pure: the golden-file tests and `templates check` both run it.
 */
import { columns, DRAFT_WIDTH } from './columns.js';

export const SUBJECT_MAX_CHARACTERS = 90;

export type DraftRule =
  'line-length' | 'subject' | 'artefact' | 'empty-label' | 'doubled-space' | 'date-style' | 'evidence-list';

export interface DraftViolation {
  /** 1-based line of the draft. */
  line: number;
  rule: DraftRule;
  message: string;
}

export interface DraftLintOptions {
  /** The claim's ID (`RC-0007`): the subject must end with it in brackets. */
  claimId?: string;
}

const SUBJECT = /^Subject: /;
/** `01  01-screenshot-billing.png  Caption`. */
const EVIDENCE_LINE = /^(\d{2,}) {2}(\S+)(?: {2}(.*))?$/;
const ISO_DATE = /(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])/;
const SLASH_DATE = /(?<![\w/])\d{1,2}\/\d{1,2}\/\d{2,4}(?![\w/])/;
const SIZE = /\b\d+(?:\.\d+)? ?(?:B|kB|KB|MB|GB)\b/;

function isSingleWord(line: string): boolean {
  return !/\S\s+\S/.test(line.trim());
}

/** Every way `text` breaks the Drafts rules, in line order. */
export function lintDraft(text: string, options: DraftLintOptions = {}): DraftViolation[] {
  const violations: DraftViolation[] = [];
  const lines = text.replace(/\n$/, '').split('\n');
  const flag = (line: number, rule: DraftRule, message: string): void => {
    violations.push({ line, rule, message });
  };
  let lastEvidence = 0;

  lines.forEach((line, index) => {
    const at = index + 1;
    const subject = SUBJECT.test(line);
    if (subject) {
      for (const problem of subjectProblems(line.replace(SUBJECT, ''), options.claimId)) flag(at, 'subject', problem);
    } else if (columns(line) > DRAFT_WIDTH && !isSingleWord(line)) {
      flag(at, 'line-length', `${columns(line)} columns (at most ${DRAFT_WIDTH})`);
    }

    if (line.includes('{{') || line.includes('}}')) flag(at, 'artefact', 'a template tag was left in: {{ or }}');
    const word = /\b(undefined|null|NaN)\b|\[object Object\]/.exec(line);
    if (word) flag(at, 'artefact', `"${word[0]}" printed where a value was missing`);
    if (/^\s*(?:- )?[A-Za-z][^:.?!]{0,40}:\s*$/.test(line) && (/\s$/.test(line) || /^\s*- /.test(line))) {
      flag(at, 'empty-label', `"${line.trim()}" has nothing after it`);
    } else if (/\S\s+$/.test(line)) {
      flag(at, 'doubled-space', 'the line ends with a space');
    }

    const evidence = EVIDENCE_LINE.exec(line);
    const prose = evidence ? `${evidence[3] ?? ''}` : line.trim();
    if (/\S {2,}\S/.test(prose)) flag(at, 'doubled-space', 'two spaces between words');
    // A file name may hold a date (`report-2026-11-03.csv`); the lookarounds skip it.
    const iso = ISO_DATE.exec(prose) ?? SLASH_DATE.exec(prose);
    if (iso) flag(at, 'date-style', `"${iso[0]}": write dates as 12 Nov 2026`);

    if (/^\s*\d+[.)]\s+\d{2,}-/.test(line)) flag(at, 'evidence-list', 'the evidence file is numbered twice');
    if (evidence) {
      const number = Number(evidence[1]);
      const name = evidence[2] ?? '';
      if (number <= lastEvidence) flag(at, 'evidence-list', `file ${evidence[1]} is out of number order`);
      lastEvidence = number;
      if (!name.startsWith(`${evidence[1]}-`)) flag(at, 'evidence-list', `${name} is not file ${evidence[1]}`);
      const next = lines[index + 1] ?? '';
      const caption = evidence[3] ?? (/^ +\S/.test(next) ? next.trim() : '');
      if (caption === '' || /^\(?[\d.]+ ?(?:B|kB|KB|MB|GB)\)?$/.test(caption) || SIZE.test(caption.slice(-12))) {
        flag(at, 'evidence-list', `file ${evidence[1]} has no caption in words (a size is not one)`);
      }
    }
  });
  if (!lines.some((line) => SUBJECT.test(line)) && options.claimId !== undefined) {
    flag(1, 'subject', 'no "Subject: " line');
  }
  return violations;
}

/** SPEC: at most 90 characters, sentence case, ending with the claim ID in brackets. */
export function subjectProblems(subject: string, claimId?: string): string[] {
  const problems: string[] = [];
  const length = [...subject].length;
  if (length > SUBJECT_MAX_CHARACTERS) problems.push(`${length} characters (at most ${SUBJECT_MAX_CHARACTERS})`);
  const id = /\[(RC-\d{4,})\]$/.exec(subject);
  if (!id) problems.push('it does not end with the claim ID in brackets ([RC-0007])');
  else if (claimId !== undefined && id[1] !== claimId) problems.push(`it ends with [${id[1]}], not [${claimId}]`);
  if (!/^[A-Z0-9]/.test(subject)) problems.push('it does not start with a capital letter');
  // Quoted names and the claim ID keep their own case; other words are Title Case when most are.
  const words = subject
    .replace(/"[^"]*"|“[^”]*”|\[[^\]]*\]/g, ' ')
    .split(/\s+/)
    .slice(1)
    .filter((w) => /^[A-Za-z][a-z']+[,:;]?$/.test(w));
  const capitalised = words.filter((w) => /^[A-Z]/.test(w)).length;
  if (capitalised >= 3 && capitalised * 2 > words.length) problems.push('it is in Title Case, not sentence case');
  return problems;
}

/** `line 3: subject: …`, one per line, for people. */
export function formatViolations(violations: readonly DraftViolation[]): string[] {
  return violations.map((v) => `line ${v.line}: ${v.rule}: ${v.message}`);
}
