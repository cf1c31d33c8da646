/** Parsers for option values shared by several commands; each refuses with exit 2. */
import { InvalidArgumentError } from 'commander';
import { parseClaimId } from '../domain/claim.js';
import { parseDate } from '../domain/dates.js';
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

/** Reads a date option relative to `now`, naming the flag when it is not a date. */
export function dateOption(flag: string, text: string, now: Date): string {
  const result = parseDate(text, now);
  if (!result.ok) throw new UsageError(`${flag} ${result.error}.`);
  return result.value;
}
