/**
 * Vitest's global set-up for the PostgreSQL tests: the server named by
 * REFUND_CLAIM_TEST_DATABASE_URL (CI's `.ci/run` starts one for the whole run), else a throwaway
 * cluster started here with scripts/pg-cluster.sh and always stopped after the run. With no
 * PostgreSQL installed, CI fails here; elsewhere the PostgreSQL tests say they are skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test server's URL; empty when there is none (never in CI). */
    postgresUrl: string;
  }
}

const SCRIPT = join(import.meta.dirname, '..', 'scripts', 'pg-cluster.sh');

function serverInstalled(): boolean {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian) && readdirSync(debian).some((version) => existsSync(join(debian, version, 'bin', 'initdb'))))
    return true;
  return spawnSync('sh', ['-c', 'command -v initdb'], { stdio: 'ignore' }).status === 0;
}

export default function setup(project: TestProject): () => void {
  const given = process.env.REFUND_CLAIM_TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return () => undefined;
  }
  if (!serverInstalled()) {
    if (process.env.CI)
      throw new Error(
        'The PostgreSQL tests need a server: install it (apt-get install -y postgresql) or set REFUND_CLAIM_TEST_DATABASE_URL.',
      );
    project.provide('postgresUrl', '');
    return () => undefined;
  }
  const base = mkdtempSync(join(tmpdir(), 'refund-claim-pg-'));
  const stop = (): void => {
    spawnSync('bash', [SCRIPT, 'stop', base], { stdio: 'inherit' });
  };
  const started = spawnSync('bash', [SCRIPT, 'start', base], { encoding: 'utf8' });
  if (started.status !== 0) {
    stop();
    throw new Error(`Could not start a throwaway PostgreSQL cluster: ${started.stderr}`);
  }
  project.provide('postgresUrl', started.stdout.trim());
  return stop;
}
