/**
 * What each kind of claim needs before it is sent, and the completeness check built on it.
 * Refunds are denied for missing information far more often than for weak cases; this file is
 * the one place that knows what "complete" means.
 */
import { formatClaimId } from './claim.js';
import type { Channel, ClaimFields, Evidence, EvidenceKind, FieldKey, Reason, Status } from './claim.js';
import { daysBetween } from './dates.js';
import { formatMoney } from './money.js';
import { EVIDENCE_KIND_LABELS } from './reasons.js';
import { plural } from './text.js';

export interface Requirement {
  fields: readonly FieldKey[];
  /** Each entry is satisfied by any one of its kinds. */
  evidence: readonly (readonly EvidenceKind[])[];
}

const BASE_FIELDS: readonly FieldKey[] = ['accountName', 'email', 'promotionId', 'currency', 'charged', 'description'];

export const REQUIREMENTS: Record<Reason, Requirement> = {
  'technical-issue': { fields: ['start', 'end'], evidence: [['screenshot', 'recording']] },
  'incorrect-charge': { fields: ['expected'], evidence: [['receipt']] },
  'non-performance': { fields: ['promised', 'delivered'], evidence: [['report', 'screenshot']] },
  'accidental-charge': { fields: ['chargeDate'], evidence: [['receipt']] },
  'campaign-cancelled': { fields: [], evidence: [['receipt']] },
  'creator-no-delivery': { fields: ['creator', 'deliverables'], evidence: [['correspondence'], ['receipt']] },
  'unspent-balance': { fields: [], evidence: [['screenshot']] },
};

export const FIELD_LABELS: Record<FieldKey, string> = {
  channel: 'channel',
  reason: 'reason',
  accountName: 'account name',
  advertiserId: 'advertiser ID',
  email: 'contact email',
  promotionId: 'promotion ID',
  promotionName: 'promotion name',
  start: 'promotion start date',
  end: 'promotion end date',
  currency: 'currency',
  charged: 'charged amount',
  expected: 'expected amount',
  requested: 'requested amount',
  chargeDate: 'date of the charge',
  promised: 'promised result',
  delivered: 'delivered result',
  creator: 'creator handle',
  deliverables: 'agreed deliverables',
  description: 'description',
  fileBy: 'filing deadline',
};

/** What every claim on the channel needs, whatever its reason. */
export function commonFields(channel: Channel): FieldKey[] {
  return channel === 'tiktok-ads' ? ['advertiserId', ...BASE_FIELDS] : [...BASE_FIELDS];
}

/** Every field the claim must have. */
export function requiredFields(channel: Channel, reason: Reason): FieldKey[] {
  return [...commonFields(channel), ...REQUIREMENTS[reason].fields];
}

/** The evidence entries not yet satisfied by the kinds on file. */
export function missingEvidence(reason: Reason, evidence: readonly Pick<Evidence, 'kind'>[]): EvidenceKind[][] {
  const have = new Set(evidence.map((e) => e.kind));
  return REQUIREMENTS[reason].evidence.filter((anyOf) => !anyOf.some((kind) => have.has(kind))).map((k) => [...k]);
}

