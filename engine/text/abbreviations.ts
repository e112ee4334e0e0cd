import { detectLegacy } from './legacy';
import { collapseSpaces, memoize, toneKey } from './normalize';

/**
 * The usual abbreviations in unit names (template.md, "Unit names"), expanded before
 * matching. Patterns run on `toneKey` text (lower case, tones folded), longest first.
 */
const EXPANSIONS: readonly (readonly [RegExp, string])[] = [
  [/ub ?mttq/gu, 'ủy ban mặt trận tổ quốc'],
  [/ubnd/gu, 'ủy ban nhân dân'],
  [/mttq/gu, 'mặt trận tổ quốc'],
  [/lđlđ|ldld/gu, 'liên đoàn lao động'],
  [/lhpn/gu, 'liên hiệp phụ nữ'],
  [/ccb/gu, 'cựu chiến binh'],
  [/htx/gu, 'hợp tác xã'],
  [/kh ?& ?kt|khkt/gu, 'khoa học và kỹ thuật'],
  [/vhnt/gu, 'văn học nghệ thuật'],
  [/tnxp/gu, 'thanh niên xung phong'],
  [/lh/gu, 'liên hiệp'],
].map(([re, full]) => [new RegExp(`(?<![\\p{L}\\p{N}])(?:${(re as RegExp).source})(?![\\p{L}\\p{N}])`, 'gu'), toneKey(full as string)] as const);

/** `ND` means Nông dân only after `Hội` (elsewhere it may be `nhân dân`). */
const HOI_ND = new RegExp(`(?<![\\p{L}\\p{N}])(${toneKey('hội')}) nd(?![\\p{L}\\p{N}])`, 'gu');
const NONG_DAN = toneKey('nông dân');

/** Expand abbreviations in a `toneKey` string. */
export function expandAbbreviations(key: string): string {
  let out = key.replace(HOI_ND, `$1 ${NONG_DAN}`);
  for (const [re, full] of EXPANSIONS) out = out.replace(re, full);
  return collapseSpaces(out);
}

/** Characters of a unit name that count for its identity. */
export const MAX_UNIT_NAME = 500;

/**
 * The identity of a unit name: tones folded, abbreviations expanded, punctuation spaced.
 * A name typed in a legacy encoding is the same unit (text/legacy-encoding reports the typing).
 */
export const unitKey = memoize((whole: string): string => {
  // No unit's name is this long (a paste gone wrong, or worse): its start stands for it.
  const name = whole.length > MAX_UNIT_NAME ? whole.slice(0, MAX_UNIT_NAME) : whole;
  const key = toneKey(detectLegacy(name)?.unicode ?? name)
    .replace(/[.,;:()"“”'‘’]/g, ' ')
    .replace(/\s*-\s*/g, ' - ');
  return expandAbbreviations(collapseSpaces(key));
});

/**
 * Words that name where a unit is rather than what it is: `Hội Nông dân` and `Hội Nông dân
 * tỉnh` are one unit in a provincial bloc. Used only when the full key finds nothing, and
 * only when it points at a single member.
 */
const PLACE_WORDS = new RegExp(
  `(?<![\\p{L}\\p{N}])(${['tỉnh', 'thành phố', 'việt nam', 'vn', 'tp'].map(toneKey).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

const withoutPlaceWords = memoize((key: string) => key.replace(PLACE_WORDS, ' '));

/** One cache of loose keys per province (a run sees a handful of provinces). */
const looseKeys = new Map<string, (name: string) => string>();

export function looseUnitKey(name: string, province = ''): string {
  let keyOf = looseKeys.get(province);
  if (!keyOf) {
    const p = province ? toneKey(province) : '';
    keyOf = memoize((n: string) => {
      const key = withoutPlaceWords(unitKey(n));
      return collapseSpaces(p ? key.split(p).join(' ') : key);
    });
    if (looseKeys.size >= 100) looseKeys.clear();
    looseKeys.set(province, keyOf);
  }
  return keyOf(name);
}
