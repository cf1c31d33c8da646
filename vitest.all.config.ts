import { defineConfig } from 'vitest/config';

/** Both tiers in one run, for `npm run coverage`: lines of src/ that the tests execute in-process. */
export default defineConfig({
  test: {
    // The tiers differ in workers and isolation, so they run one after the other.
    projects: [
      { extends: './vitest.config.ts', test: { sequence: { groupOrder: 0 } } },
      { extends: './vitest.slow.config.ts', test: { sequence: { groupOrder: 1 } } },
    ],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text', 'text-summary', 'html'],
    },
  },
});
