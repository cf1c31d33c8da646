/**
 * Sample claims of every channel × reason, and the messages after filing, to render templates
 * against: `templates check` lints the user's templates with them, and the golden-file tests
 * hold the built-in templates' output for them.
 */
import type {
  Channel,
  Claim,
  ClaimEvent,
  EventType,
  EventDataByType,
  Evidence,
  EvidenceKind,
  Reason,
} from '../domain/claim.js';
import { FACTS_VERSION, formatClaimId } from '../domain/claim.js';
import { reminderDue } from '../domain/deadlines.js';
import { CHANNEL_REASONS } from '../domain/reasons.js';
import type { Templates } from './deps.js';
import { messageView } from './formats/message-view.js';
import { renderTicket } from './formats/ticket-view.js';

/** The channel × reason pairs sampled: every pair the domain accepts (SPEC's table). */
export const SAMPLE_CHANNEL_REASONS: Record<Channel, readonly Reason[]> = CHANNEL_REASONS;

const ACCOUNT: Record<Channel, Pick<Claim, 'accountName' | 'advertiserId' | 'email'>> = {
  'tiktok-ads': { accountName: 'Acme Shoes Ltd', advertiserId: '7012345678901234567', email: 'ads@acme-shoes.test' },
  'tiktok-promote': { accountName: '@acmeshoes', advertiserId: null, email: 'hello@acme-shoes.test' },
  creator: { accountName: 'Acme Shoes Ltd', advertiserId: null, email: 'partners@acme-shoes.test' },
};

const PROMOTION: Record<Channel, Pick<Claim, 'promotionId' | 'promotionName'>> = {
  'tiktok-ads': { promotionId: '1790000012345678', promotionName: 'Winter boots launch' },
  'tiktok-promote': { promotionId: 'PRM-88410233', promotionName: 'Our new winter boots video' },
  creator: { promotionId: 'TTO-2026-4471', promotionName: 'Winter boots try-on' },
};

type Facts = Partial<Omit<Claim, 'evidence'>> & { evidence: [EvidenceKind, string, string | null][] };

