import type { BlocSummary } from '../../model/bloc';
import { canonicalProvince } from '../../profiles/provinces';
import { headerKey } from '../../text/normalize';

/** Which bloc a workbook is, across years: province and bloc name, normalised. */
export function blocIdentity(bloc: BlocSummary): string | undefined {
  const { province, blocName } = bloc;
  if (province === undefined || blocName === undefined) return undefined;
  const p = canonicalProvince(province) ?? province;
  return `${headerKey(p)}|${headerKey(blocName).replace(/^(khoi|cum) thi dua\s+/, '')}`;
}

export function blocLabel(bloc: BlocSummary): string {
  return `${bloc.blocName ?? '?'} (${bloc.province ?? '?'})`;
}
