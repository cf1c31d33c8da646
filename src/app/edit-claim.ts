import type { Claim, ClaimFields } from '../domain/claim.js';
import { formatClaimId, isTerminal } from '../domain/claim.js';
import { defaultPaidVia, defaultRequested } from '../domain/completeness.js';
import { toLocalDate } from '../domain/dates.js';
import { UsageError, UserError } from '../domain/errors.js';
import { assertReasonFits } from '../domain/reasons.js';
import { assertConsistent } from './create-claim.js';
import type { ClaimStore, Clock } from './deps.js';

export interface EditResult {
  claim: Claim;
  changed: (keyof ClaimFields)[];
}

/**
 * Corrects fields of an open claim and records which ones changed. A requested amount that was
 * the default follows the amounts it was derived from.
 */
export async function editClaim(
  deps: { store: ClaimStore; clock: Clock },
  id: number,
  changes: Partial<ClaimFields>,
): Promise<EditResult> {
  const now = deps.clock.now();
  const { claim, result: changed } = await deps.store.changeClaim(id, (current) => {
    if (isTerminal(current.status)) {
      throw new UserError(`${formatClaimId(id)} is ${current.status}; a closed claim is not edited.`);
    }
    const requestedWasDefault =
      current.requested === defaultRequested(current.reason, current.charged, current.expected);
    assertAmountsInNewCurrency(current, changes, requestedWasDefault);
    const next: ClaimFields = { ...current, ...changes };
    // A claim moved to or from `creator` takes that channel's default for how it was paid.
    if (changes.paidVia === undefined)
      next.paidVia = defaultPaidVia(
        next.channel,
        next.channel === 'creator' ? (current.paidVia ?? undefined) : undefined,
      );
    if (changes.requested === undefined && requestedWasDefault) {
      next.requested = defaultRequested(next.reason, next.charged, next.expected);
    }
    // A pair the table no longer allows keeps working until the channel or reason is changed.
    if (next.channel !== current.channel || next.reason !== current.reason) assertReasonFits(next.channel, next.reason);
    assertConsistent(next);
    const keys = new Set([
      ...(Object.keys(changes) as (keyof ClaimFields)[]),
      'requested' as const,
      'paidVia' as const,
    ]);
    const changed = [...keys].filter((key) => next[key] !== current[key]);
    if (changed.length === 0) return { change: {}, result: changed };
    return {
      change: {
        fields: Object.fromEntries(changed.map((key) => [key, next[key]])),
        events: [
          {
            type: 'edited',
            on: toLocalDate(now),
            recordedAt: now.toISOString(),
            note: null,
            data: { fields: changed },
          },
        ],
      },
      result: changed,
    };
  });
  return { claim, changed };
}

/** Amounts are stored in minor units: a new currency needs every amount given again in it. */
function assertAmountsInNewCurrency(
  current: ClaimFields,
  changes: Partial<ClaimFields>,
  requestedWasDefault: boolean,
): void {
  if (changes.currency === undefined || changes.currency === current.currency) return;
  const missing = [
    changes.charged === undefined ? '--charged' : null,
    current.expected !== null && changes.expected === undefined ? '--expected' : null,
    !requestedWasDefault && changes.requested === undefined ? '--requested' : null,
  ].filter((flag) => flag !== null);
  if (missing.length > 0) {
    throw new UsageError(
      `Changing the currency to ${changes.currency} needs the amounts in it too: ${missing.join(', ')}.`,
    );
  }
}
