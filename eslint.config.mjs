import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The rooms (docs/architecture.md): the rooms and which each may import are read from the
 * diagram there, so that the map and the fences are one; what else each may import is here.
 */
const NODE = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'util', 'zlib', 'stream'];
const WORLD = {
  engine: { node: [], exceljs: false },
  reader: { node: ['node:zlib'], exceljs: false },
  formats: { node: [], exceljs: false },
  writers: { node: [], exceljs: true },
  pool: { node: NODE, exceljs: false },
  command: { node: NODE, exceljs: false },
  desk: { node: [], exceljs: false },
  addin: { node: [], exceljs: false },
};

function arrows() {
  const doc = readFileSync(new URL('./docs/architecture.md', import.meta.url), 'utf8');
  const graph = /```mermaid\n([\s\S]*?)```/.exec(doc);
  if (!graph) throw new Error('docs/architecture.md has no mermaid diagram');
  return [...graph[1].matchAll(/^\s*(\w+)\s*-->\s*(\w+)\s*$/gm)].map((m) => [m[1], m[2]]);
}

function roomFences() {
  const drawn = arrows();
  const ROOMS = [...new Set(drawn.flat())];
  for (const room of ROOMS) if (!WORLD[room]) throw new Error(`docs/architecture.md draws a room "${room}" eslint.config.mjs gives no world`);
  return ROOMS.map((room) => {
    const may = new Set(drawn.filter(([from]) => from === room).map(([, to]) => to));
    const others = ROOMS.filter((r) => r !== room);
    const world = WORLD[room];
    const patterns = [
      // One exception: the browser pages' first import, engine/zod-jitless.ts (zod without `new Function`).
      { regex: `^(\\.\\./)+(?!engine/zod-jitless$)(${others.join('|')})/`, message: `Import another room through its door (\`../reader\`, not \`../reader/zip\`): docs/architecture.md.` },
    ];
    const barred = others.filter((r) => !may.has(r));
    if (barred.length > 0) patterns.push({ regex: `^(\\.\\./)+(${barred.join('|')})$`, message: `${room}/ does not import that room: the arrows of docs/architecture.md are the only imports between rooms.` });
    if (world.node.length === 0) patterns.push({ group: NODE, message: `${room}/ runs in the browser too: nothing of Node.` });
    else if (!world.node.includes('node:*')) patterns.push({ group: [...NODE, ...world.node.map((n) => `!${n}`)], message: `${room}/ runs in the browser too: of Node, only ${world.node.join(', ')}.` });
    if (!world.exceljs) patterns.push({ group: ['exceljs', 'exceljs/*'], message: 'ExcelJS belongs to writers/, the only room that loads it.' });
    const rules = { 'no-restricted-imports': ['error', { patterns }] };
    if (room === 'engine') rules['no-restricted-globals'] = ['error', 'window', 'document', 'Office', 'Excel', 'process', 'require'];
    return { files: [`${room}/**/*.ts`], rules };
  });
}

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
  ...roomFences(),
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
