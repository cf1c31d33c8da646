/**
 * The fields ticket templates can use, a published format: users' own templates rely on these
 * names. Optional values are null (Handlebars strict mode then accepts `{{#if …}}` on them);
 * amounts are minor units for the `money` helper.
 */
import type { Channel, Claim, EventType, EvidenceKind, PaidVia, Reason, Status } from '../../domain/claim.js';
import { PLATFORM_FACTS } from '../../domain/platform-facts.js';
import type { PlatformFacts } from '../../domain/platform-facts.js';
import type { Templates } from '../deps.js';
import { formatClaimId } from '../../domain/claim.js';
import { bundleFileNames } from '../../domain/evidence-names.js';
import { formatMoney } from '../../domain/money.js';
import { CHANNEL_LABELS, EVIDENCE_KIND_LABELS, REASON_LABELS, REASON_STATEMENTS } from '../../domain/reasons.js';
import { formatSize } from '../../domain/sizes.js';
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

export interface EvidenceView {
  number: number;
  kind: EvidenceKind;
  name: string;
  /** Its name in the bundle, without `evidence/`: `02-screenshot-billing-page.png`. */
  fileName: string;
  caption: string;
  bytes: number;
  mime: string;
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
    /** The agency filing for the account ("<agency> on behalf of <account>"), or null. */
    agency: string | null;
    /** The account's TikTok sales representative, or null. */
    salesRep: string | null;
  };
  /** Also at the top, for templates that sign with them. */
  agency: string | null;
  salesRep: string | null;
  promotion: { id: string; name: string | null; start: string | null; end: string | null };
  amounts: {
    currency: string;
    charged: number;
    expected: number | null;
    requested: number;
    approved: number | null;
    recovered: number | null;
  };
  details: {
    chargeDate: string | null;
    promised: string | null;
    delivered: string | null;
    creator: string | null;
    deliverables: string | null;
  };
  /** The reason's facts (version 2); null when not given. Dates `YYYY-MM-DD`. */
  facts: {
    noticedOn: string | null;
    cancelledOn: string | null;
    cancelReason: string | null;
    failure: string | null;
    invoice: string | null;
    balanceShownOn: string | null;
    deliverablesDue: string | null;
  };
  /** `creator` claims: `tiktok-one` or `direct`; null on other channels. */
  paidVia: PaidVia | null;
  /** Ask for ad credit instead of money back to the original payment method. */
  asCredit: boolean;
  /** TikTok's own rules the drafts cite (domain/platform-facts.ts), each with its source. */
  platform: PlatformFacts;
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

export function ticketView(claim: Claim): TicketView {
  const fileNames = bundleFileNames(claim.evidence);
  const evidence = claim.evidence.map((item, index) => ({
    number: item.number,
    kind: item.kind,
    name: item.name,
    fileName: fileNames[index] ?? item.name,
    caption: item.caption ?? `${EVIDENCE_KIND_LABELS[item.kind]} (${formatSize(item.bytes)})`,
    bytes: item.bytes,
    mime: item.mime,
  }));
  const dated = [
    claim.start ? { on: claim.start, title: 'Promotion started' } : null,
    claim.chargeDate ? { on: claim.chargeDate, title: `Charged ${formatMoney(claim.charged, claim.currency)}` } : null,
    claim.end ? { on: claim.end, title: 'Promotion ended' } : null,
    ...timelineEntries(claim)
      .filter((entry) => !INTERNAL_EVENTS.has(entry.type))
      .map((entry) => ({ on: entry.on, title: entry.title })),
  ].filter((entry) => entry !== null);
  return {
    claimId: formatClaimId(claim.id),
    status: claim.status,
    channel: claim.channel,
    channelLabel: CHANNEL_LABELS[claim.channel],
    reason: claim.reason,
    reasonLabel: REASON_LABELS[claim.reason],
    reasonStatement: REASON_STATEMENTS[claim.reason],
    account: {
      name: claim.accountName,
      advertiserId: claim.advertiserId,
      email: claim.email,
      agency: claim.agency,
      salesRep: claim.salesRep,
    },
    agency: claim.agency,
    salesRep: claim.salesRep,
    promotion: { id: claim.promotionId, name: claim.promotionName, start: claim.start, end: claim.end },
    amounts: {
      currency: claim.currency,
      charged: claim.charged,
      expected: claim.expected,
      requested: claim.requested,
      approved: claim.approved,
      recovered: claim.recovered,
    },
    details: {
      chargeDate: claim.chargeDate,
      promised: claim.promised,
      delivered: claim.delivered,
      creator: claim.creator,
      deliverables: claim.deliverables,
    },
    facts: {
      noticedOn: claim.noticedOn,
      cancelledOn: claim.cancelledOn,
      cancelReason: claim.cancelReason,
      failure: claim.failure,
      invoice: claim.invoice,
      balanceShownOn: claim.balanceShownOn,
      deliverablesDue: claim.deliverablesDue,
    },
    paidVia: claim.paidVia,
    asCredit: claim.asCredit,
    platform: PLATFORM_FACTS,
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
  };
}

/** The support-ticket draft, from the channel's template (`ticket-tiktok-ads`, …). */
export function renderTicket(templates: Templates, claim: Claim): string {
  return templates.render(`ticket-${claim.channel}`, ticketView(claim));
}
