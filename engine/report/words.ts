/**
 * The words every output shares, in both languages, each by a typed key: a severity and a
 * file's result as a word, a label or a column's heading; a count of findings and of files;
 * the overview's column headings. The outputs (text, CSV, HTML, the annotated copy, the
 * summary, the desk, the pane) take them from here and keep only their own phrases.
 */
import type { Lang } from '../rules/types';
import type { FindingSeverity } from './finding';
import type { FileJson, ReportJson } from './schema';

type Status = FileJson['status'];
type Counts = FileJson['counts'];

export interface Words {
  /** A severity as a word in a line (`lỗi`), and `off`, a profile's. */
  severity: Record<FindingSeverity | 'off', string>;
  /** A severity as a label of its own (`Lỗi`, `Error`). */
  severityLabel: Record<FindingSeverity, string>;
  /** A severity after a count (`3 lỗi`, `3 errors`). */
  severityCounted: Record<FindingSeverity, string>;
  /** A column of counts (`Lỗi`, `Errors`). */
  severityColumn: Record<FindingSeverity, string>;
  /** A file's result as a word in a line (`đạt`, `valid`). */
  status: Record<Status, string>;
  /** A file's result as a label of its own (`Đạt`, `Valid`). */
  statusLabel: Record<Status, string>;
  /** Files after a count (`24 sổ`, `24 files`). */
  filesCounted: string;
  /** The overview's column headings. */
  column: { file: string; province: string; bloc: string; year: string; result: string; leader: string; nextLeader: string };
  /** A file's findings counted: `2 lỗi, 1 cảnh báo, 0 lưu ý`. */
  tally(c: Counts): string;
  /** A file's result and its findings counted, as the text report ends a file. */
  fileResult(status: Status, c: Counts): string;
  /** A run's files counted by result: `24 sổ: 7 đạt, 15 không đạt, 2 không đọc được`. */
  filesTally(c: ReportJson['counts']): string;
  /** A run's files and findings counted, as the text report and the desk end. */
  runTotals(c: ReportJson['counts']): string;
}

const vi: Words = {
  severity: { error: 'lỗi', warning: 'cảnh báo', info: 'lưu ý', off: 'tắt' },
  severityLabel: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' },
  severityCounted: { error: 'lỗi', warning: 'cảnh báo', info: 'lưu ý' },
  severityColumn: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' },
  status: { valid: 'đạt', invalid: 'không đạt', unreadable: 'không đọc được' },
  statusLabel: { valid: 'Đạt', invalid: 'Không đạt', unreadable: 'Không đọc được' },
  filesCounted: 'sổ',
  column: { file: 'Tệp', province: 'Tỉnh/Thành phố', bloc: 'Khối', year: 'Năm', result: 'Kết quả', leader: 'Trưởng khối', nextLeader: 'Trưởng khối năm sau' },
  tally: (c) => `${c.error} ${vi.severityCounted.error}, ${c.warning} ${vi.severityCounted.warning}, ${c.info} ${vi.severityCounted.info}`,
  fileResult: (status, c) => `${vi.statusLabel[status]}: ${vi.tally(c)}`,
  filesTally: (n) => `${n.files} ${vi.filesCounted}: ${n.valid} ${vi.status.valid}, ${n.invalid} ${vi.status.invalid}, ${n.unreadable} ${vi.status.unreadable}`,
  runTotals: (n) => `${vi.filesTally(n)}; ${vi.tally(n)}`,
};

const en: Words = {
  severity: { error: 'error', warning: 'warning', info: 'info', off: 'off' },
  severityLabel: { error: 'Error', warning: 'Warning', info: 'Info' },
  severityCounted: { error: 'errors', warning: 'warnings', info: 'info' },
  severityColumn: { error: 'Errors', warning: 'Warnings', info: 'Info' },
  status: { valid: 'valid', invalid: 'invalid', unreadable: 'unreadable' },
  statusLabel: { valid: 'Valid', invalid: 'Invalid', unreadable: 'Unreadable' },
  filesCounted: 'files',
  column: { file: 'File', province: 'Province', bloc: 'Bloc', year: 'Year', result: 'Result', leader: 'Leader', nextLeader: 'Next leader' },
  tally: (c) => `${c.error} ${en.severityCounted.error}, ${c.warning} ${en.severityCounted.warning}, ${c.info} ${en.severityCounted.info}`,
  fileResult: (status, c) => `${en.status[status]}: ${en.tally(c)}`,
  filesTally: (n) => `${n.files} ${en.filesCounted}: ${n.valid} ${en.status.valid}, ${n.invalid} ${en.status.invalid}, ${n.unreadable} ${en.status.unreadable}`,
  runTotals: (n) => `${en.filesTally(n)}; ${en.tally(n)}`,
};

export const WORDS: Record<Lang, Words> = { vi, en };
