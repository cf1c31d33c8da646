/**
 * The fields ticket templates can use, a published format: users' own templates rely on these
 * names. Optional values are null (Handlebars strict mode then accepts `{{#if …}}` on them);
 * amounts are minor units for the `money` helper. Every string is printable (`printableFields`):
 * a draft is printed and pasted, and an imported text's terminal escapes are shown, not run.
 */
import type {
  Channel,
  Claim,
  ClaimDetails,
  ClaimFacts,
  EventType,
  EvidenceKind,
  PaidVia,
  Reason,
  Status,
} from '../../domain/claim.js';
import { PLATFORM_FACTS } from '../../domain/platform-facts.js';
import { TIKTOK_ONE } from '../../domain/platform-facts.js';
import type { PlatformFacts, TikTokOneFacts } from '../../domain/platform-facts.js';
import { formatDay } from '../../domain/dates.js';
import type { Templates } from '../deps.js';
import { claimAccount, claimDetails, claimFacts, formatClaimId } from '../../domain/claim.js';
import { bundleFileNames } from '../../domain/evidence-names.js';
import { formatMoney } from '../../domain/money.js';
import { CHANNEL_LABELS, EVIDENCE_KIND_LABELS, REASON_LABELS, REASON_STATEMENTS } from '../../domain/reasons.js';
import { printableFields } from '../../domain/text.js';
import { timelineEntries } from '../timeline.js';

const GROUPS: readonly { kind: EvidenceKind; label: string }[] = [
  { kind: 'receipt', label: 'Receipts, invoices and billing statements' },
  { kind: 'screenshot', label: 'Screenshots' },
  { kind: 'recording', label: 'Screen recordings' },
  { kind: 'report', label: 'Performance reports' },
  { kind: 'correspondence', label: 'Correspondence' },
  { kind: 'other', label: 'Other files' },
];

/** Bookkeeping a support agent does not need in the ticket's timeline. */
const INTERNAL_EVENTS: ReadonlySet<EventType> = new Set(['created', 'edited', 'evidence-added']);

/** The problem as a subject line starts it: `Technical issue on "Winter boots launch": …`. */
const SUBJECT_PROBLEMS: Record<Reason, string> = {
  'technical-issue': 'Technical issue on',
  'incorrect-charge': 'Overcharge for',
  'non-performance': 'Under-delivery of',
  'accidental-charge': 'Accidental charge for',
  'campaign-cancelled': 'Cancellation of',
  'creator-no-delivery': 'Content not delivered for',
  'unspent-balance': 'Unspent balance of',
};

/** The reason as the creator reads it: a message to a creator speaks to them as "you". */
const CREATOR_STATEMENTS: Partial<Record<Reason, string>> = {
  'creator-no-delivery': 'you did not publish the content we agreed on',
  'campaign-cancelled': 'the partnership was cancelled and the payment should be returned',
  'non-performance': 'the sponsored content did not reach the results we agreed on',
  'incorrect-charge': 'you charged more than the amount we agreed',
  'accidental-charge': 'the payment to you was made by accident',
};

/** How the promotion is called on each channel (SPEC "What each reason needs"). */
const PROMOTION_WORDS: Record<Channel, string> = {
  'tiktok-ads': 'campaign',
  'tiktok-promote': 'Promote order',
  creator: 'partnership',
};

/** A promotion's name in a subject line, shortened so the subject stays within 90 characters. */
const SUBJECT_NAME_MAX = 28;

export interface EvidenceView {
  number: number;
  /** `01`: the number as the bundle's file name starts with it. */
  numberPadded: string;
  kind: EvidenceKind;
  name: string;
  /** Its name in the bundle, without `evidence/`: `02-screenshot-billing-page.png`. */
  fileName: string;
  caption: string;
  bytes: number;
  mime: string;
}

export interface TikTokOneView {
  /** One entry per share, the full refund first: `{percent: '100%', when: 'when the brand …, or when …'}`. */
  refunds: { percent: string; when: string }[];
  /** An order left in manual review this many days counts as approved. */
  manualReviewDays: number;
  /** Which case this claim is, in a sentence, when its facts say so; else null. */
  applies: string | null;
}

