import { initial } from './001-initial.js';
import { pendingCoveringIndex } from './002-pending-covering-index.js';
import { claimFacts } from './003-claim-facts.js';
import { eventActor } from './004-event-actor.js';
import { loggedEmails } from './006-logged-emails.js';
import { accountsAndCalendar } from './007-accounts-and-calendar.js';
import { claimAliases } from './008-claim-aliases.js';
import type { Migration } from './migration.js';

/**
 * Every migration ever shipped, in order. Append only. Version 5 was reserved and stays unused: `migrate` skips every version at or below
 * a database's `user_version`, so a 5 added after 6 and 7 had shipped would never run.
 */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  pendingCoveringIndex,
  claimFacts,
  eventActor,
  loggedEmails,
  accountsAndCalendar,
  claimAliases,
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
