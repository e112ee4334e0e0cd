/**
 * Vietnamese text normalisation for matching. Three strengths:
 * - `headerKey`: sheet names, column headers and labels — diacritics and đ dropped
 *   (people type `THANH VIEN`, `thanh_vien`), case and spacing folded.
 * - `toneKey`: unit names — diacritics kept (so `thập` ≠ `thật`), but the old and new
 *   placement of the tone mark folded together (`Uỷ` = `Ủy`, `hoà` = `hòa`).
 * - `unitKey` (abbreviations.ts): `toneKey` after expanding the usual abbreviations.
 */

/**
 * Remember the results of a pure string function: workbooks repeat the same names and
 * headers many times. Bounded, so that odd input cannot grow it without end.
 */
export function memoize<T>(fn: (s: string) => T, limit = 100000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    // A text of thousands of characters is no name or header: computed, never kept.
    if (s.length > 2000) return fn(s);
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      if (cache.size >= limit) cache.clear();
      cache.set(s, v);
    }
    return v;
  };
}

/** The five tone marks, as combining characters. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /[\u0300-\u036f]/g;

export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** Anything collapseSpaces would change: an invisible character, a space that is not ' ', two in a row, or one at an end. */
const UNTIDY_SPACES = /[\u200b-\u200d\u2060\ufeff]|[^\S ]|\s\s|^\s|\s$/u;

/** Spaces of every kind (NBSP, zero-width) to one ASCII space, trimmed. */
export function collapseSpaces(s: string): string {
  // Most cells are already tidy: one test instead of two replacements and a trim.
  if (!UNTIDY_SPACES.test(s)) return s;
  return s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
}

/** Header/sheet/label key: `Tỷ lệ (%)` → `ty le (%)`, `THANH_VIEN` → `thanh vien`. */
export const headerKey = memoize((s: string): string =>
  collapseSpaces(
    s
      .normalize('NFD')
      .replace(ALL_MARKS, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[_\-–]+/g, ' '),
  ),
);

/**
 * Fold where the tone mark sits: every syllable's tone is moved to its end, so that both
 * placements (`hoà`/`hòa`, `uỷ`/`ủy`) give one key. Other marks (â, ă, ê, ô, ơ, ư) stay.
 */
export function foldTonePlacement(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[^\s]+/gu, (word) => {
      const tones = word.match(TONE_MARKS);
      if (!tones) return word.normalize('NFC');
      const base = word.replace(TONE_MARKS, '').normalize('NFC');
      // A syllable carries one tone; keep them in order in case of odd input.
      return base + tones.join('');
    });
}

/** Case, spacing and tone placement folded; diacritics otherwise kept. */
export const toneKey = memoize((s: string): string => collapseSpaces(foldTonePlacement(nfc(s).toLowerCase())));

