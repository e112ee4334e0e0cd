import { headerKey, memoize } from '../text/normalize';
import { closest } from '../text/fuzzy';

/**
 * Vietnam's provinces: the 63 in force until 30/6/2025 and the 34 from 1/7/2025, with the
 * merger map of Nghị quyết 202/2025/QH15 (sắp xếp đơn vị hành chính cấp tỉnh).
 */

export const MERGER_DATE = '2025-07-01';
export const MERGER_BASIS = 'Nghị quyết 202/2025/QH15';

/** New province (from 1/7/2025) → the provinces before 1/7/2025 that form it. */
export const MERGERS: Readonly<Record<string, readonly string[]>> = {
  'Hà Nội': ['Hà Nội'],
  'Huế': ['Thừa Thiên Huế'],
  'Lai Châu': ['Lai Châu'],
  'Điện Biên': ['Điện Biên'],
  'Sơn La': ['Sơn La'],
  'Lạng Sơn': ['Lạng Sơn'],
  'Quảng Ninh': ['Quảng Ninh'],
  'Thanh Hóa': ['Thanh Hóa'],
  'Nghệ An': ['Nghệ An'],
  'Hà Tĩnh': ['Hà Tĩnh'],
  'Cao Bằng': ['Cao Bằng'],
  'Tuyên Quang': ['Tuyên Quang', 'Hà Giang'],
  'Lào Cai': ['Lào Cai', 'Yên Bái'],
  'Thái Nguyên': ['Thái Nguyên', 'Bắc Kạn'],
  'Phú Thọ': ['Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình'],
  'Bắc Ninh': ['Bắc Ninh', 'Bắc Giang'],
  'Hưng Yên': ['Hưng Yên', 'Thái Bình'],
  'Hải Phòng': ['Hải Phòng', 'Hải Dương'],
  'Ninh Bình': ['Ninh Bình', 'Hà Nam', 'Nam Định'],
  'Quảng Trị': ['Quảng Trị', 'Quảng Bình'],
  'Đà Nẵng': ['Đà Nẵng', 'Quảng Nam'],
  'Quảng Ngãi': ['Quảng Ngãi', 'Kon Tum'],
  'Gia Lai': ['Gia Lai', 'Bình Định'],
  'Khánh Hòa': ['Khánh Hòa', 'Ninh Thuận'],
  'Lâm Đồng': ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận'],
  'Đắk Lắk': ['Đắk Lắk', 'Phú Yên'],
  'Hồ Chí Minh': ['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu'],
  'Đồng Nai': ['Đồng Nai', 'Bình Phước'],
  'Tây Ninh': ['Tây Ninh', 'Long An'],
  'Cần Thơ': ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang'],
  'Vĩnh Long': ['Vĩnh Long', 'Bến Tre', 'Trà Vinh'],
  'Đồng Tháp': ['Đồng Tháp', 'Tiền Giang'],
  'Cà Mau': ['Cà Mau', 'Bạc Liêu'],
  'An Giang': ['An Giang', 'Kiên Giang'],
};

export const PROVINCES_FROM_2025: readonly string[] = Object.keys(MERGERS);
export const PROVINCES_BEFORE_2025: readonly string[] = Object.values(MERGERS).flat();

/** Other names people write for the same province. */
const ALIASES: Readonly<Record<string, string>> = {
  'hcm': 'Hồ Chí Minh',
  'tphcm': 'Hồ Chí Minh',
  'sai gon': 'Hồ Chí Minh',
  'ba ria vung tau': 'Bà Rịa - Vũng Tàu',
  'thua thien hue': 'Thừa Thiên Huế',
  'dak lak': 'Đắk Lắk',
  'dac lac': 'Đắk Lắk',
  'dak nong': 'Đắk Nông',
  'bac can': 'Bắc Kạn',
  // Huế has been a city under the central government since 1/1/2025 (Nghị quyết 175/2024/QH15).
  'hue': 'Thừa Thiên Huế',
};

/** `Tỉnh Lai Châu`, `TP. Hồ Chí Minh`, `thành phố Cần Thơ` → the bare name's key. */
export const provinceKey = memoize((name: string): string =>
  headerKey(name)
    .replace(/[.,]/g, ' ')
    .replace(/^(tinh|thanh pho|tp)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim(),
);

/**
 * Keys compare without diacritics (a province list is small and its names distinct; people
 * type `Hoa Binh`, `Hòa Bình` and `Hoà Bình`).
 */
function findIn(list: readonly string[], key: string): string | undefined {
  const direct = list.find((p) => provinceKey(p) === key);
  if (direct) return direct;
  const aliased = ALIASES[key] ?? ALIASES[key.replace(/\s/g, '')];
  return aliased ? list.find((p) => provinceKey(p) === provinceKey(aliased)) : undefined;
}

/** The provinces and centrally-run cities in force on a date (63 until 30/6/2025, 34 from 1/7/2025). */
export function provincesInForce(onDate: string): readonly string[] {
  return onDate >= MERGER_DATE ? PROVINCES_FROM_2025 : PROVINCES_BEFORE_2025;
}

export type ProvinceCheck =
  | { status: 'ok'; name: string }
  | { status: 'merged'; name: string; into: string }
  | { status: 'unknown'; closest?: string };

/** Did this province exist on this date? */
export function checkProvince(name: string, onDate: string): ProvinceCheck {
  const key = provinceKey(name);
  const after = onDate >= MERGER_DATE;
  const current = provincesInForce(onDate);
  const hit = findIn(current, key);
  if (hit) return { status: 'ok', name: hit };
  if (after) {
    const old = findIn(PROVINCES_BEFORE_2025, key);
    if (old) {
      const into = Object.entries(MERGERS).find(([, parts]) => parts.includes(old))![0];
      return { status: 'merged', name: old, into };
    }
  }
  const near = closest(key, current.map((p) => ({ key: provinceKey(p), item: p })), 3);
  return near ? { status: 'unknown', closest: near.item } : { status: 'unknown' };
}

/** The province's canonical name, whichever list knows it. */
export function canonicalProvince(name: string): string | undefined {
  const key = provinceKey(name);
  return findIn(PROVINCES_BEFORE_2025, key) ?? findIn(PROVINCES_FROM_2025, key);
}
