/**
 * What each kind of claim needs before it is sent, and the completeness check built on it.
 * Refunds are denied for missing information far more often than for weak cases; this file is
 * the one place that knows what "complete" means.
 */
import { FIELD_KEYS, formatClaimId } from './claim.js';
import type { Channel, ClaimFields, Evidence, EvidenceKind, FieldKey, Reason, Status } from './claim.js';
import { daysBetween } from './dates.js';
import { formatMoney } from './money.js';
import { channelReasonProblem, EVIDENCE_KIND_LABELS } from './reasons.js';
import { ADS_MANAGER_UNSPENT_BALANCE } from './platform-facts.js';
import { plural } from './text.js';

export interface Requirement {
  fields: readonly FieldKey[];
  /** Facts the draft is weaker without: a `check` warning when missing, never an error. */
  warned: readonly FieldKey[];
  /** Each entry is satisfied by any one of its kinds. */
  evidence: readonly (readonly EvidenceKind[])[];
}

const BASE_FIELDS: readonly FieldKey[] = ['accountName', 'email', 'promotionId', 'currency', 'charged', 'description'];

export const REQUIREMENTS: Record<Reason, Requirement> = {
  'technical-issue': {
    fields: ['start', 'end', 'failure'],
    warned: ['noticedOn'],
    evidence: [['screenshot', 'recording']],
  },
  'incorrect-charge': { fields: ['expected'], warned: ['invoice'], evidence: [['receipt']] },
  'non-performance': { fields: ['promised', 'delivered'], warned: [], evidence: [['report', 'screenshot']] },
  'accidental-charge': { fields: ['chargeDate'], warned: ['noticedOn', 'invoice'], evidence: [['receipt']] },
  'campaign-cancelled': { fields: ['cancelledOn', 'cancelReason'], warned: [], evidence: [['receipt']] },
  'creator-no-delivery': {
    fields: ['creator', 'deliverables', 'deliverablesDue'],
    warned: [],
    evidence: [['correspondence'], ['receipt']],
  },
  'unspent-balance': { fields: ['balanceShownOn'], warned: [], evidence: [['screenshot']] },
};

/**
 * The facts version 2 added. A claim drafted before them (facts version 1) was never asked for
 * them: one it lacks is a warning, not an error, so that old claims keep working.
 */
export const VERSION_2_FACTS: readonly FieldKey[] = FIELD_KEYS.slice(FIELD_KEYS.indexOf('noticedOn'));

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
  noticedOn: 'day the problem was noticed',
  cancelledOn: 'day the campaign was cancelled',
  cancelReason: 'reason for the cancellation',
  failure: 'description of what failed',
  invoice: 'invoice reference',
  balanceShownOn: 'day the balance screenshot was taken',
  deliverablesDue: 'day the deliverables were due',
  paidVia: 'how the partnership was paid',
  asCredit: 'ad credit instead of money back',
  agency: 'agency',
  salesRep: 'sales representative',
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
 * `--paid-via` belongs to `creator` claims, where it is `direct` unless said otherwise; given on
 * another channel it is kept, for crossFieldProblems to refuse.
 */
export function defaultPaidVia(channel: Channel, given: ClaimFields['paidVia'] | undefined): ClaimFields['paidVia'] {
  return channel === 'creator' ? (given ?? 'direct') : (given ?? null);
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
    noticedOn: given.noticedOn ?? null,
    cancelledOn: given.cancelledOn ?? null,
    cancelReason: given.cancelReason ?? null,
    failure: given.failure ?? null,
    invoice: given.invoice ?? null,
    balanceShownOn: given.balanceShownOn ?? null,
    deliverablesDue: given.deliverablesDue ?? null,
    paidVia: defaultPaidVia(given.channel ?? 'tiktok-ads', given.paidVia),
    asCredit: given.asCredit ?? false,
    agency: given.agency ?? null,
    salesRep: given.salesRep ?? null,
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
  /** What to do about it, when it is not "correct the amounts or dates". */
  hint?: string;
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
  if (fields.paidVia !== null && fields.channel !== 'creator') {
    problems.push({
      field: 'paidVia',
      message: `how the partnership was paid (${fields.paidVia}) is for creator claims only, not ${fields.channel}`,
      answer: 'Only a creator partnership is paid through TikTok One or directly.',
    });
  }
  const credit = asCreditProblem(fields);
  if (credit) problems.push(credit);
  if (fields.start && fields.end && fields.end < fields.start) {
    problems.push({
      field: 'end',
      message: `the promotion ends (${fields.end}) before it starts (${fields.start})`,
      answer: `The promotion cannot end before it starts (${fields.start}).`,
    });
  }
  return problems;
}