export interface TicketView {
  claimId: string;
  status: Status;
  channel: Channel;
  channelLabel: string;
  reason: Reason;
  reasonLabel: string;
  reasonStatement: string;
  account: {
    name: string;
    advertiserId: string | null;
    email: string;
    /** The agency filing for the account, or null. */
    agency: string | null;
    /** The account's TikTok sales representative, or null. */
    salesRep: string | null;
    /** How the draft is signed: the account, or "<agency> on behalf of <account>". */
    signature: string;
  };
  /** Also at the top, for templates that sign with them. */
  agency: string | null;
  salesRep: string | null;
  promotion: {
    id: string;
    name: string | null;
    start: string | null;
    end: string | null;
    /** `campaign`, `Promote order`, `partnership`. */
    word: string;
    /** The word starting a list item: `Campaign`, `Promote order`, `Partnership`. */
    label: string;
    /** The name in quotes, or the word and ID when it has no name: what a subject calls it. */
    subjectName: string;
  };
  /** `Technical issue on`: how the subject line names the problem. */
  subjectProblem: string;
  amounts: {
    currency: string;
    charged: number;
    expected: number | null;
    requested: number;
    approved: number | null;
    recovered: number | null;
  };
  details: ClaimDetails;
  /** The reason's facts (version 2); null when not given. Dates `YYYY-MM-DD`. */
  facts: ClaimFacts;
  /** `creator` claims: `tiktok-one` or `direct`; null on other channels. */
  paidVia: PaidVia | null;
  /** Ask for ad credit instead of money back to the original payment method. */
  asCredit: boolean;
  /** TikTok's own rules the drafts cite (domain/platform-facts.ts), each with its source. */
  platform: PlatformFacts;
  /** A `creator` claim paid through TikTok One: the policy's refund shares to cite; else null. */
  tiktokOne: TikTokOneView | null;
  description: string;
  ticketNumber: string | null;
  fileBy: string | null;
  bundleName: string;
  evidence: EvidenceView[];
  evidenceGroups: { label: string; items: EvidenceView[] }[];
  /** Dated facts and recorded steps, oldest first. */
  timeline: { on: string; title: string }[];
}

