import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { contextBoundaries } from './eslint.context-boundaries.js';

/** What keeps a function bundle lean (README: Dependency notes; bench/results.json shows the sizes). */
const ZOD_CLASSIC = {
  name: 'zod',
  message: "import * as z from 'zod/mini': zod classic puts ≈445 KiB in every function bundle, tree-shaken or not.",
};
const EXCELJS_WHOLE = {
  name: 'exceljs',
  allowTypeImports: true,
  message:
    'load ExcelJS with loadExcel() (functions/lib/spreadsheet.ts): its in-memory Workbook only, loaded when a spreadsheet is read or written.',
};

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
          message: 'No Scan on request paths: lists are Queries on an index (docs/access-patterns.md).',
        },
        {
          selector: "ImportDeclaration[source.value='zod/mini'] > ImportSpecifier[imported.name='z']",
          message:
            "import * as z from 'zod/mini': the named `z` keeps ≈400 KiB of zod in a function bundle; the namespace import tree-shakes.",
        },
      ],
      'no-restricted-imports': ['error', { paths: [ZOD_CLASSIC] }],
    },
  },
  {
    files: ['functions/**/*.ts'],
    plugins: { hazmat: { rules: { 'context-boundaries': contextBoundaries } } },
    rules: {
      'hazmat/context-boundaries': 'error',
      'no-restricted-imports': ['error', { paths: [ZOD_CLASSIC, EXCELJS_WHOLE] }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
);