/**
 * Ad credit instead of money back contradicts two kinds of claim: Ads Manager's Close Account and
 * Refund pays an unspent balance back to the original payment method and closes the account for
 * good (there is no account left to credit), and a creator cannot give TikTok ad credit.
 */
export function asCreditProblem(fields: Pick<ClaimFields, 'asCredit' | 'reason' | 'channel'>): FieldProblem | null {
  if (!fields.asCredit) return null;
  if (fields.reason === 'unspent-balance') {
    const facts = ADS_MANAGER_UNSPENT_BALANCE;
    return {
      field: 'asCredit',
      message:
        `--as-credit does not fit an unspent-balance claim: ${facts.requestPath} pays the balance back to the ` +
        `original payment method (within about ${facts.refundWithinDays} days) and closes the ad account for good`,
      answer: 'An unspent balance is paid back to the original payment method; there is no account left to credit.',
      hint: `Leave out --as-credit (edit: --no-as-credit); to keep using the balance, ${facts.businessCenterAlternative}.`,
    };
  }
  if (fields.channel === 'creator') {
    return {
      field: 'asCredit',
      message: '--as-credit does not fit a creator claim: a creator cannot give TikTok ad credit',
      answer: 'A creator refunds money, not TikTok ad credit.',
      hint: 'Leave out --as-credit (edit: --no-as-credit).',
    };
  }
  return null;
}

export type FindingCode =
  | 'missing-field'
  | 'missing-fact'
  | 'channel-reason'
  | 'missing-caption'
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
  claim: ClaimFields & { status: Status; evidence: readonly Evidence[]; factsVersion: number },
  context: CheckContext,
): Finding[] {
  const findings: Finding[] = [];
  const isMissing = (field: FieldKey): boolean => claim[field] === null || claim[field] === '';
  for (const field of requiredFields(claim.channel, claim.reason)) {
    if (!isMissing(field)) continue;
    // Not asked when the claim was drafted: it keeps working, and is told what would help.
    const older = claim.factsVersion < 2 && VERSION_2_FACTS.includes(field);
    findings.push({
      severity: older ? 'warning' : 'error',
      code: older ? 'missing-fact' : 'missing-field',
      field,
      message: older
        ? `The ${FIELD_LABELS[field]} is missing (not asked when this claim was drafted; a ${claim.reason} claim needs it now).`
        : `The ${FIELD_LABELS[field]} is missing.`,
    });
  }
  // Only a claim drafted before the table can have such a pair: it keeps working, with a warning.
  const misfit = channelReasonProblem(claim.channel, claim.reason);
  if (misfit) {
    findings.push({
      severity: 'warning',
      code: 'channel-reason',
      field: 'reason',
      message: `${capitalize(misfit)}; change the reason (or the channel) before filing.`,
    });
  }
  for (const field of REQUIREMENTS[claim.reason].warned) {
    if (!isMissing(field)) continue;
    findings.push({
      severity: 'warning',
      code: 'missing-fact',
      field,
      message: `The ${FIELD_LABELS[field]} is not given; the claim (${claim.reason}) is stronger with it.`,
    });
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
  for (const item of claim.evidence) {
    if (item.caption !== null && item.caption !== '') continue;
    findings.push({
      severity: 'warning',
      code: 'missing-caption',
      evidence: item.number,
      message: `Evidence #${item.number} (${item.name}) has no caption; say in one line what it shows.`,
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