export function bundleName(claim: Pick<Claim, 'id'>): string {
  return `${formatClaimId(claim.id)}-evidence.zip`;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function subjectName(claim: Claim): string {
  const name = claim.promotionName;
  if (name === null) return `${PROMOTION_WORDS[claim.channel]} ${claim.promotionId}`;
  const chars = [...name];
  return `"${
    chars.length > SUBJECT_NAME_MAX
      ? `${chars
          .slice(0, SUBJECT_NAME_MAX - 1)
          .join('')
          .trimEnd()}…`
      : name
  }"`;
}

export function ticketView(claim: Claim): TicketView {
  const cancelled = claim.reason === 'campaign-cancelled';
  const word = PROMOTION_WORDS[claim.channel];
  const fileNames = bundleFileNames(claim.evidence);
  const evidence = claim.evidence.map((item, index) => ({
    number: item.number,
    kind: item.kind,
    name: item.name,
    fileName: fileNames[index] ?? item.name,
    numberPadded: fileNames[index]?.split('-')[0] ?? String(item.number).padStart(2, '0'),
    // A file without a caption is named by its kind, in words; its size tells an agent nothing.
    caption: item.caption ?? capitalise(EVIDENCE_KIND_LABELS[item.kind]),
    bytes: item.bytes,
    mime: item.mime,
  }));
  const dated = [
    // A cancelled promotion did not run as planned: its planned dates are not events.
    claim.start && !cancelled ? { on: claim.start, title: `${capitalise(word)} started` } : null,
    claim.chargeDate
      ? {
          on: claim.chargeDate,
          title: `${claim.channel === 'creator' ? 'Paid' : 'Charged'} ${formatMoney(claim.charged, claim.currency)}`,
        }
      : null,
    claim.end && !cancelled ? { on: claim.end, title: `${capitalise(word)} ended` } : null,
    // The reason's own dates, in their place in the story (SPEC "Drafts": never invented).
    claim.noticedOn ? { on: claim.noticedOn, title: 'Problem noticed' } : null,
    claim.cancelledOn ? { on: claim.cancelledOn, title: `${capitalise(word)} cancelled` } : null,
    claim.balanceShownOn ? { on: claim.balanceShownOn, title: 'Unspent balance shown in Ads Manager' } : null,
    claim.deliverablesDue ? { on: claim.deliverablesDue, title: 'Deliverables were due' } : null,
    ...timelineEntries(claim)
      .filter((entry) => !INTERNAL_EVENTS.has(entry.type))
      .map((entry) => ({ on: entry.on, title: entry.title })),
  ].filter((entry) => entry !== null);
  return printableFields({
    claimId: formatClaimId(claim.id),
    status: claim.status,
    channel: claim.channel,
    channelLabel: CHANNEL_LABELS[claim.channel],
    reason: claim.reason,
    reasonLabel: REASON_LABELS[claim.reason],
    reasonStatement:
      (claim.channel === 'creator' ? CREATOR_STATEMENTS[claim.reason] : undefined) ?? REASON_STATEMENTS[claim.reason],
    account: {
      ...claimAccount(claim),
      signature: claim.agency === null ? claim.accountName : `${claim.agency} on behalf of ${claim.accountName}`,
    },
    agency: claim.agency,
    salesRep: claim.salesRep,
    promotion: {
      id: claim.promotionId,
      name: claim.promotionName,
      start: claim.start,
      end: claim.end,
      word,
      label: capitalise(word),
      subjectName: subjectName(claim),
    },
    subjectProblem: SUBJECT_PROBLEMS[claim.reason],
    amounts: {
      currency: claim.currency,
      charged: claim.charged,
      expected: claim.expected,
      requested: claim.requested,
      approved: claim.approved,
      recovered: claim.recovered,
    },
    details: claimDetails(claim),
    facts: claimFacts(claim),
    paidVia: claim.paidVia,
    asCredit: claim.asCredit,
    platform: PLATFORM_FACTS,
    tiktokOne: claim.channel === 'creator' && claim.paidVia === 'tiktok-one' ? tiktokOneView(claim) : null,
    description: claim.description,
    ticketNumber: claim.ticketNumber,
    fileBy: claim.fileBy,
    bundleName: bundleName(claim),
    evidence,
    evidenceGroups: GROUPS.map((group) => ({
      label: group.label,
      items: evidence.filter((item) => item.kind === group.kind),
    })).filter((group) => group.items.length > 0),
    timeline: dated.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)),
  });
}

/** TikTok One's refund shares (domain/platform-facts.ts), grouped by share, and the case this claim is. */
export function tiktokOneView(
  claim: Pick<Claim, 'reason' | 'deliverablesDue'>,
  facts: TikTokOneFacts = TIKTOK_ONE,
): TikTokOneView {
  const shares = [...new Set(facts.refunds.map((r) => r.share))].sort((a, b) => b - a);
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const missedDeadline = facts.refunds.find((r) => r.when.includes('missed the deadline'));
  return {
    refunds: shares.map((share) => ({
      percent: percent(share),
      when: listWords(
        facts.refunds.filter((r) => r.share === share).map((r) => `when ${r.when}`),
        'or',
      ),
    })),
    manualReviewDays: facts.manualReviewApprovedAfterDays,
    // Content that never came is a missed deadline; a cancellation's share depends on whether
    // content was submitted first, which the claim does not record, so it is not guessed.
    applies:
      claim.reason === 'creator-no-delivery' && missedDeadline && claim.deliverablesDue
        ? `This is a missed deadline (the content was due on ${formatDay(claim.deliverablesDue)}), ` +
          `which TikTok One refunds at ${percent(missedDeadline.share)}.`
        : null,
  };
}

/** `a, b or c`. */
function listWords(words: readonly string[], last: 'and' | 'or'): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')}, ${last} ${words.at(-1) ?? ''}`;
}

/** The support-ticket draft, from the channel's template (`ticket-tiktok-ads`, …). */
export function renderTicket(templates: Templates, claim: Claim): string {
  return templates.render(`ticket-${claim.channel}`, ticketView(claim));
}
