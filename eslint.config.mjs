import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.tmpbuild/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      // TypeScript checks names itself (and knows jest's and Node's globals from their types).
      'no-undef': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine runs in the pane and in Node: it may not reach for either host.
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'engine/ is pure: no Node APIs.' },
          { group: ['exceljs', 'exceljs/*'], message: 'engine/ is pure: ExcelJS belongs to batch/.' },
          { group: ['../batch/*', '../../batch/*', '../addin/*', '../../addin/*'], message: 'engine/ does not import front ends.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'process', 'require'],
    },
  },
  {
    // The engine's public surface is engine/index.ts: front ends use nothing else of it.
    files: ['batch/**/*.ts', 'addin/**/*.ts', 'desk/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(\\.\\./)+engine/', message: 'Import the engine through engine/index.ts (`../engine`), its only door.' }],
      }],
    },
  },
  {
    // Nothing runs text as code, anywhere (THREATS.md). The timers are named as globals so
    // that no-implied-eval sees a string handed to them.
    languageOptions: { globals: { setTimeout: 'readonly', setInterval: 'readonly', window: 'readonly' } },
    rules: { 'no-eval': 'error', 'no-implied-eval': 'error', 'no-new-func': 'error', 'no-script-url': 'error' },
  },
  {
    // The pane and the desk page show workbook text: they build DOM nodes and set textContent, never HTML (THREATS.md).
    files: ['addin/**/*.ts', 'desk/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Workbook text must never become markup: build nodes and set textContent.' },
        { property: 'outerHTML', message: 'Workbook text must never become markup: build nodes and set textContent.' },
        { property: 'insertAdjacentHTML', message: 'Workbook text must never become markup: build nodes and set textContent.' },
        { property: 'createContextualFragment', message: 'Workbook text must never become markup.' },
        { object: 'document', property: 'write', message: 'Workbook text must never become markup.' },
        { object: 'document', property: 'writeln', message: 'Workbook text must never become markup.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='DOMParser']", message: 'No HTML parsed from text in the pane.' }],
    },
  },
);
