import type { Member } from '../../model/bloc';
import { looseUnitKey } from '../../text/abbreviations';
import { editDistance } from '../../text/fuzzy';
import { memoize } from '../../text/normalize';
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

/** A name's characters (code points) sorted, with a 32-bit mask of which of them it has. */
interface Bag {
  chars: Uint32Array;
  mask: number;
}

/** Bags are remembered: a batch checks the same members' names file after file. */
const bagOf = memoize(makeBag, 20000);

function makeBag(key: string): Bag {
  const chars = Uint32Array.from(key, (ch) => ch.codePointAt(0)!).sort();
  let mask = 0;
  for (const c of chars) mask |= 1 << (c & 31);
  return { chars, mask };
}

const bitCount = (x: number): number => {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
};

/**
 * Characters of a not matched in b, or of b not in a, whichever is more: a lower bound of the
 * edit distance. Two names whose masks differ in more than `limit` bits are already further
 * apart than that (each such bit is a character one of them lacks), with no walk at all.
 */
function bagDistanceOver(a: Bag, b: Bag, limit: number): boolean {
  if (bitCount(a.mask & ~b.mask) > limit || bitCount(b.mask & ~a.mask) > limit) return true;
  let onlyA = 0;
  let onlyB = 0;
  let i = 0;
  let j = 0;
  while (i < a.chars.length && j < b.chars.length) {
    if (a.chars[i] === b.chars[j]) {
      i++;
      j++;
    } else if (a.chars[i]! < b.chars[j]!) {
      onlyA++;
      i++;
    } else {
      onlyB++;
      j++;
    }
  }
  onlyA += a.chars.length - i;
  onlyB += b.chars.length - j;
  return Math.max(onlyA, onlyB) > limit;
}

/**
 * A real bloc has 5 to 40 members: every pair is compared, exactly, within two edits. A list
 * longer than this (a synthetic or broken list) is searched through an index of one-character
 * deletions instead, which finds the pairs one edit apart without comparing every pair.
 */
const PAIRWISE_LIMIT = 400;

/**
 * Sorts (hash, owner) entries by hash: a radix sort in two passes of 16 bits, linear in the
 * number of entries (a comparison sort's log factor alone made 20,000 names cost 1.2× as much
 * per name as 2,000).
 */
function sortByHash(hashes: Uint32Array<ArrayBuffer>, owners: Uint32Array<ArrayBuffer>): { hashes: Uint32Array<ArrayBuffer>; owners: Uint32Array<ArrayBuffer> } {
  const n = hashes.length;
  let h = hashes;
  let o = owners;
  let hOut = new Uint32Array(n);
  let oOut = new Uint32Array(n);
  const start = new Uint32Array(0x10001);
  for (const shift of [0, 16]) {
    start.fill(0);
    for (let i = 0; i < n; i++) start[((h[i]! >>> shift) & 0xffff) + 1]! += 1;
    for (let b = 0; b < 0x10000; b++) start[b + 1]! += start[b]!;
    for (let i = 0; i < n; i++) {
      const bucket = (h[i]! >>> shift) & 0xffff;
      const to = start[bucket]!;
      start[bucket] = to + 1;
      hOut[to] = h[i]!;
      oOut[to] = o[i]!;
    }
    [h, hOut] = [hOut, h];
    [o, oOut] = [oOut, o];
  }
  return { hashes: h, owners: o };
}

/**
 * Pairs (i < j) of keys that may be within two edits. Keys of one `group` (the same name up to
 * its numbers) are never paired: the caller would discard them, and a long list of numbered
 * units would otherwise fill the index's buckets with pairs.
 */
function candidatePairs(keys: readonly string[], group: Int32Array): [number, number][] {
  const pairs: [number, number][] = [];
  if (keys.length <= PAIRWISE_LIMIT) {
    const keyBags = keys.map(bagOf);
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        if (group[i] !== group[j] && Math.abs(keys[i]!.length - keys[j]!.length) <= 2 && !bagDistanceOver(keyBags[i]!, keyBags[j]!, 2)) pairs.push([i, j]);
      }
    }
    return pairs;
  }
  const total = keys.reduce((n, k) => n + k.length + 1, 0);
  const hashes = new Uint32Array(total);
  const owners = new Uint32Array(total);
  let n = 0;
  keys.forEach((key, i) => {
    for (const h of deletionHashes(key)) {
      hashes[n] = h;
      owners[n++] = i;
    }
  });
  const sorted = sortByHash(hashes, owners);
  const seen = new Set<number>();
  let runStart = 0;
  for (let p = 1; p <= n; p++) {
    if (p < n && sorted.hashes[p] === sorted.hashes[runStart]) continue;
    for (let x = runStart; x < p; x++) {
      for (let y = x + 1; y < p; y++) {
        const a = sorted.owners[x]!;
        const b = sorted.owners[y]!;
        if (group[a] === group[b]) continue;
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
  // Each name once, at its first member: a name listed twice is members/duplicate's finding.
  const firstOf = new Map<string, number>();
  members.forEach((m, i) => {
    if (!firstOf.has(m.key)) firstOf.set(m.key, i);
  });
  const keys = [...firstOf.keys()];
  const memberOf = [...firstOf.values()];
  // Units that differ only in a number (`Trường số 1`, `Trường số 2`) are distinct.
  const groupOf = new Map<string, number>();
  const group = Int32Array.from(keys, (k) => {
    const masked = k.replace(/\d+/g, '#');
    let g = groupOf.get(masked);
    if (g === undefined) groupOf.set(masked, (g = groupOf.size));
    return g;
  });
  for (const [i, j] of candidatePairs(keys, group)) {
    const a = keys[i]!;
    const b = keys[j]!;
    if (editDistance(a, b, 2) <= Math.min(maxEdits(a), maxEdits(b))) add(memberOf[i]!, memberOf[j]!);
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
      if (a.unnamed || b.unnamed) continue; // two #REF! are one cause, cell/formula-error's
      ctx.report({ at: b.at, messageId: 'similar', data: { name: b.name, other: a.name, otherRow: a.row } });
    }
  },
});
