import type { Member } from '../../model/bloc';
import { looseUnitKey } from '../../text/abbreviations';
import { differOnlyInDigits, editDistance } from '../../text/fuzzy';
import { defineRule } from '../types';

/** Strings made by deleting up to `depth` characters: two keys within `depth` edits share one. */
function deletions(key: string, depth: number, out = new Set<string>()): Set<string> {
  out.add(key);
  if (depth === 0) return out;
  for (let i = 0; i < key.length; i++) {
    const shorter = key.slice(0, i) + key.slice(i + 1);
    if (!out.has(shorter)) deletions(shorter, depth - 1, out);
  }
  return out;
}

/** Below this many members, comparing every pair is cheaper than indexing deletions. */
const PAIRWISE_LIMIT = 300;

function candidatePairs(members: readonly Member[]): Iterable<[number, number]> {
  if (members.length <= PAIRWISE_LIMIT) {
    const pairs: [number, number][] = [];
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (Math.abs(members[i]!.key.length - members[j]!.key.length) <= 2) pairs.push([i, j]);
      }
    }
    return pairs;
  }
  const byVariant = new Map<string, number[]>();
  members.forEach((m, i) => {
    for (const v of deletions(m.key, maxEdits(m.key))) {
      const list = byVariant.get(v);
      if (list) list.push(i);
      else byVariant.set(v, [i]);
    }
  });
  const seen = new Map<string, [number, number]>();
  for (const list of byVariant.values()) {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) seen.set(`${list[x]}:${list[y]}`, [list[x]!, list[y]!]);
  }
  return seen.values();
}

/** Edits allowed between two names of one unit mistyped: one for short names, two for long ones. */
const maxEdits = (key: string) => ([...key].length < 12 ? 1 : 2);

/** Pairs of members whose names are probably one unit mistyped (not found quadratically). */
export function similarPairs(members: readonly Member[], province?: string): [number, number][] {
  const pairs = new Map<string, [number, number]>();
  const add = (a: number, b: number) => {
    const [i, j] = a < b ? [a, b] : [b, a];
    pairs.set(`${i}:${j}`, [i, j]);
  };
  for (const [i, j] of candidatePairs(members)) {
    const a = members[i]!.key;
    const b = members[j]!.key;
    if (a === b || differOnlyInDigits(a, b)) continue;
    if (editDistance(a, b, 2) <= Math.min(maxEdits(a), maxEdits(b))) add(i, j);
  }
  // Names that differ only by place words (`Hội Nông dân` / `Hội Nông dân tỉnh`).
  const byLoose = new Map<string, number>();
  members.forEach((m, i) => {
    const loose = looseUnitKey(m.name, province);
    const prev = byLoose.get(loose);
    if (prev !== undefined && members[prev]!.key !== m.key) add(prev, i);
    else byLoose.set(loose, i);
  });
  return [...pairs.values()].sort((p, q) => p[1] - q[1] || p[0] - q[0]);
}

export default defineRule({
  id: 'members/similar-names',
  meta: {
    category: 'members',
    description: { vi: 'Hai tên đơn vị gần giống nhau, có thể là một đơn vị gõ sai.', en: 'Two listed names so close they are probably one unit mistyped.' },
    sheets: ['members'],
    messages: {
      similar: {
        vi: '"{name}" gần giống "{other}" (dòng {otherRow}). Nếu là một đơn vị, hãy xoá một dòng; nếu là hai đơn vị, hãy ghi tên đầy đủ để phân biệt.',
        en: '"{name}" is very close to "{other}" (row {otherRow}). If they are one unit, delete a row; if two, write their full names to tell them apart.',
      },
    },
  },
  check(ctx) {
    const { members } = ctx.model;
    for (const [i, j] of similarPairs(members, ctx.model.info.province.value)) {
      const a = members[i]!;
      const b = members[j]!;
      ctx.report({ at: b.at, messageId: 'similar', data: { name: b.name, other: a.name, otherRow: a.row } });
    }
  },
});
