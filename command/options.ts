/**
 * What the parts of the `thidua` command share: the options of a run, its outcome, where its
 * output goes, and the error that is the user's (a usage error, exit 2). A module of its own
 * so that the light command (cli.ts, validate.ts) and the run (run.ts) depend on it, not on
 * each other.
 */
import type { ReportJson, Lang } from '../engine';
import type { FileOutcome } from '../reader';

import type { Format } from '../formats';

export type { Format };
export type FailOn = 'error' | 'warning' | 'never';

export interface ValidateOptions {
  inputs: string[];
  profile?: string;
  format?: Format;
  out?: string;
  annotate?: string;
  summary?: string;
  /** A folder for one printable report per workbook (`--per-file`). */
  perFile?: string;
  lang: Lang;
  jobs: number;
  failOn: FailOn;
  quiet: boolean;
  progress: boolean;
  color: boolean;
  today?: string;
  timeoutMs?: number;
  /** An annotated copy's own time limit (default 2 minutes: ExcelJS is slow on large workbooks). */
  copyTimeoutMs?: number;
  memoryMb?: number;
}

/** Where a command writes: stdout and stderr, and whether each is a terminal. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdoutTty: boolean;
  stderrTty: boolean;
}

/** The user's mistake (exit 2): said in Vietnamese, and in English with `--lang en`. */
export class UsageError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string = vi,
  ) {
    super(vi);
  }

  text(lang: Lang): string {
    return lang === 'vi' ? this.vi : this.en;
  }
}

export interface ValidateRun {
  code: number;
  report: ReportJson;
  outcomes: FileOutcome[];
}
