import type { PostgresMigration } from './migration.js';

/**
 * The team schema: the SQLite schema of migrations 1–7 (claims, events, evidence metadata,
 * accounts, logged emails, calendar marks), plus the evidence content itself in 1 MiB chunks. Text columns are COLLATE "C", as
 * SQLite compares them (by code point): ISO dates and instants sort and compare the same in both,
 * whatever the server's locale. Money is bigint minor units, read back as numbers (rows.ts).
 */
export const initial: PostgresMigration = {
  version: 1,
  name: 'initial',
  readableFrom: 1,
  release: '0.2.0',
  async up(sql) {
    await sql.unsafe(`
      CREATE TABLE accounts (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text COLLATE "C" NOT NULL,
        advertiser_id text COLLATE "C" UNIQUE,
        email text NOT NULL,
        agency text,
        sales_rep text,
        updated_at text COLLATE "C" NOT NULL
      );
      -- One name-only account per name, ignoring ASCII case as SQLite's NOCASE does, so two
      -- members filing for the same new account at once update one entry.
      CREATE UNIQUE INDEX accounts_by_name ON accounts (lower(name)) WHERE advertiser_id IS NULL;

      CREATE TABLE claims (
        id integer PRIMARY KEY CHECK (id > 0),
        channel text COLLATE "C" NOT NULL,
        reason text COLLATE "C" NOT NULL,
        status text COLLATE "C" NOT NULL,
        account_name text NOT NULL,
        advertiser_id text,
        email text NOT NULL,
        promotion_id text COLLATE "C" NOT NULL,
        promotion_name text,
        promotion_start text,
        promotion_end text,
        currency text NOT NULL,
        charged bigint NOT NULL,
        expected bigint,
        requested bigint NOT NULL,
        approved bigint,
        recovered bigint,
        charge_date text,
        promised text,
        delivered text,
        creator text,
        deliverables text,
        description text NOT NULL,
        file_by text,
        ticket_number text,
        created_at text COLLATE "C" NOT NULL,
        created_on text COLLATE "C" NOT NULL,
        updated_at text COLLATE "C" NOT NULL,
        next_action text,
        next_due text COLLATE "C",
        noticed_on text,
        cancelled_on text,
        cancel_reason text,
        failure text,
        invoice text,
        balance_shown_on text,
        deliverables_due text,
        paid_via text,
        as_credit integer NOT NULL DEFAULT 0,
        agency text,
        sales_rep text,
        facts_version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX claims_pending
        ON claims (next_due, id)
        INCLUDE (status, next_action, promotion_id, promotion_name, currency, requested, account_name, advertiser_id)
        WHERE next_due IS NOT NULL;
      CREATE INDEX claims_open_by_promotion ON claims (promotion_id, channel, reason) WHERE next_due IS NOT NULL;
      CREATE INDEX claims_by_status ON claims (status, id);
      CREATE INDEX claims_by_reason ON claims (reason, id);
      CREATE INDEX claims_by_channel ON claims (channel, id);

      CREATE TABLE events (
        claim_id integer NOT NULL REFERENCES claims (id),
        seq integer NOT NULL,
        type text NOT NULL,
        happened_on text NOT NULL,
        recorded_at text NOT NULL,
        note text,
        -- text, not jsonb: jsonb reorders keys, and the JSON outputs must match SQLite's.
        data text NOT NULL DEFAULT '{}',
        actor text,
        PRIMARY KEY (claim_id, seq)
      );

      CREATE TABLE evidence (
        claim_id integer NOT NULL REFERENCES claims (id),
        seq integer NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        caption text,
        bytes bigint NOT NULL,
        sha256 text COLLATE "C" NOT NULL,
        mime text NOT NULL,
        added_at text NOT NULL,
        PRIMARY KEY (claim_id, seq)
      );
      CREATE INDEX evidence_by_sha256 ON evidence (sha256);

      -- Evidence content. An upload writes its chunks under its own ID, each chunk committed on
      -- its own, outside any claim's transaction; one short transaction then names the content by
      -- its SHA-256. An upload that no content names after a while was abandoned, and goes.
      CREATE TABLE evidence_uploads (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        touched_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE evidence_chunks (
        upload_id bigint NOT NULL REFERENCES evidence_uploads (id) ON DELETE CASCADE,
        n integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (upload_id, n)
      );
      -- Photos, videos and PDFs are compressed already: TOAST's compression would only cost time.
      ALTER TABLE evidence_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
      CREATE TABLE evidence_contents (
        sha256 text COLLATE "C" PRIMARY KEY,
        bytes bigint NOT NULL,
        upload_id bigint NOT NULL UNIQUE REFERENCES evidence_uploads (id),
        stored_at timestamptz NOT NULL DEFAULT now()
      );

      -- An email logged on a claim, once in the whole database (Message-ID, else checksum): two
      -- members running inbox at once never log it twice.
      CREATE TABLE logged_emails (
        email_key text COLLATE "C" PRIMARY KEY,
        claim_id integer NOT NULL REFERENCES claims (id)
      );

      -- The IDs a claim had before import --on-conflict renumber gave it a new one: tickets already
      -- sent quote them. The old ID is another claim's here, so only the pair is unique; lookups
      -- come by alias, which the unique index leads with.
      CREATE TABLE claim_aliases (
        alias_id integer NOT NULL,
        claim_id integer NOT NULL REFERENCES claims (id),
        imported_at text,
        UNIQUE (alias_id, claim_id)
      );
      CREATE INDEX claim_aliases_claim ON claim_aliases (claim_id);

      -- What the calendar last wrote under each event UID, so SEQUENCE never goes back.
      CREATE TABLE calendar_marks (
        uid text COLLATE "C" PRIMARY KEY,
        fingerprint text NOT NULL,
        sequence integer NOT NULL
      );
    `);
  },
};
