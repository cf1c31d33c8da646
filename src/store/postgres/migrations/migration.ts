import type { Sql } from 'postgres';

/**
 * One step of the team database's schema, applied once by the first client that knows it, in the
 * transaction that records it. Shipped migrations are never edited; add a new one instead.
 */
export interface PostgresMigration {
  version: number;
  name: string;
  /**
   * The oldest schema version a client must know to keep working once this step is applied. An
   * additive step (a new table, a nullable column) keeps 1: every older client goes on working.
   * A step older clients cannot live with sets its own version, and they refuse the database.
   */
  readableFrom: number;
  /** The refund-claim release that first ships this step: what an older client is told to install. */
  release: string;
  up(sql: Sql): Promise<void>;
}
