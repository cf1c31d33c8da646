/**
 * Parsers for option values shared by several commands; each refuses with exit 2. Date options
 * are in date-option.ts: `status` and `show` use this file and should not load a date parser.
 */
import { InvalidArgumentError } from './commander.js';
import { parseClaimId } from '../domain/claim.js';
import { UsageError } from '../domain/errors.js';

export function parseDays(text: string): number {
  if (!/^\d{1,4}$/.test(text.trim())) throw new InvalidArgumentError('Give a whole number of days, like 7.');
  return Number(text);
}

/** Reads a claim ID argument: `RC-0007`, `rc-7` or `7`. */
export function claimIdArgument(text: string): number {
  const id = parseClaimId(text);
  if (id === null) {
    throw new UsageError(
      `"${text}" is not a claim ID.`,
      'Claim IDs look like RC-0007 (rc-7 and 7 work too); see `refund-claim list`.',
    );
  }
  return id;
}
