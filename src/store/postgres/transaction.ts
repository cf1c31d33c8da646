import type { ReservedSql, Sql } from 'postgres';

/** Error codes of a connection that is gone: nothing can be sent on it any more, not even ROLLBACK. */
const CONNECTION_GONE = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'ECONNRESET',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);

/**
 * Runs `work` in one transaction on one reserved connection: COMMIT when it returns, ROLLBACK when
 * it throws. Not the driver's `begin`: that sends ROLLBACK on a connection the server has ended
 * and then crashes the process writing to its closed socket; here a lost connection is left to
 * the server, which rolls the transaction back itself, and its error goes to the caller.
 */
export async function transaction<T>(sql: Sql, work: (tx: ReservedSql) => Promise<T>, mode = 'READ WRITE'): Promise<T> {
  const tx = await sql.reserve();
  try {
    await tx.unsafe(`BEGIN ${mode}`);
    const result = await work(tx);
    await tx.unsafe('COMMIT');
    return result;
  } catch (error) {
    if (!CONNECTION_GONE.has(String((error as { code?: unknown }).code))) {
      await tx.unsafe('ROLLBACK').catch(() => undefined);
    }
    throw error;
  } finally {
    tx.release();
  }
}
