import type { BlocModel } from '../../model/bloc';
import { canonicalProvince } from '../../profiles/provinces';
import { headerKey } from '../../text/normalize';

/** Which bloc a workbook is, across years: province and bloc name, normalised. */
export function blocIdentity(model: BlocModel): string | undefined {
  const { province, blocName } = model.info;
  if (province.value === undefined || blocName.value === undefined) return undefined;
  const p = canonicalProvince(province.value) ?? province.value;
  return `${headerKey(p)}|${headerKey(blocName.value).replace(/^(khoi|cum) thi dua\s+/, '')}`;
}

export function blocLabel(model: BlocModel): string {
  return `${model.info.blocName.value ?? '?'} (${model.info.province.value ?? '?'})`;
}
