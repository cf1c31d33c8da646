import { formatClaimId } from './claim.js';

/**
 * The only errors a user should ever see. Anything else reaching `cli/main.ts` is a bug.
 * `message` says what is wrong and names the input; `hint` says what to do next.
 */
export class UserError extends Error {
  /** Exit code for "well-formed, but cannot be done". */
  readonly exitCode: number = 1;
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UserError';
    this.hint = hint;
  }
}

/** The command line is wrong: unknown option, missing or invalid value, unreadable input file. */
export class UsageError extends UserError {
  override readonly exitCode: number = 2;

  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'UsageError';
  }
}

/** The user stopped the command (Ctrl-C at a prompt, or declined a confirmation). */
export class CancelledError extends UserError {
  override readonly exitCode: number = 130;

  constructor(message = 'Cancelled — nothing was saved.') {
    super(message);
    this.name = 'CancelledError';
  }
}

export class ClaimNotFoundError extends UserError {
  constructor(id: number) {
    super(`Claim ${formatClaimId(id)} not found.`, 'Run `refund-claim list` to see your claims.');
    this.name = 'ClaimNotFoundError';
  }
}

/** SPEC: a second open claim for the same channel, promotion ID and reason needs consent. */
export class DuplicateClaimError extends UserError {
  constructor(existing: { id: number; status: string; promotionId: string; reason: string }) {
    super(
      `${formatClaimId(existing.id)} (${existing.status}) is already an open ${existing.reason} claim for promotion ${existing.promotionId}.`,
      `Work on ${formatClaimId(existing.id)}, or pass --allow-duplicate to file another one.`,
    );
    this.name = 'DuplicateClaimError';
  }
}

/** `import` met claim IDs the data directory already uses, and was not told how to resolve it. */
export class ClaimIdTakenError extends UserError {
  constructor(readonly ids: readonly number[]) {
    const shown = ids.slice(0, 5).map(formatClaimId).join(', ');
    const more = ids.length > 5 ? ` and ${ids.length - 5} more` : '';
    super(
      `${shown}${more} already exist${ids.length === 1 ? 's' : ''} in this data directory; nothing was imported.`,
      'Pass --on-conflict skip to keep the existing claims, or --on-conflict renumber to import them under new IDs.',
    );
    this.name = 'ClaimIdTakenError';
  }
}

/** The email was logged before (on this claim or another): the change that would log it again is refused whole. */
export class EmailLoggedError extends UserError {
  constructor(
    readonly key: string,
    readonly claimId: number,
  ) {
    super(`This email was logged on ${formatClaimId(claimId)} already.`);
    this.name = 'EmailLoggedError';
  }
}

/**
 * Another member changed the same claim while this command waited for it, longer than the store
 * waits (team mode): nothing was saved, and running the command again acts on the new state.
 */
export class ConcurrentChangeError extends UserError {
  constructor(what: string) {
    super(`${what} was changed meanwhile, try again.`, 'Nothing was saved; run the command again.');
    this.name = 'ConcurrentChangeError';
  }
}
