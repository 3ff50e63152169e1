import { defineConfig } from 'vitest/config';

// Two projects: `fast` (pure and SQLite tests, used by `npm run check`) and `integration`
// (PostgreSQL, shared real data, the HTTP server end to end). `npm test` runs both.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'e2e/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            'packages/*/test/**/*.int.test.ts',
            'apps/*/test/**/*.int.test.ts',
            'e2e/**/*.int.test.ts',
          ],
          fileParallelism: false,
        },
      },
    ],
  },
});
