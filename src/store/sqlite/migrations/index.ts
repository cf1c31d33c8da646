import { initial } from './001-initial.js';
import { pendingCoveringIndex } from './002-pending-covering-index.js';
import { claimFacts } from './003-claim-facts.js';
import { eventActor } from './004-event-actor.js';
import { loggedEmails } from './006-logged-emails.js';
import { accountsAndCalendar } from './007-accounts-and-calendar.js';
import type { Migration } from './migration.js';

/** Every migration ever shipped, in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  pendingCoveringIndex,
  claimFacts,
  eventActor,
  loggedEmails,
  accountsAndCalendar,
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
