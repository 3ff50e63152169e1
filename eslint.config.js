// The pure core must stay free of I/O: the rule below fails the lint when it imports one.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = ['fs', 'path', 'http', 'https', 'net', 'child_process', 'os', 'worker_threads', 'stream'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'demo/data/**', 'apps/web/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.flatMap((m) => [
            { name: m, message: 'The core is pure: no I/O.' },
            { name: `node:${m}`, message: 'The core is pure: no I/O.' },
          ]),
          patterns: [
            { group: ['pg', 'better-sqlite3', 'kysely', 'fastify'], message: 'The core is pure: no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/public/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        location: 'readonly',
        fetch: 'readonly',
        URLSearchParams: 'readonly',
        Intl: 'readonly',
      },
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
