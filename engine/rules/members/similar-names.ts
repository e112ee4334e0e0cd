import type { Member } from '../../model/bloc';
import { looseUnitKey } from '../../text/abbreviations';
import { editDistance } from '../../text/fuzzy';
import { defineRule } from '../types';

/**
 * Hashes of the key and of every string made by deleting one of its characters (polynomial,
 * mod 2^32): two keys one edit apart share one. Numbers rather than strings keep a list of
 * thousands of names cheap; a collision only adds a candidate that the real distance rejects.
 */
function deletionHashes(key: string): number[] {
  const n = key.length;
  const B = 0x01000193;
  const prefix = new Array<number>(n + 1);
  const pow = new Array<number>(n + 1);
  prefix[0] = 0;
  pow[0] = 1;
  for (let i = 0; i < n; i++) {
    prefix[i + 1] = (Math.imul(prefix[i]!, B) + key.charCodeAt(i)) >>> 0;
    pow[i + 1] = Math.imul(pow[i]!, B) >>> 0;
  }
  const whole = prefix[n]!;
  const out = [(whole ^ Math.imul(n, 0x9e3779b9)) >>> 0];
  for (let i = 0; i < n; i++) {
    // hash(key without i) = prefix(i)·B^(n-1-i) + (whole - prefix(i+1)·B^(n-1-i))
    const tail = (whole - Math.imul(prefix[i + 1]!, pow[n - 1 - i]!)) >>> 0;
    const h = (Math.imul(prefix[i]!, pow[n - 1 - i]!) + tail) >>> 0;
    out.push((h ^ Math.imul(n - 1, 0x9e3779b9)) >>> 0);
  }
  return out;
}

/** Edits allowed between two names of one unit mistyped: one for short names, two for long ones. */
const maxEdits = (key: string) => ([...key].length < 12 ? 1 : 2);

/** Characters of a not matched in b, or of b not in a, whichever is more: a lower bound of the edit distance. */
function bagDistance(a: Map<string, number>, b: Map<string, number>): number {
  let onlyA = 0;
  let onlyB = 0;
  for (const [ch, n] of a) onlyA += Math.max(0, n - (b.get(ch) ?? 0));
  for (const [ch, n] of b) onlyB += Math.max(0, n - (a.get(ch) ?? 0));
  return Math.max(onlyA, onlyB);
}

function histogram(key: string): Map<string, number> {
  const h = new Map<string, number>();
  for (const ch of key) h.set(ch, (h.get(ch) ?? 0) + 1);
  return h;
}

/**
 * A real bloc has 5 to 40 members: every pair is compared, exactly, within two edits. A list
 * longer than this (a synthetic or broken list) is searched through an index of one-character
 * deletions instead, which finds the pairs one edit apart without comparing every pair.
 */
const PAIRWISE_LIMIT = 400;

function candidatePairs(keys: readonly string[]): [number, number][] {
  const pairs: [number, number][] = [];
  if (keys.length <= PAIRWISE_LIMIT) {
    const hist = keys.map(histogram);
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        if (Math.abs(keys[i]!.length - keys[j]!.length) <= 2 && bagDistance(hist[i]!, hist[j]!) <= 2) pairs.push([i, j]);
      }
    }
    return pairs;
  }
  // (hash, member) packed in one float and sorted: no map of a million small arrays to collect.
  const SLOT = 2 ** 21;
  const packed = new Float64Array(keys.reduce((n, k) => n + k.length + 1, 0));
  let n = 0;
  keys.forEach((key, i) => {
    for (const h of deletionHashes(key)) packed[n++] = h * SLOT + i;
  });
  const sorted = packed.subarray(0, n).sort();
  const seen = new Set<number>();
  let runStart = 0;
  for (let p = 1; p <= n; p++) {
    if (p < n && Math.floor(sorted[p]! / SLOT) === Math.floor(sorted[runStart]! / SLOT)) continue;
    for (let x = runStart; x < p; x++) {
      for (let y = x + 1; y < p; y++) {
        const a = sorted[x]! % SLOT;
        const b = sorted[y]! % SLOT;
        if (a === b) continue;
        const [i, j] = a < b ? [a, b] : [b, a];
        const id = i * keys.length + j;
        if (!seen.has(id)) {
          seen.add(id);
          pairs.push([i, j]);
        }
      }
    }
    runStart = p;
  }
  return pairs;
}

/** Pairs of members whose names are probably one unit mistyped. */
export function similarPairs(members: readonly Member[], province?: string): [number, number][] {
  const pairs = new Map<string, [number, number]>();
  const add = (a: number, b: number) => {
    const [i, j] = a < b ? [a, b] : [b, a];
    pairs.set(`${i}:${j}`, [i, j]);
  };
  const keys = members.map((m) => m.key);
  // Units that differ only in a number (`Trường số 1`, `Trường số 2`) are distinct.
  const masked = keys.map((k) => k.replace(/\d+/g, '#'));
  for (const [i, j] of candidatePairs(keys)) {
    const a = keys[i]!;
    const b = keys[j]!;
    if (a === b || masked[i] === masked[j]) continue;
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
