import type { Migration } from './migration.js';

/** The first schema. Shipped migrations are never edited; add a new one instead. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        advertiser_id TEXT UNIQUE,
        email TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX accounts_by_name ON accounts (name COLLATE NOCASE);

      CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL,
        reason TEXT NOT NULL,
        status TEXT NOT NULL,
        account_name TEXT NOT NULL,
        advertiser_id TEXT,
        email TEXT NOT NULL,
        promotion_id TEXT NOT NULL,
        promotion_name TEXT,
        promotion_start TEXT,
        promotion_end TEXT,
        currency TEXT NOT NULL,
        charged INTEGER NOT NULL,
        expected INTEGER,
        requested INTEGER NOT NULL,
        approved INTEGER,
        recovered INTEGER,
        charge_date TEXT,
        promised TEXT,
        delivered TEXT,
        creator TEXT,
        deliverables TEXT,
        description TEXT NOT NULL,
        file_by TEXT,
        ticket_number TEXT,
        created_at TEXT NOT NULL,
        created_on TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- Derived from the events on every write, so that status and list never replay them.
        next_action TEXT,
        next_due TEXT
      );
      -- Closed claims have no next action and stay out of these indexes: status does not slow
      -- down as they pile up.
      CREATE INDEX claims_pending ON claims (next_due, id) WHERE next_due IS NOT NULL;
      CREATE INDEX claims_open_by_promotion ON claims (promotion_id, channel, reason) WHERE next_due IS NOT NULL;
      CREATE INDEX claims_by_status ON claims (status, id);
      CREATE INDEX claims_by_reason ON claims (reason, id);
      CREATE INDEX claims_by_channel ON claims (channel, id);

      CREATE TABLE events (
        claim_id INTEGER NOT NULL REFERENCES claims (id),
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        happened_on TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        note TEXT,
        data TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (claim_id, seq)
      ) WITHOUT ROWID;

      CREATE TABLE evidence (
        claim_id INTEGER NOT NULL REFERENCES claims (id),
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        caption TEXT,
        bytes INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        mime TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (claim_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX evidence_by_sha256 ON evidence (sha256);
    `);
  },
};
