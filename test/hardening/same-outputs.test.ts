/**
 * Nothing a user sees changes when the code is moved (issue 23): every output made from the
 * samples, the faulty samples and the hostile corpus (test/support/outputs.ts) equals the one
 * recorded before the move, byte for byte. `THIDUA_RECORD_OUTPUTS=1` records them anew: only
 * for a change a user is meant to see, and said in its commit.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileName, outputs } from '../support/outputs';

const DIR = join(__dirname, '..', 'fixtures', 'outputs');

jest.setTimeout(240_000);

test('every output equals the one recorded before the move', async () => {
  const made = await outputs();
  if (process.env.THIDUA_RECORD_OUTPUTS === '1') {
    mkdirSync(DIR, { recursive: true });
    for (const [name, text] of made) writeFileSync(join(DIR, fileName(name)), text);
  }
  const recorded = existsSync(DIR) ? readdirSync(DIR).sort() : [];
  expect([...made.keys()].map(fileName).sort()).toEqual(recorded);
  for (const [name, text] of made) expect({ name, text }).toEqual({ name, text: readFileSync(join(DIR, fileName(name)), 'utf8') });
});
