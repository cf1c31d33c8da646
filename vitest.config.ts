import { defineConfig } from 'vitest/config';

/** What both tiers share. */
export const shared = {
  // better-sqlite3 is a native addon: separate processes keep each file's handles apart, and
  // in-process command runs may change the working directory (test/helpers/in-process.ts).
  pool: 'forks',
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // Reading time zones and "today" from a fixed place makes date tests mean the same anywhere.
  env: { TZ: 'UTC' },
  // A PostgreSQL server for the team-mode tests: CI's, or a throwaway one (test/postgres-setup.ts).
  globalSetup: 'test/postgres-setup.ts',
} as const;

/**
 * The fast tier, what `vitest run` runs: unit tests, and the commands run in-process through
 * `main()`. The slow tier, which spawns the built binary, is vitest.slow.config.ts.
 */
export default defineConfig({
  test: {
    ...shared,
    name: 'fast',
    include: ['test/unit/**/*.test.ts', 'test/commands/**/*.test.ts'],
    // One process per worker for all its files, not one per file: starting a fork costs more than
    // most files take. The tests leave no state behind (runCli restores cwd and TZ; stores close).
    isolate: false,
    // Vitest's default is one worker less than the CPUs: one worker on two cores.
    maxWorkers: '100%',
  },
});
