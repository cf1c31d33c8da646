/** How channels, reasons and evidence kinds read in plain words, in prompts and in tickets. */
import type { Channel, ClaimFields, EvidenceKind, Reason } from './claim.js';
import { UsageError } from './errors.js';
import { unspentBalanceWarning } from './platform-facts.js';

/** Which reasons fit which channel (SPEC "What each reason needs"); any other pair is refused. */
export const CHANNEL_REASONS: Record<Channel, readonly Reason[]> = {
  'tiktok-ads': [
    'technical-issue',
    'incorrect-charge',
    'non-performance',
    'accidental-charge',
    'campaign-cancelled',
    'unspent-balance',
  ],
  'tiktok-promote': [
    'technical-issue',
    'incorrect-charge',
    'non-performance',
    'accidental-charge',
    'campaign-cancelled',
  ],
  creator: ['creator-no-delivery', 'campaign-cancelled', 'non-performance', 'incorrect-charge', 'accidental-charge'],
};

export function reasonFits(channel: Channel, reason: Reason): boolean {
  return CHANNEL_REASONS[channel].includes(reason);
}

/** The one channel a reason fits, when there is only one (`creator-no-delivery`, `unspent-balance`). */
export function onlyChannelFor(reason: Reason): Channel | null {
  const channels = (Object.keys(CHANNEL_REASONS) as Channel[]).filter((channel) => reasonFits(channel, reason));
  return channels.length === 1 ? (channels[0] ?? null) : null;
}

/** "a creator claim cannot be for unspent-balance; …", naming the reasons the channel allows. */
export function channelReasonProblem(channel: Channel, reason: Reason): string | null {
  if (reasonFits(channel, reason)) return null;
  return `a ${channel} claim cannot be for ${reason}; its reason is one of ${CHANNEL_REASONS[channel].join(', ')}`;
}

/** Refuses (exit 2) a channel × reason pair outside the table. */
export function assertReasonFits(channel: Channel, reason: Reason): void {
  const problem = channelReasonProblem(channel, reason);
  if (problem) {
    throw new UsageError(
      `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`,
      `Pick one of those with --reason, or the channel the claim was paid on with --channel.`,
    );
  }
}

/** What the promotion is called on each channel, in prompts, `show` and drafts. */
export const PROMOTION_WORDS: Record<Channel, string> = {
  'tiktok-ads': 'campaign or ad group',
  'tiktok-promote': 'Promote order',
  creator: 'partnership (TikTok One order or direct deal)',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  'tiktok-ads': 'TikTok Ads Manager campaign',
  'tiktok-promote': 'TikTok Promote boost (in-app)',
  creator: 'Paid creator partnership',
};

export const REASON_LABELS: Record<Reason, string> = {
  'technical-issue': 'A technical issue stopped the promotion from running as set up',
  'incorrect-charge': 'I was charged more than I should have been',
  'non-performance': 'The promotion did not deliver what was promised',
  'accidental-charge': 'I was charged by accident',
  'campaign-cancelled': 'The campaign was cancelled',
  'creator-no-delivery': 'The creator did not post what we agreed',
  'unspent-balance': 'I want my unspent ad balance back',
};

/** How the reason is stated to a support agent, after "Reason for this request:". */
export const REASON_STATEMENTS: Record<Reason, string> = {
  'technical-issue': 'a technical issue on the platform prevented the promotion from running as configured',
  'incorrect-charge': 'the amount charged is higher than the amount that should have been billed',
  'non-performance': 'the promotion did not deliver the results it was sold with',
  'accidental-charge': 'the charge was made by accident and was not intended',
  'campaign-cancelled': 'the campaign was cancelled and the charge should be returned',
  'creator-no-delivery': 'the paid creator did not publish the agreed deliverables',
  'unspent-balance': 'the account holds an unspent prepaid balance that will not be used',
};

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  screenshot: 'screenshot',
  receipt: 'receipt, invoice or billing statement',
  report: 'performance report export',
  correspondence: 'email or chat log',
  recording: 'screen recording',
  other: 'file of another kind',
};

/**
 * Whether the claim may be saved only once the user has read UNSPENT_BALANCE_WARNING and agreed:
 * asking Ads Manager for an unspent balance closes the ad account for good.
 */
export function needsUnspentBalanceConsent(fields: Pick<ClaimFields, 'channel' | 'reason'>): boolean {
  return fields.channel === 'tiktok-ads' && fields.reason === 'unspent-balance';
}

/** The warning SPEC requires before an unspent-balance claim on Ads Manager is saved. */
export const UNSPENT_BALANCE_WARNING = unspentBalanceWarning();
