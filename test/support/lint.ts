import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ESLINT = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

/** ESLint's findings for a snippet linted as if it were the file `file` of the repository. */
export function lint(code: string, file: string): { ruleId: string; message: string }[] {
  const r = spawnSync(process.execPath, [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', file], { cwd: ROOT, input: code, encoding: 'utf8' });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result!.messages.map((m) => ({ ruleId: m.ruleId ?? 'parse', message: m.message }));
}
