import { defineConfig } from 'vitest/config';
import { shared } from './vitest.config.js';

/**
 * The slow tier: what must run the built binary as a process (a real terminal, signals, closed
 * pipes, several processes at once, module loading, the packed tarball). Build first.
 */
export default defineConfig({
  test: {
    ...shared,
    name: 'slow',
    include: ['test/slow/**/*.test.ts'],
  },
});