/** What happened, per reason, with the facts and files that reason needs. */
function facts(channel: Channel, reason: Reason): Facts {
  const creator = channel === 'creator';
  switch (reason) {
    case 'technical-issue': {
      // Promote runs in the TikTok app, not in Ads Manager: the sample says where it looked.
      const screen = channel === 'tiktok-promote' ? 'the Promote dashboard' : 'Ads Manager';
      const promotion = channel === 'tiktok-promote' ? 'Promote order' : 'campaign';
      return {
        start: '2026-11-02',
        end: '2026-11-08',
        chargeDate: '2026-11-02',
        noticedOn: '2026-11-05',
        failure: `${capitalise(screen)} showed "Delivering" while the ${promotion} served no impressions`,
        description:
          `The ${promotion} was approved and billed, but it served no impressions from 2 to 5 Nov 2026: ` +
          `${screen} showed "Delivering" while the reporting stayed at zero.`,
        evidence: [
          [
            'screenshot',
            'status-delivering-zero-impressions.png',
            `${capitalise(screen)} showing "Delivering" with 0 impressions`,
          ],
          ['recording', 'dashboard.mp4', null],
          ['receipt', 'invoice-INV-2026-1102.pdf', `Invoice of 2 Nov 2026 for the ${promotion} budget`],
        ],
      };
    }
    case 'incorrect-charge':
      return {
        start: '2026-11-02',
        end: '2026-11-08',
        chargeDate: '2026-11-03',
        charged: 50000,
        expected: 30000,
        requested: 20000,
        invoice: 'INV-2026-1103',
        description: creator
          ? 'Your invoice charged USD 500.00 for the partnership, but we agreed USD 300.00 for one video.'
          : 'The budget was set to a lifetime limit of USD 300.00, but the payment method was charged ' +
            'USD 500.00 on 3 Nov 2026.',
        evidence: [
          ['receipt', 'billing-statement-november.pdf', 'Billing statement showing the USD 500.00 charge'],
          ['screenshot', 'budget-settings.png', 'Budget settings: lifetime limit of USD 300.00'],
        ],
      };
    case 'non-performance':
      return {
        start: '2026-11-02',
        end: '2026-11-08',
        chargeDate: '2026-11-02',
        promised: creator ? '50,000 views on the sponsored video' : '20,000 to 40,000 impressions (estimated reach)',
        delivered: creator ? '3,200 views' : '1,150 impressions',
        description: creator
          ? 'The sponsored video reached 3,200 views in its first week; the agreement promised 50,000.'
          : 'The order was sold with an estimated reach of 20,000 to 40,000 and delivered 1,150 ' +
            'impressions over its full run.',
        evidence: [
          ['report', 'performance-export.csv', 'Performance export for the whole run'],
          ['screenshot', 'estimated-reach.png', 'The estimated reach shown when the order was placed'],
        ],
      };
    case 'accidental-charge':
      return {
        chargeDate: '2026-11-04',
        noticedOn: '2026-11-05',
        invoice: 'INV-2026-1104',
        description: 'A second payment was made by mistake while the first one was still processing.',
        evidence: [['receipt', 'receipt-duplicate-payment.pdf', 'Receipt of the second, accidental payment']],
      };
    case 'campaign-cancelled':
      return {
        start: '2026-11-02',
        end: '2026-11-30',
        chargeDate: '2026-10-30',
        cancelledOn: '2026-11-01',
        cancelReason: 'The product launch was postponed.',
        // One creator sample of each kind: this one and creator-no-delivery went through TikTok One.
        ...(creator ? { paidVia: 'tiktok-one' as const } : {}),
        description: creator
          ? 'We cancelled the partnership on 1 Nov 2026, before any content was submitted, because the ' +
            'product launch was postponed.'
          : 'The campaign was cancelled on 1 Nov 2026, before it started, because the product launch was ' +
            'postponed. The prepaid budget was already charged.',
        evidence: [['receipt', 'invoice-prepaid-budget.pdf', 'Invoice for the prepaid budget, 30 Oct 2026']],
      };
    case 'creator-no-delivery':
      return {
        start: '2026-11-02',
        end: '2026-11-15',
        chargeDate: '2026-10-28',
        creator: '@maya.moves',
        deliverables: 'Two videos with the product, posted by 15 Nov 2026, with the paid partnership label',
        deliverablesDue: '2026-11-15',
        paidVia: 'tiktok-one',
        description:
          'The two videos were due by 15 Nov 2026. None has been posted, and our messages since ' +
          '10 Nov 2026 have had no answer.',
        evidence: [
          ['correspondence', 'agreement-and-messages.pdf', 'The agreement and our unanswered messages'],
          ['receipt', 'payment-confirmation.pdf', 'Payment of USD 500.00 on 28 Oct 2026'],
        ],
      };
    case 'unspent-balance':
      return {
        promotionId: ACCOUNT['tiktok-ads'].advertiserId ?? '',
        promotionName: null,
        charged: 41250,
        requested: 41250,
        balanceShownOn: '2026-11-05',
        description: 'We have stopped advertising on TikTok and ask for the unspent prepaid balance back.',
        evidence: [['screenshot', 'account-balance.png', 'Payment page showing the balance of USD 412.50']],
      };
  }
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const MIME: Record<string, string> = { png: 'image/png', pdf: 'application/pdf', csv: 'text/csv', mp4: 'video/mp4' };

/** Sample events are built from a table of types; the data given is the type's (a cast of the table's). */
function event<T extends EventType>(seq: number, type: T, on: string, data: EventDataByType[T]): ClaimEvent {
  return { seq, type, on, recordedAt: `${on}T12:00:00.000Z`, note: null, data, actor: null } as unknown as ClaimEvent;
}

/** A claim on `channel` for `reason`, drafted on 20 Nov 2026, as its owner would fill it in. */
export function sampleClaim(channel: Channel, reason: Reason): Claim {
  const { evidence, ...rest } = facts(channel, reason);
  const files: Evidence[] = evidence.map(([kind, name, caption], index) => ({
    number: index + 1,
    kind,
    name,
    caption,
    bytes: 184_320 * (index + 1),
    sha256: String(index + 1).repeat(64),
    mime: MIME[name.split('.').at(-1) ?? ''] ?? 'application/octet-stream',
    addedAt: '2026-11-06T12:00:00.000Z',
  }));
  return {
    id: 7,
    channel,
    reason,
    ...ACCOUNT[channel],
    ...PROMOTION[channel],
    start: null,
    end: null,
    currency: 'USD',
    charged: 50000,
    expected: null,
    requested: 50000,
    chargeDate: null,
    promised: null,
    delivered: null,
    creator: channel === 'creator' ? '@maya.moves' : null,
    deliverables: null,
    description: '',
    fileBy: null,
    noticedOn: null,
    cancelledOn: null,
    cancelReason: null,
    failure: null,
    invoice: null,
    balanceShownOn: null,
    deliverablesDue: null,
    paidVia: channel === 'creator' ? 'direct' : null,
    asCredit: false,
    agency: null,
    salesRep: null,
    factsVersion: FACTS_VERSION,
    status: 'draft',
    ticketNumber: null,
    approved: null,
    recovered: null,
    createdAt: '2026-11-06T12:00:00.000Z',
    createdOn: '2026-11-06',
    evidence: files,
    events: [event(1, 'created', '2026-11-06', {})],
    ...rest,
  };
}

/** The steps after filing that each message follows, and the day it is written. */
export const MESSAGE_STAGES = [
  'followup',
  'second-followup',
  'escalation',
  'followup-after-escalation',
  'appeal',
  'appeal-with-answer',
  'appeal-partial',
] as const;
export type MessageStage = (typeof MESSAGE_STAGES)[number];

export const SAMPLE_ANSWER =
  'The campaign never delivered: the reporting shows zero impressions from 2 to 5 Nov 2026 ' +
  '(file 01), while the budget was charged in full (file 03).';

/** The sample claim of `channel` at `stage`, the day the message is written, and its answer. */
export function sampleMessageClaim(
  channel: Channel,
  stage: MessageStage,
): { claim: Claim; today: string; answer: string | null } {
  const reason: Reason = channel === 'creator' ? 'creator-no-delivery' : 'technical-issue';
  const base = sampleClaim(channel, reason);
  const events = [
    ...base.events,
    event(2, 'submitted', '2026-11-09', { ticket: channel === 'creator' ? '' : '8812345' }),
  ];
  const add = <T extends EventType>(type: T, on: string, data: EventDataByType[T]) =>
    events.push(event(events.length + 1, type, on, data));
  let status: Claim['status'] = 'submitted';
  let today: string;
  let approved: number | null = null;
  switch (stage) {
    case 'followup':
      today = '2026-11-13';
      break;
    case 'second-followup':
      add('followup-sent', '2026-11-13', {});
      today = '2026-11-18';
      break;
    case 'escalation':
      add('followup-sent', '2026-11-13', {});
      add('followup-sent', '2026-11-18', {});
      today = '2026-11-23';
      break;
    case 'followup-after-escalation':
      add('followup-sent', '2026-11-13', {});
      add('followup-sent', '2026-11-18', {});
      add('escalation-sent', '2026-11-23', {});
      today = '2026-11-30';
      break;
    case 'appeal':
    case 'appeal-with-answer':
      add('decision', '2026-11-16', {
        decision: 'denied',
        reason: 'No issue was found with the delivery of this campaign.',
      });
      status = 'denied';
      today = '2026-11-18';
      break;
    case 'appeal-partial':
      add('decision', '2026-11-16', {
        decision: 'partially-approved',
        amount: 20000,
        reason: 'Only the days without delivery after the first report are refunded.',
      });
      status = 'partially-approved';
      approved = 20000;
      today = '2026-11-18';
      break;
  }
  const ticketNumber = channel === 'creator' ? null : '8812345';
  const claim: Claim = { ...base, status, approved, ticketNumber, events };
  return { claim, today, answer: stage === 'appeal-with-answer' ? SAMPLE_ANSWER : null };
}

export interface SampleDraft {
  /** `ticket-tiktok-ads`, `followup`, … */
  template: string;
  /** `tiktok-ads/technical-issue`, `creator/escalation`, … */
  sample: string;
  claimId: string;
  text: string;
}

/** The ticket of every channel × reason. */
export function sampleTickets(templates: Templates): SampleDraft[] {
  return Object.entries(SAMPLE_CHANNEL_REASONS).flatMap(([channel, reasons]) =>
    reasons.map((reason) => {
      const claim = sampleClaim(channel as Channel, reason);
      return {
        template: `ticket-${channel}`,
        sample: `${channel}/${reason}`,
        claimId: formatClaimId(claim.id),
        text: renderTicket(templates, claim),
      };
    }),
  );
}

/** Every message after filing on `channel`, from the template its stage calls for. */
export function sampleMessages(templates: Templates, channel: Channel): SampleDraft[] {
  return MESSAGE_STAGES.map((stage) => {
    const { claim, today, answer } = sampleMessageClaim(channel, stage);
    const template = stage.startsWith('appeal') ? 'appeal' : reminderDue(claim);
    return {
      template,
      sample: `${channel}/${stage}`,
      claimId: formatClaimId(claim.id),
      text: templates.render(template, messageView(claim, today, answer)),
    };
  });
}