/** "a receipt, invoice or billing statement", "an email or chat log". */
export function withArticle(words: string): string {
  return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** What a missing evidence entry asks for, in words; the reason may say which screenshot. */
export function describeKinds(kinds: readonly EvidenceKind[], reason?: Reason): string {
  if (reason === 'unspent-balance' && kinds.length === 1 && kinds[0] === 'screenshot') {
    return 'a screenshot of the account balance';
  }
  return kinds.map((kind) => withArticle(EVIDENCE_KIND_LABELS[kind])).join(' or ');
}

/** `requested` when the user does not say: what was overcharged, else everything charged. */
export function defaultRequested(reason: Reason, charged: number, expected: number | null): number {
  return reason === 'incorrect-charge' && expected !== null && expected < charged ? charged - expected : charged;
}

/**
 * The claim's fields from what was given, with the defaults of what need not be: USD, the
 * requested amount, null for optional values. Call it once nothing required is missing.
 */
export function withDefaults(given: Partial<ClaimFields>): ClaimFields {
  const reason = given.reason ?? 'technical-issue';
  const charged = given.charged ?? 0;
  const expected = given.expected ?? null;
  return {
    channel: given.channel ?? 'tiktok-ads',
    reason,
    accountName: given.accountName ?? '',
    advertiserId: given.advertiserId ?? null,
    email: given.email ?? '',
    promotionId: given.promotionId ?? '',
    promotionName: given.promotionName ?? null,
    start: given.start ?? null,
    end: given.end ?? null,
    currency: given.currency ?? 'USD',
    charged,
    expected,
    requested: given.requested ?? defaultRequested(reason, charged, expected),
    chargeDate: given.chargeDate ?? null,
    promised: given.promised ?? null,
    delivered: given.delivered ?? null,
    creator: given.creator ?? null,
    deliverables: given.deliverables ?? null,
    description: given.description ?? '',
    fileBy: given.fileBy ?? null,
  };
}

/**
 * The required fields `given` lacks, the reason first when it is unknown (it decides the rest).
 * The channel and the currency are never missing: they have defaults.
 */
export function missingFields(given: Partial<ClaimFields>): FieldKey[] {
  const channel = given.channel ?? 'tiktok-ads';
  const fields = given.reason ? requiredFields(channel, given.reason) : commonFields(channel);
  const missing = fields.filter((field) => field !== 'currency' && given[field] === undefined);
  return given.reason ? missing : ['reason', ...missing];
}

export interface FieldProblem {
  /** The field to correct. */
  field: FieldKey;
  message: string;
  /** The same problem told to someone answering the question that asks for `field`. */
  answer: string;
}

/** Rules that tie fields together; each problem is one sentence about the field to correct. */
export function crossFieldProblems(fields: ClaimFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const money = (minor: number): string => formatMoney(minor, fields.currency);
  if (fields.requested > fields.charged) {
    problems.push({
      field: 'requested',
      message: `the requested amount (${money(fields.requested)}) is more than was charged (${money(fields.charged)})`,
      answer: `It cannot be more than was charged (${money(fields.charged)}).`,
    });
  }
  if (fields.reason === 'incorrect-charge' && fields.expected !== null && fields.expected >= fields.charged) {
    problems.push({
      field: 'expected',
      message: `the expected amount (${money(fields.expected)}) must be less than the charged amount (${money(fields.charged)})`,
      answer: `It must be less than the amount charged (${money(fields.charged)}).`,
    });
  }
  if (fields.start && fields.end && fields.end < fields.start) {
    problems.push({
      field: 'end',
      message: `the promotion ends (${fields.end}) before it starts (${fields.start})`,
      answer: `The promotion cannot end before it starts (${fields.start}).`,
    });
  }
  return problems;
}

export type FindingCode =
  | 'missing-field'
  | 'missing-evidence'
  | 'invalid-fields'
  | 'evidence-altered'
  | 'evidence-missing'
  | 'file-by-soon'
  | 'file-by-passed'
  | 'short-description'
  | 'evidence-shared';

export interface Finding {
  severity: 'error' | 'warning';
  code: FindingCode;
  message: string;
  field?: FieldKey;
  kinds?: EvidenceKind[];
  /** Evidence number, for findings about one file. */
  evidence?: number;
}

export interface CheckContext {
  today: string;
  /** Stored-copy state per evidence number; null when the files were not re-hashed. */
  integrity: ReadonlyMap<number, 'ok' | 'missing' | 'altered'> | null;
  /** Evidence numbers of this claim whose file is also evidence of other claims. */
  shared: ReadonlyMap<number, readonly number[]>;
}

export const SHORT_DESCRIPTION = 40;

export function checkClaim(
  claim: ClaimFields & { status: Status; evidence: readonly Evidence[] },
  context: CheckContext,
): Finding[] {
  const findings: Finding[] = [];
  for (const field of requiredFields(claim.channel, claim.reason)) {
    const value = claim[field];
    if (value === null || value === '') {
      findings.push({
        severity: 'error',
        code: 'missing-field',
        field,
        message: `The ${FIELD_LABELS[field]} is missing.`,
      });
    }
  }
  for (const kinds of missingEvidence(claim.reason, claim.evidence)) {
    findings.push({
      severity: 'error',
      code: 'missing-evidence',
      kinds,
      message: `${capitalise(withArticle(claim.reason))} claim needs ${describeKinds(kinds, claim.reason)}; none is attached.`,
    });
  }
  for (const problem of crossFieldProblems(claim)) {
    findings.push({
      severity: 'error',
      code: 'invalid-fields',
      field: problem.field,
      message: `${capitalize(problem.message)}.`,
    });
  }
  for (const item of claim.evidence) {
    const state = context.integrity?.get(item.number);
    if (state === 'altered' || state === 'missing') {
      findings.push({
        severity: 'error',
        code: state === 'altered' ? 'evidence-altered' : 'evidence-missing',
        evidence: item.number,
        message:
          state === 'altered'
            ? `Evidence #${item.number} (${item.name}): the stored copy no longer matches its SHA-256.`
            : `Evidence #${item.number} (${item.name}): the stored copy is gone from the evidence store.`,
      });
    }
  }

  if (claim.status === 'draft' && claim.fileBy) {
    const left = daysBetween(context.today, claim.fileBy);
    if (left < 0) {
      findings.push({
        severity: 'warning',
        code: 'file-by-passed',
        message: `The filing deadline (${claim.fileBy}) passed ${plural(-left, 'day')} ago; file now and say why it is late.`,
      });
    } else if (left <= 2) {
      findings.push({
        severity: 'warning',
        code: 'file-by-soon',
        message: `The filing deadline is ${claim.fileBy}, ${left === 0 ? 'today' : `in ${plural(left, 'day')}`}.`,
      });
    }
  }
  if (claim.description.length < SHORT_DESCRIPTION) {
    findings.push({
      severity: 'warning',
      code: 'short-description',
      field: 'description',
      message: `The description is ${claim.description.length} characters; say what happened, when, and what you expected (${SHORT_DESCRIPTION}+ characters).`,
    });
  }
  for (const [number, others] of context.shared) {
    const item = claim.evidence.find((e) => e.number === number);
    findings.push({
      severity: 'warning',
      code: 'evidence-shared',
      evidence: number,
      message: `Evidence #${number} (${item?.name ?? '?'}) is also evidence of ${others.map(formatClaimId).join(', ')}; make sure it belongs to both.`,
    });
  }
  return findings;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
