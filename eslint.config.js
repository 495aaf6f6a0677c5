import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { contextBoundaries } from './eslint.context-boundaries.js';

export default ts.config(
  { ignores: ['node_modules/', 'cdk.out/', 'web/build/', 'web/.svelte-kit/', '.local/', 'bench/tmp/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='ScanCommand']",
          message: 'No Scan on request paths: lists are Queries on an index (DESIGN §4).',
        },
      ],
    },
  },
  {
    files: ['functions/**/*.ts'],
    plugins: { hazmat: { rules: { 'context-boundaries': contextBoundaries } } },
    rules: { 'hazmat/context-boundaries': 'error' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
);
