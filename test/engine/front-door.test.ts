/**
 * engine/index.ts is the front ends' door: every name it exports is used by a front end (the
 * command and its writers in batch/, the desk in desk/, the pane in addin/). Tests reach other
 * modules by their paths; a name exported for a test's sake fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';

const ROOT = join(__dirname, '..', '..');

const exported = [...readFileSync(join(ROOT, 'engine', 'index.ts'), 'utf8').matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) =>
  m[1]!.split(',').map((n) => n.trim().replace(/^type /, '').split(' as ').pop()!.trim()).filter((n) => n !== ''),
);

/** What the front ends import from the engine's index (static and dynamic imports). */
const imported = new Set(
  globSync(['batch/**/*.ts', 'desk/**/*.ts', 'addin/**/*.ts'], { cwd: ROOT, absolute: true }).flatMap((f) => {
    const text = readFileSync(f, 'utf8');
    const lists = [...text.matchAll(/import (?:type )?\{([^}]*)\} from '(?:\.\.\/)+engine'/g), ...text.matchAll(/const \{([^}]*)\} = await import\('(?:\.\.\/)+engine'\)/g)].map((m) => m[1]!);
    return lists.flatMap((l) => l.split(',').map((n) => n.trim().replace(/^type /, '').split(/\s*:\s*|\s+as\s+/)[0]!.trim()));
  }),
);

test('every name the engine\'s index exports is used by a front end', () => {
  expect(exported.length).toBeGreaterThan(50);
  expect(exported.filter((n) => !imported.has(n))).toEqual([]);
});
