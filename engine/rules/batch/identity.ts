import type { BlocSummary } from '../../model/bloc';
import { canonicalProvince } from '../../profiles/provinces';
import { headerKey } from '../../text/normalize';

/** Which province a workbook is of: its name as in force (an old spelling, a prefix, folded), and a key. */
export function provinceIdentity(province: string): { name: string; key: string } {
  const name = canonicalProvince(province) ?? province;
  return { name, key: headerKey(name) };
}

/** Which bloc a workbook is, across years: province and bloc name, normalised. */
export function blocIdentity(bloc: BlocSummary): string | undefined {
  const { province, blocName } = bloc;
  if (province === undefined || blocName === undefined) return undefined;
  return `${provinceIdentity(province).key}|${headerKey(blocName).replace(/^(khoi|cum) thi dua\s+/, '')}`;
}

export function blocLabel(bloc: BlocSummary): string {
  return `${bloc.blocName ?? '?'} (${bloc.province ?? '?'})`;
}
