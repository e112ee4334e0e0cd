/**
 * "Did you mean": edit distance over normalised names. Distances are counted in Unicode
 * code points of NFC keys, so `thập` → `thật` is one edit (p → t), never zero: the tone and
 * the letters are part of the name.
 */

/** Levenshtein distance, giving up (returning max + 1) as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  // A string has at least half as many code points as UTF-16 units: lengths this far apart
  // are over the limit without spreading either (a pasted text of millions of characters).
  if (a.length / 2 - b.length > max || b.length / 2 - a.length > max) return max + 1;
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let prev = new Array<number>(t.length + 1);
  let cur = new Array<number>(t.length + 1);
  for (let j = 0; j <= t.length; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[t.length]!;
}

/** How many edits two names of this length may differ by and still be "probably the same". */
export function tolerance(key: string): number {
  const n = [...key].length;
  if (n < 6) return 1;
  return Math.max(1, Math.min(4, Math.floor(n / 6)));
}

export interface Candidate<T> {
  key: string;
  item: T;
}

/**
 * The closest candidate within tolerance, or undefined. Ties go to the first candidate.
 * `key` and candidates' keys must be normalised the same way.
 */
export function closest<T>(key: string, candidates: readonly Candidate<T>[], maxDistance = tolerance(key)): { item: T; distance: number } | undefined {
  let best: { item: T; distance: number } | undefined;
  for (const c of candidates) {
    const limit = best ? Math.min(best.distance - 1, maxDistance) : maxDistance;
    if (limit < 0) break;
    const d = editDistance(key, c.key, limit);
    if (d <= limit) best = { item: c.item, distance: d };
  }
  return best;
}
