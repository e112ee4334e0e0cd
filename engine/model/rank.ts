/** Totals are compared to a millionth, so that 0.1 + 0.2 ties with 0.3. */
const norm = (v: number) => Math.round(v * 1e6) / 1e6;

/** Competition ranks (1, 2, 2, 4) of values, higher first. */
export function competitionRanks(values: readonly number[]): number[] {
  const sorted = values.map(norm).sort((a, b) => b - a);
  // Rank = 1 + how many values are higher: the first place of the value in descending order.
  const firstAt = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!firstAt.has(v)) firstAt.set(v, i + 1);
  });
  return values.map((v) => firstAt.get(norm(v))!);
}
