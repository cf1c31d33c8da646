import type { Database } from 'better-sqlite3';

/** One step of the schema. `up` runs in the same transaction as its `user_version` bump. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
