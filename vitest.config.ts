import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A PostgreSQL server for the store contract suite (test/store/contract), started once per run.
    globalSetup: ['test/store/contract/global-setup.ts'],
  },
});
