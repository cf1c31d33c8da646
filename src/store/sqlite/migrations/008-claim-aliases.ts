import type { Migration } from './migration.js';

/**
 * The IDs a claim was known by before `import --on-conflict renumber` gave it a new one: tickets
 * already sent quote the old ID, so commands and `inbox` still find the claim by it. An old ID is
 * taken by another claim here (that is why it was renumbered), so one alias can belong to several
 * claims and a claim to several aliases; the pair is what is unique. The unique index leads with
 * the alias, which is how every lookup comes. Additive only.
 */
export const claimAliases: Migration = {
  version: 8,
  name: 'claim-aliases',
  up(db) {
    db.exec(`
      CREATE TABLE claim_aliases (
        alias_id INTEGER NOT NULL,
        claim_id INTEGER NOT NULL REFERENCES claims (id),
        imported_at TEXT,
        UNIQUE (alias_id, claim_id)
      );
      CREATE INDEX claim_aliases_claim ON claim_aliases (claim_id);
    `);
  },
};
