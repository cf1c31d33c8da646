import type { Claim } from '../domain/claim.js';
import { formatClaimId, isTerminal } from '../domain/claim.js';
import { toLocalDate } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import type { ClaimStore, Clock } from './deps.js';

/**
 * Sets or replaces the caption of one evidence item; the file and its number stay. An "edited"
 * event naming the evidence number records the change.
 */
export async function captionEvidence(
  deps: { store: ClaimStore; clock: Clock },
  id: number,
  number: number,
  caption: string,
): Promise<{ claim: Claim; changed: boolean }> {
  const now = deps.clock.now();
  const { claim, result } = await deps.store.changeClaim(id, (current) => {
    if (isTerminal(current.status)) {
      throw new UserError(`${formatClaimId(id)} is ${current.status}; a closed claim is not edited.`);
    }
    const item = current.evidence.find((e) => e.number === number);
    if (!item) {
      const have = current.evidence.map((e) => `#${e.number}`).join(', ');
      throw new UserError(
        `${formatClaimId(id)} has no evidence #${number}${have ? ` (it has ${have})` : ' (it has none yet)'}.`,
        `Run \`refund-claim show ${formatClaimId(id)}\` to see its evidence numbers.`,
      );
    }
    if (item.caption === caption) return { change: {}, result: false };
    return {
      change: {
        captions: [{ number, caption }],
        events: [
          {
            type: 'edited',
            on: toLocalDate(now),
            recordedAt: now.toISOString(),
            note: null,
            data: { evidence: [number] },
          },
        ],
      },
      result: true,
    };
  });
  return { claim, changed: result };
}
