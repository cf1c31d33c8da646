/**
 * Team mode with real processes on one PostgreSQL database: eight members at once on new claims
 * and on one claim, counted afterwards (no lost or duplicated event, no shared ID); a claim
 * held by someone else past the lock timeout; a connection cut mid-command.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { ClaimJson } from '../../src/app/formats/claim-json.js';
import { claimFlags, run } from '../helpers/cli.js';
import type { RunResult } from '../helpers/cli.js';
import { pngBytes } from '../helpers/files.js';
import { runCli } from '../helpers/in-process.js';
import { freshDatabaseUrl, postgresServer, withDatabase } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp.js';

const BUSY = /^error: RC-0001 was changed meanwhile, try again\.\n/;

/** Each result is a success or a "changed meanwhile" refusal (exit 1), never anything else. */
function tally(results: readonly RunResult[]): { done: number; busy: number } {
  let done = 0;
  let busy = 0;
  for (const result of results) {
    if (result.code === 0) done += 1;
    else {
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(BUSY);
      busy += 1;
    }
  }
  return { done, busy };
}

async function show(home: string, url: string): Promise<ClaimJson> {
  const result = await runCli(['show', '1', '--json'], { home, env: { REFUND_CLAIM_DATABASE_URL: url } });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ClaimJson;
}

describe.runIf(postgresServer() !== '')('eight members at once on one team database', () => {
  it('eight `new` get distinct IDs, and every claim that succeeded is there', async () => {
    const url = await freshDatabaseUrl();
    const homes = Array.from({ length: 8 }, () => tempDir());
    homes.forEach((home, i) => writeFileSync(join(home, 'shot.png'), pngBytes(8, 8, i)));
    const results = await Promise.all(
      homes.map((home, i) =>
        run([...claimFlags({ '--promotion-id': `17900000${i + 1}` }), '--screenshot', 'shot.png'], {
          home,
          env: { REFUND_CLAIM_DATABASE_URL: url, REFUND_CLAIM_USER: `member-${i}` },
        }),
      ),
    );
    const { done } = tally(results);
    const ids = results.filter((r) => r.code === 0).map((r) => r.stdout.trim());
    expect(new Set(ids).size).toBe(done);
    const listed = await runCli(['list', '--json'], { home: homes[0]!, env: { REFUND_CLAIM_DATABASE_URL: url } });
    expect((JSON.parse(listed.stdout) as { id: string }[]).map((c) => c.id).sort()).toEqual(ids.sort());
    expect(done).toBe(8);
  });

  it('eight `attach` and eight `log` on one claim: every change that succeeded is there once', async () => {
    const url = await freshDatabaseUrl();
    const env = { REFUND_CLAIM_DATABASE_URL: url };
    const first = tempDir();
    expect((await runCli(claimFlags(), { home: first, env })).code).toBe(0);
    const homes = Array.from({ length: 8 }, () => tempDir());
    homes.forEach((home, i) => writeFileSync(join(home, 'shot.png'), pngBytes(8, 8, 100 + i)));
    const attached = tally(
      await Promise.all(
        homes.map((home, i) =>
          run(['attach', '1', 'shot.png', '--kind', 'screenshot'], {
            home,
            env: { ...env, REFUND_CLAIM_USER: `m${i}` },
          }),
        ),
      ),
    );
    const logged = tally(
      await Promise.all(
        homes.map((home, i) =>
          run(['log', '1', '--from', 'me', '--message', `call ${i}`], {
            home,
            env: { ...env, REFUND_CLAIM_USER: `m${i}` },
          }),
        ),
      ),
    );
    const claim = await show(first, url);
    expect(claim.evidence.map((e) => e.id)).toEqual(Array.from({ length: attached.done }, (_, i) => i + 1));
    const messages = claim.events.filter((event) => event.type === 'message');
    expect(messages).toHaveLength(logged.done);
    expect(new Set(messages.map((event) => JSON.stringify(event.data))).size).toBe(logged.done);
    expect(claim.events.filter((event) => event.type === 'evidence-added')).toHaveLength(attached.done);
    // Ten seconds of lock timeout is far more than eight short transactions need.
    expect([attached.done, logged.done]).toEqual([8, 8]);
  });

  it('says "changed meanwhile, try again" when another member holds the claim past the lock timeout', async () => {
    const url = await freshDatabaseUrl();
    const home = tempDir();
    expect((await runCli(claimFlags(), { home, env: { REFUND_CLAIM_DATABASE_URL: url } })).code).toBe(0);
    // The driver passes the URL's other parameters to the server: a short lock timeout here.
    const impatient = new URL(url);
    impatient.searchParams.set('lock_timeout', '300');
    const result = await withDatabase(url, (sql) =>
      sql.begin(async (tx) => {
        await tx`SELECT id FROM claims WHERE id = 1 FOR UPDATE`;
        return run(['log', '1', '--from', 'me', '--message', 'late'], {
          home,
          env: { REFUND_CLAIM_DATABASE_URL: impatient.toString() },
        });
      }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(BUSY);
    expect((await show(home, url)).events).toHaveLength(1);
  });

  it('says the connection was lost, in one line, when the server ends it mid-command', async () => {
    const url = await freshDatabaseUrl();
    const home = tempDir();
    expect((await runCli(claimFlags(), { home, env: { REFUND_CLAIM_DATABASE_URL: url } })).code).toBe(0);
    const result = await withDatabase(url, (sql) =>
      sql.begin(async (tx) => {
        await tx`SELECT id FROM claims WHERE id = 1 FOR UPDATE`;
        const running = run(['log', '1', '--from', 'me', '--message', 'cut'], {
          home,
          env: { REFUND_CLAIM_DATABASE_URL: url },
        });
        // Once it waits for the claim, the administrator ends its session.
        for (let tries = 0; tries < 100; tries++) {
          const [ended] = await sql<{ n: number }[]>`SELECT count(pg_terminate_backend(pid))::int AS n
            FROM pg_stat_activity WHERE application_name = 'refund-claim' AND wait_event_type = 'Lock'`;
          if ((ended?.n ?? 0) > 0) break;
          await sleep(100);
        }
        return running;
      }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: The connection to the team database at 127\.0\.0\.1:\d+ was lost mid-command/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
    expect((await show(home, url)).events).toHaveLength(1);
  });
});
