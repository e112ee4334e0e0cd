/**
 * The report of a batch from its files' outcomes: each file's entry, the cross-file rules over
 * the readable ones, the report v1. Pure (the engine only): `thidua validate` and the office
 * desk page (desk/) assemble their reports with this one function.
 */
import { type BatchFile, checkBatch, crossFileJson, currentNationalSettings, type FileJson, findingJson, findProfile, governmentFlagTally, type GovernmentFlagTally, type Profile, reportJson, type ReportJson, resolveProfile, unreadableJson, unreadableMessage, type Lang } from '../engine';
import { formatHtml } from './html';
import { baseName, type FileOutcome } from '../reader';

export function fileEntry(o: FileOutcome, lang: Lang): FileJson {
  if (!o.ok) return unreadableJson(o.path, o.code, unreadableMessage(o.code, o.variant, lang));
  const { result } = o;
  return { path: o.path, status: result.status, bloc: result.bloc, profile: result.profile, counts: result.counts, findings: result.findings.map((f) => findingJson(f, lang)) };
}

/**
 * The readable files as the cross-file rules read them: each with its summary and its profile's
 * settings in the version it was checked with (workers send the profile's id and version, not
 * its settings). `forced` is the run's `--profile` when it is a file.
 */
function batchFiles(outcomes: readonly FileOutcome[], forced?: Profile): BatchFile[] {
  return outcomes.flatMap((o) => {
    if (!o.ok) return [];
    const { id, version } = o.result.profile;
    const profile = forced?.id === id ? forced : findProfile(id);
    return [{ id: o.path, bloc: o.summary, settings: profile ? resolveProfile(profile, version).settings : currentNationalSettings() }];
  });
}

/**
 * The report, and the Government flags of each province and year (the office's summary and the
 * desk page show them), from the same files and settings as the cross-file rules.
 */
export function assembleReport(outcomes: readonly FileOutcome[], lang: Lang, forced?: Profile): { report: ReportJson; entries: FileJson[]; governmentFlags: GovernmentFlagTally[] } {
  const entries = outcomes.map((o) => fileEntry(o, lang));
  const files = batchFiles(outcomes, forced);
  const cross = checkBatch(files).map((c) => crossFileJson(c, lang));
  return { report: reportJson(entries, cross), entries, governmentFlags: governmentFlagTally(files) };
}

/**
 * One printable report per workbook, for the office to send back to its bloc: its own findings
 * and the cross-file findings that name it, files by their names (not the office's folders).
 */
export function perFileReports(report: ReportJson, lang: Lang, checkedAt: Date): string[] {
  return report.files.map((file) => {
    const cross = report.crossFile.filter((x) => x.files.includes(file.path)).map((x) => ({ ...x, files: x.files.map(baseName) }));
    return formatHtml(reportJson([{ ...file, path: baseName(file.path) }], cross), lang, checkedAt);
  });
}
