import type { BlocSummary } from '../../model/bloc';
import type { BatchFile } from '../types';

/** Pairs of workbooks of one bloc for years Y and Y+1. */
export function consecutiveYears(files: readonly BatchFile[], identity: (b: BlocSummary) => string | undefined): [BatchFile, BatchFile][] {
  const byBloc = new Map<string, Map<number, BatchFile>>();
  for (const f of files) {
    const id = identity(f.bloc);
    const year = f.bloc.year;
    if (id === undefined || year === undefined) continue;
    const years = byBloc.get(id) ?? new Map<number, BatchFile>();
    if (!years.has(year)) years.set(year, f);
    byBloc.set(id, years);
  }
  const pairs: [BatchFile, BatchFile][] = [];
  for (const years of byBloc.values()) {
    for (const [year, f] of [...years].sort((a, b) => a[0] - b[0])) {
      const next = years.get(year + 1);
      if (next) pairs.push([f, next]);
    }
  }
  return pairs;
}
