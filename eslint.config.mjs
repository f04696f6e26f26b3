import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', '**/coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['worker/src/workflows/**/*.ts', 'libs/shared/src/workflow/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'http', 'https', 'crypto', 'child_process', 'net', 'timers'], message: 'Workflow code is deterministic: no Node APIs.' },
            { group: ['@temporalio/activity', '@temporalio/client', '@temporalio/worker', '@call-scheduler/db'], message: 'Workflows import only @temporalio/workflow and shared contracts.' },
          ],
        },
      ],
    },
  },
  {
    // Imports flow one way in the web app: app → features → lib/config, and never into server code.
    files: ['web/src/lib/**', 'web/src/config/**', 'web/src/components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/**', '**/app/**'], message: 'Shared web code depends on no feature.' }] }],
    },
  },
  {
    files: ['web/src/features/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/**'], message: 'Features do not reach into the app shell.' },
            { group: ['@call-scheduler/shared/*', '@call-scheduler/db', '@temporalio/*'], message: 'The browser gets only the shared contracts.' },
          ],
        },
      ],
    },
  },
);
