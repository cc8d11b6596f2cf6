import { defineConfig } from 'vitest/config';

/**
 * Suites that run in-process on their own fresh stores and touch no process-wide state (no servers,
 * child processes, environment or global patches). They share one module registry per worker: each file
 * would otherwise load botbuilder-lg, the templates, the intent model and the category rules afresh,
 * which took about two thirds of their time.
 */
const SHARED = [
  'test/conversation/**/*.test.ts',
  'test/language/**/*.test.ts',
  'test/insights/**/*.test.ts',
  'test/ingest/enrich/**/*.test.ts',
  'test/demo/**/*.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: SHARED, isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['test/**/*.test.ts'],
          exclude: SHARED,
          // A PostgreSQL server for the store contract suite (test/store/contract), started once per run.
          globalSetup: ['test/store/contract/global-setup.ts'],
        },
      },
    ],
  },
});
