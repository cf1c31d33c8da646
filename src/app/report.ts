/**
 * `report`: what was asked for and what came back, per channel, reason and currency (amounts in
 * different currencies are never added together; there are no exchange rates).
 */
import { CHANNELS, REASONS } from '../domain/claim.js';
import type { Channel, Claim, Reason } from '../domain/claim.js';
import { claimOutcome } from '../domain/outcomes.js';
import { median, ratio } from '../domain/stats.js';
import type { ClaimStore } from './deps.js';

export interface ReportGroup {
  channel: Channel;
  reason: Reason;
  currency: string;
  claims: number;
  /** Sum of the requested amounts, minor units. */
  requested: number;
  /** Sum of the recovered amounts (none yet counts as 0), minor units. */
  recovered: number;
  /** recovered ÷ requested; null when nothing was requested. */
  recoveryRate: number | null;
  /** Claims the platform has answered. */
  decided: number;
  /** Of those, the ones whose latest answer approved them, fully or partly. */
  approved: number;
  /** approved ÷ decided; null when none was decided. */
  approvalRate: number | null;
  /** Median calendar days from filing to the first answer, over claims with both; null for none. */
  medianDaysToDecision: number | null;
}

export interface ReportOptions {
  /** Only claims drafted on or after this day (`YYYY-MM-DD`). */
  since: string | null;
}

export async function buildReport(store: ClaimStore, options: ReportOptions): Promise<ReportGroup[]> {
  const claims = await store.fullClaims(options.since === null ? {} : { createdSince: options.since });
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const key = `${claim.channel}\t${claim.reason}\t${claim.currency}`;
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  return [...groups.values()].map(summarise).sort(byChannelReasonCurrency);
}

function summarise(claims: readonly Claim[]): ReportGroup {
  const [first] = claims;
  if (!first) throw new Error('a report group is never empty');
  const outcomes = claims.map((claim) => claimOutcome(claim.events));
  const requested = claims.reduce((sum, claim) => sum + claim.requested, 0);
  const recovered = claims.reduce((sum, claim) => sum + (claim.recovered ?? 0), 0);
  const decided = outcomes.filter((outcome) => outcome.approved !== null).length;
  const approved = outcomes.filter((outcome) => outcome.approved === true).length;
  const days = outcomes.map((outcome) => outcome.daysToDecision).filter((d) => d !== null);
  return {
    channel: first.channel,
    reason: first.reason,
    currency: first.currency,
    claims: claims.length,
    requested,
    recovered,
    recoveryRate: ratio(recovered, requested),
    decided,
    approved,
    approvalRate: ratio(approved, decided),
    medianDaysToDecision: median(days),
  };
}

/** In the order the vocabulary lists channels and reasons; currencies alphabetically. */
function byChannelReasonCurrency(a: ReportGroup, b: ReportGroup): number {
  return (
    CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel) ||
    REASONS.indexOf(a.reason) - REASONS.indexOf(b.reason) ||
    a.currency.localeCompare(b.currency)
  );
}
