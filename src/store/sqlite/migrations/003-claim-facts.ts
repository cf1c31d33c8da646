import type { Migration } from './migration.js';

/**
 * Version 2's facts: the reason's dates and details, how a creator was paid, ad credit instead of
 * money back, and the agency and sales representative (on the claim and with the account).
 * `facts_version` says which rules a claim was drafted under: every claim before this one stays
 * at 1, so a fact it was never asked for is a warning, not an error. Additive only.
 */
export const claimFacts: Migration = {
  version: 3,
  name: 'claim-facts',
  up(db) {
    db.exec(`
      ALTER TABLE claims ADD COLUMN noticed_on TEXT;
      ALTER TABLE claims ADD COLUMN cancelled_on TEXT;
      ALTER TABLE claims ADD COLUMN cancel_reason TEXT;
      ALTER TABLE claims ADD COLUMN failure TEXT;
      ALTER TABLE claims ADD COLUMN invoice TEXT;
      ALTER TABLE claims ADD COLUMN balance_shown_on TEXT;
      ALTER TABLE claims ADD COLUMN deliverables_due TEXT;
      ALTER TABLE claims ADD COLUMN paid_via TEXT;
      ALTER TABLE claims ADD COLUMN as_credit INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE claims ADD COLUMN agency TEXT;
      ALTER TABLE claims ADD COLUMN sales_rep TEXT;
      ALTER TABLE claims ADD COLUMN facts_version INTEGER NOT NULL DEFAULT 1;
      -- A creator partnership was paid directly unless the claim says otherwise.
      UPDATE claims SET paid_via = 'direct' WHERE channel = 'creator';

      ALTER TABLE accounts ADD COLUMN agency TEXT;
      ALTER TABLE accounts ADD COLUMN sales_rep TEXT;
    `);
  },
};
