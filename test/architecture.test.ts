/**
 * The map of docs/architecture.md holds: its arrows are exactly the imports between rooms the
 * code makes (lint allows no other, reading the same diagram), it has no cycle, each room
 * imported has its door, the fences of each room's world fire, and no source file is over
 * 400 lines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { lint as lintAs } from './support/lint';

const ROOT = join(__dirname, '..');

function drawn(): [string, string][] {
  const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const graph = /```mermaid\n([\s\S]*?)```/.exec(doc)![1]!;
  return [...graph.matchAll(/^\s*(\w+)\s*-->\s*(\w+)\s*$/gm)].map((m) => [m[1]!, m[2]!]);
}

/** The rooms: every one the diagram draws. */
const ROOMS = [...new Set(drawn().flat())];

/** The relative imports of a source (static, type-only, dynamic and side-effect ones). */
function imports(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']+)'/gm)].map((m) => m[1]!);
}

const roomOf = (file: string) => relative(ROOT, file).split(/[\\/]/)[0]!;

/** Every import from one room into another, as `from → to`. */
function made(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of globSync(ROOMS.map((r) => `${r}/**/*.ts`), { cwd: ROOT, absolute: true })) {
    for (const spec of imports(readFileSync(file, 'utf8'))) {
      const to = roomOf(resolve(dirname(file), spec));
      const from = roomOf(file);
      if (to === from || !ROOMS.includes(to)) continue;
      const key = `${from} → ${to}`;
      edges.set(key, [...(edges.get(key) ?? []), relative(ROOT, file)]);
    }
  }
  return edges;
}

test('the diagram draws exactly the imports between rooms the code makes', () => {
  const arrows = drawn().map(([a, b]) => `${a} → ${b}`);
  expect(arrows.length).toBeGreaterThan(0);
  expect([...made().keys()].sort()).toEqual([...new Set(arrows)].sort());
});

test('the rooms import in one direction: no cycle', () => {
  const next = new Map<string, string[]>();
  for (const [a, b] of drawn()) next.set(a, [...(next.get(a) ?? []), b]);
  const state = new Map<string, 'open' | 'done'>();
  const cycle = (room: string, path: string[]): string[] | undefined => {
    if (state.get(room) === 'open') return [...path, room];
    if (state.get(room) === 'done') return undefined;
    state.set(room, 'open');
    for (const to of next.get(room) ?? []) {
      const found = cycle(to, [...path, room]);
      if (found) return found;
    }
    state.set(room, 'done');
    return undefined;
  };
  expect(ROOMS.map((r) => cycle(r, [])).find(Boolean)).toBeUndefined();
});

test('every room the diagram draws is a folder, and every room another imports has its door', () => {
  expect(ROOMS.filter((room) => !existsSync(join(ROOT, room)))).toEqual([]);
  for (const [, b] of drawn()) expect(existsSync(join(ROOT, b, 'index.ts'))).toBe(true);
});

test('no source file is over 400 lines', () => {
  const files = globSync(['{engine,reader,formats,writers,pool,command,desk,addin,scripts,bench,samples,test}/**/*.{ts,js}'], { cwd: ROOT, ignore: ['test/fixtures/**'] });
  const long = files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
  expect(long).toEqual([]);
});

/** ESLint's messages for a snippet linted as if it were `file`. */
const lint = (code: string, file: string): string[] => lintAs(code, file).map((m) => `${m.ruleId}: ${m.message}`);

describe('each room is fenced by lint', () => {
  test.each([
    ['a room\'s insides, not its door', 'desk/probe.ts', "import { zipEntries } from '../reader/zip';\nexport const f = zipEntries;", 'through its door'],
    ['the engine\'s insides', 'addin/pane/probe.ts', "import type { Finding } from '../../engine/report/finding';\nexport type F = Finding;", 'through its door'],
    ['a room the diagram does not draw', 'formats/probe.ts', "import { writeAtomic } from '../pool';\nexport const f = writeAtomic;", 'does not import that room'],
    ['the command from the reader', 'reader/probe.ts', "import type { Io } from '../command';\nexport type F = Io;", 'does not import that room'],
    ['ExcelJS outside the writers', 'reader/probe.ts', "import ExcelJS from 'exceljs';\nexport const f = ExcelJS;", 'ExcelJS belongs to writers/'],
    ['ExcelJS in the command', 'command/probe.ts', "import ExcelJS from 'exceljs';\nexport const f = ExcelJS;", 'ExcelJS belongs to writers/'],
    ['Node in the reader', 'reader/probe.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;", 'of Node, only node:zlib'],
    ['Node in the report formats', 'formats/probe.ts', "import { join } from 'node:path';\nexport const f = join;", 'nothing of Node'],
    ['Node in the desk', 'desk/probe.ts', "import { readFileSync } from 'fs';\nexport const f = readFileSync;", 'nothing of Node'],
    ['Node in the engine', 'engine/probe.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;", 'nothing of Node'],
  ])('%s fails lint', (_what, file, code, said) => {
    expect(lint(code, file).join('\n')).toContain(said);
  });

  test.each([
    ['a door', 'desk/probe.ts', "import { makeZip } from '../reader';\nexport const f = makeZip;"],
    ['zlib in the reader', 'reader/probe.ts', "import { inflateRawSync } from 'node:zlib';\nexport const f = inflateRawSync;"],
    ['ExcelJS in the writers', 'writers/probe.ts', "import ExcelJS from 'exceljs';\nexport const f = ExcelJS;"],
    ['the pages\' first import', 'desk/probe.ts', "import '../engine/zod-jitless';\nexport const f = 1;"],
  ])('%s passes', (_what, file, code) => {
    expect(lint(code, file)).toEqual([]);
  });
});

describe('each door lets through only what another room uses', () => {
  const DOORS = ROOMS.filter((r) => existsSync(join(ROOT, r, 'index.ts')));
  /** What the files outside `room` import from its door (static and dynamic imports). */
  const importedFrom = (room: string) =>
    new Set(
      globSync(ROOMS.filter((r) => r !== room).map((r) => `${r}/**/*.ts`), { cwd: ROOT, absolute: true }).flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        const door = `(?:\\.\\./)+${room}`;
        const lists = [
          ...text.matchAll(new RegExp(`import (?:type )?\\{([^}]*)\\} from '${door}'`, 'g')),
          ...text.matchAll(new RegExp(`export (?:type )?\\{([^}]*)\\} from '${door}'`, 'g')),
          ...text.matchAll(new RegExp(`const \\{([^}]*)\\} = await import\\('${door}'\\)`, 'g')),
          ...text.matchAll(new RegExp(`\\(await import\\('${door}'\\)\\)\\.(\\w+)`, 'g')),
        ].map((m) => m[1]!);
        return lists.flatMap((l) => l.split(',').map((n) => n.trim().replace(/^type /, '').split(/\s*:\s*|\s+as\s+/)[0]!.trim()));
      }),
    );

  test.each(DOORS)('%s/index.ts', (room) => {
    const exported = [...readFileSync(join(ROOT, room, 'index.ts'), 'utf8').matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) =>
      m[1]!.split(',').map((n) => n.trim().replace(/^type /, '').split(' as ').pop()!.trim()).filter((n) => n !== ''),
    );
    expect(exported.length).toBeGreaterThan(0);
    const used = importedFrom(room);
    expect(exported.filter((n) => !used.has(n))).toEqual([]);
  });
});
