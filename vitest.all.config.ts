import { defineConfig } from 'vitest/config';

/** Both tiers in one run, for `npm run coverage`: lines of src/ that the tests execute in-process. */
export default defineConfig({
  test: {
    projects: ['./vitest.config.ts', './vitest.slow.config.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text', 'text-summary', 'html'],
    },
  },
});
