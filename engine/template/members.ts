import type { Member } from '../model/bloc';
import { looseUnitKey, unitKey } from '../text/abbreviations';
import { closest, tolerance } from '../text/fuzzy';

/**
 * Finds which member a name means: by full name, by `Tên viết tắt`, then (only when it
 * points at a single member) by the name without place words (`… tỉnh`, `… Việt Nam`).
 * Diacritics are never dropped: an unmatched name gets a suggestion, not a match.
 */
export class MemberIndex {
  private readonly byKey = new Map<string, number>();
  private readonly byLoose = new Map<string, number | 'ambiguous'>();
  private readonly candidates: { key: string; item: number }[];

  constructor(
    readonly members: readonly Member[],
    private readonly province?: string,
  ) {
    members.forEach((m, i) => {
      if (!this.byKey.has(m.key)) this.byKey.set(m.key, i);
      if (m.abbr) {
        const k = unitKey(m.abbr);
        if (k && !this.byKey.has(k)) this.byKey.set(k, i);
      }
    });
    members.forEach((m, i) => {
      for (const name of m.abbr ? [m.name, m.abbr] : [m.name]) {
        const loose = looseUnitKey(name, province);
        if (!loose) continue;
        const prev = this.byLoose.get(loose);
        this.byLoose.set(loose, prev === undefined || prev === i ? i : 'ambiguous');
      }
    });
    this.candidates = members.map((m, i) => ({ key: m.key, item: i }));
  }

  resolve(name: string): number | undefined {
    const key = unitKey(name);
    if (!key) return undefined;
    const exact = this.byKey.get(key);
    if (exact !== undefined) return exact;
    const loose = this.byLoose.get(looseUnitKey(name, this.province));
    return typeof loose === 'number' ? loose : undefined;
  }

  /** The member a mistyped name most likely means ("did you mean"). */
  suggest(name: string): Member | undefined {
    const key = unitKey(name);
    const hit = closest(key, this.candidates, tolerance(key));
    if (hit) return this.members[hit.item];
    const loose = looseUnitKey(name, this.province);
    const looseHit = closest(
      loose,
      this.members.map((m, i) => ({ key: looseUnitKey(m.name, this.province), item: i })),
      tolerance(loose),
    );
    return looseHit ? this.members[looseHit.item] : undefined;
  }
}
