import type { Migration } from './migration.js';

/**
 * The emails logged on claims, one row each under their key (Message-ID, else checksum): the
 * primary key is what stops two `inbox` runs at once from logging one email twice. Numbered 6
 * because version 2's schema change 5 comes from another part of the work. Additive only.
 */
export const loggedEmails: Migration = {
  version: 6,
  name: 'logged-emails',
  up(db) {
    db.exec(`
      CREATE TABLE logged_emails (
        email_key TEXT PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims (id)
      );
    `);
  },
};
