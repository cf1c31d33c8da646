/**
 * What TikTok says about refunds, in one place with where it says so, so that a policy change is
 * a one-file edit. The drafts, the wizard's warnings and the due dates read these; nothing else
 * states them. Checked against TikTok's help pages in November 2026 (SPEC "Facts the drafts
 * rely on"); when a page changes, correct the fact and its `checked` date here.
 */

export interface Sourced {
  /** Where TikTok says it: the help centre and the page's title. */
  source: string;
  /** When it was last checked against that page (`YYYY-MM`). */
  checked: string;
}

export interface AdsManagerUnspentBalanceFacts extends Sourced {
  /** Only the unspent balance is refunded, never money already spent; taxes are not refunded. */
  refundsOnlyUnspentBalance: true;
  taxesExcluded: true;
  /** Asking closes the ad account for good. */
  closesAccountForGood: true;
  /** Only an admin of the ad account can ask, through "Close Account and Refund". */
  requestedBy: string;
  requestPath: string;
  /** The money goes back to the original payment method within about this many days. */
  refundWithinDays: number;
  /** A suspended account gets no refund until the suspension is resolved. */
  noRefundWhileSuspended: true;
  /** A Business Center's ad account can move its balance to the Business Center instead. */
  businessCenterAlternative: string;
  /** A cash refund from a Business Center needs every linked ad account closed, via the sales representative. */
  businessCenterCashRefund: string;
}

export interface SuspensionAppealFacts extends Sourced {
  /** A suspension appeal must be filed within this many days. */
  appealWithinDays: number;
}

export interface TikTokOneRefundCase {
  /** When it applies, in the words a draft can use. */
  when: string;
  /** The share of the order refunded to the brand, 0–1. */
  share: number;
}

export interface TikTokOneFacts extends Sourced {
  /** Full refunds, then the partial one. */
  refunds: readonly TikTokOneRefundCase[];
  /** An order left in manual review this many days counts as approved. */
  manualReviewApprovedAfterDays: number;
}

export const ADS_MANAGER_UNSPENT_BALANCE: AdsManagerUnspentBalanceFacts = {
  source: 'TikTok Ads Manager Help Center: "Close your ad account and request a refund of your balance"',
  checked: '2026-11',
  refundsOnlyUnspentBalance: true,
  taxesExcluded: true,
  closesAccountForGood: true,
  requestedBy: 'an admin of the ad account',
  requestPath: 'Close Account and Refund',
  refundWithinDays: 60,
  noRefundWhileSuspended: true,
  businessCenterAlternative: 'transfer the balance to the Business Center instead of closing the account',
  businessCenterCashRefund: 'every linked ad account must be closed, through the sales representative',
};

export const SUSPENSION_APPEAL: SuspensionAppealFacts = {
  source: 'TikTok Ads Manager Help Center: "Appeal an ad account suspension"',
  checked: '2026-11',
  appealWithinDays: 180,
};

export const TIKTOK_ONE: TikTokOneFacts = {
  source: 'TikTok One (Creator Marketplace) Help Center: "Refunds for collaborations"',
  checked: '2026-11',
  refunds: [
    { when: 'the brand ended the collaboration before the creator submitted content', share: 1 },
    { when: 'the creator missed the deadline', share: 1 },
    { when: 'the creator ended the collaboration', share: 1 },
    {
      when: 'the brand ended the collaboration after the content was submitted but before it was approved',
      share: 0.9,
    },
  ],
  manualReviewApprovedAfterDays: 14,
};

/** Every fact, as the ticket view hands them to templates. */
export const PLATFORM_FACTS = {
  adsManagerUnspentBalance: ADS_MANAGER_UNSPENT_BALANCE,
  suspensionAppeal: SUSPENSION_APPEAL,
  tiktokOne: TIKTOK_ONE,
} as const;

export type PlatformFacts = typeof PLATFORM_FACTS;

/** The warning shown before an unspent-balance request on Ads Manager is saved. */
export function unspentBalanceWarning(facts: AdsManagerUnspentBalanceFacts = ADS_MANAGER_UNSPENT_BALANCE): string {
  return [
    'Before you ask for your unspent balance back, know what TikTok does with the request:',
    `  - only the unspent balance is refunded${facts.taxesExcluded ? ' (taxes excluded)' : ''}; money already spent on ads is not;`,
    '  - the ad account is closed for good and cannot be reopened;',
    `  - the request is accepted only from ${facts.requestedBy} (${facts.requestPath});`,
    `  - the money goes back to the original payment method, within about ${facts.refundWithinDays} days;`,
    '  - a suspended account gets no refund until the suspension is resolved.',
    'If you only want to use the balance elsewhere, transfer it to another ad account inside',
    'your Business Center instead.',
  ].join('\n');
}
