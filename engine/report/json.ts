import type { BlocResult, CrossFileFinding } from '../check';
import type { Lang } from '../rules/types';
import type { Finding } from './finding';
import { renderBasis } from '../law/basis';
import { renderMessage } from './render';
import type { CrossFileJson, ErrorCode, FileJson, FindingJson, ReportJson } from './schema';
import { TOOL_VERSION } from '../version';

export { TOOL_VERSION };

/** `basis` as the report shows it (`Căn cứ: …`, with what kind of text it is), or nothing where nothing is written. */
function basisField(basis: string | undefined, lang: Lang): { basis?: string } {
  const text = basis === undefined ? undefined : renderBasis(basis, lang);
  return text === undefined ? {} : { basis: text };
}

export function findingJson(f: Finding, lang: Lang): FindingJson {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
    ...(f.cell !== undefined ? { cell: f.cell } : {}),
    ...(f.row !== undefined ? { row: f.row } : {}),
    ...(f.column !== undefined ? { column: f.column } : {}),
    message: renderMessage(f, lang),
    ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
    ...basisField(f.basis, lang),
    data: f.data,
  };
}

export function fileJson(path: string, result: BlocResult, lang: Lang): FileJson {
  return {
    path,
    status: result.status,
    bloc: result.bloc,
    profile: result.profile,
    counts: result.counts,
    findings: result.findings.map((f) => findingJson(f, lang)),
  };
}

export function unreadableJson(path: string, code: ErrorCode, message: string): FileJson {
  return { path, status: 'unreadable', error: { code, message }, counts: { error: 0, warning: 0, info: 0 }, findings: [] };
}

export function crossFileJson(f: CrossFileFinding, lang: Lang): CrossFileJson {
  return { ruleId: f.ruleId, severity: f.severity, files: f.files, message: renderMessage(f, lang), data: f.data };
}

export function reportJson(files: FileJson[], crossFile: CrossFileJson[]): ReportJson {
  const counts = { files: files.length, valid: 0, invalid: 0, unreadable: 0, error: 0, warning: 0, info: 0 };
  for (const f of files) {
    counts[f.status]++;
    counts.error += f.counts.error;
    counts.warning += f.counts.warning;
    counts.info += f.counts.info;
  }
  for (const c of crossFile) counts[c.severity]++;
  return { reportVersion: 1, tool: { name: 'thidua', version: TOOL_VERSION }, files, crossFile, counts };
}
