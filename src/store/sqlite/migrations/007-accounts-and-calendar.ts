import type { Migration } from './migration.js';

/**
 * Version 2's agencies: `status` prints each claim's account and `--account` picks one, so the
 * account's name and advertiser ID join the index of open claims (still read alone, as migration
 * 2 made it). And `calendar` keeps, per event UID, what it last wrote and that event's SEQUENCE,
 * so a re-imported file moves an event instead of adding one, and SEQUENCE never goes back.
 * Additive only: a version-1 client reads this schema as before.
 */
export const accountsAndCalendar: Migration = {
  version: 7,
  name: 'accounts-and-calendar',
  up(db) {
    db.exec(`
      DROP INDEX claims_pending;
      CREATE INDEX claims_pending
        ON claims (next_due, id, status, next_action, promotion_id, promotion_name, currency, requested,
          account_name, advertiser_id)
        WHERE next_due IS NOT NULL;

      CREATE TABLE calendar_marks (
        uid TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        sequence INTEGER NOT NULL
      );
    `);
  },
};
