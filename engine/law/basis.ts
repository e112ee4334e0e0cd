/**
 * What a basis is. A profile or a rule names its basis as text (`Luật Thi đua, khen thưởng 2022,
 * Điều 5`, `quy chế khối thi đua của tỉnh …`, `Hướng dẫn 1479/HD-BTĐKT …`); this module tells
 * which kind of text that is, so every message, docs/rules.md and docs/legal.md say it: an
 * article someone has read, a law named without an article, a guidance, the province's own bloc
 * regulation, nothing written, or an example.
 */
import { figureBasis, settingBasis } from '../profiles';
import { memoize } from '../text/normalize';
import type { Settings } from '../profiles/schema';
import type { Lang, RuleMeta } from '../rules/types';
import { DOCUMENTS, READ_ARTICLES, READ_GUIDANCE, type ReadArticle } from './texts';

export type BasisKind =
  /** An article of a law, decree or circular that is in READ_ARTICLES. */
  | 'article'
  /** A law or decree named without an article. */
  | 'document'
  /** A guidance or official letter (hướng dẫn, công văn): not a law. */
  | 'guidance'
  /** The province's own bloc regulation (quy chế khối thi đua của tỉnh). */
  | 'province'
  /** No written rule: a common practice, or nothing at all. */
  | 'none'
  /** An illustration, not any province's real text. */
  | 'example'
  /** A text a province's profile names that thidua does not know (its own decision, say). */
  | 'other'
  /** An article of a national text nobody here has read: never to be cited. */
  | 'unread';

const NATIONAL = Object.keys(DOCUMENTS);

export interface CitedArticle {
  document: string;
  article: number;
}

/**
 * Each `<document>, Điều N[, M và K]` of a basis: the national document named last before it in
 * its `;` part. An article of a text that is not a national one (a province's decision) is not
 * returned.
 */
export function citedArticles(basis: string): CitedArticle[] {
  const out: CitedArticle[] = [];
  for (const part of basis.split(';')) {
    for (const m of part.matchAll(/Điều\s+(\d+(?:\s*(?:,|và)\s*(?:Điều\s+)?\d+)*)/g)) {
      const before = part.slice(0, m.index);
      let document = '';
      let at = -1;
      for (const doc of NATIONAL) {
        const i = before.lastIndexOf(doc);
        if (i > at) [document, at] = [doc, i];
      }
      if (!document) continue;
      for (const n of m[1]!.matchAll(/\d+/g)) out.push({ document, article: Number(n[0]) });
    }
  }
  return out;
}

export function readArticle(c: CitedArticle): ReadArticle | undefined {
  return READ_ARTICLES.find((a) => a.document === c.document && a.article === c.article);
}

/** What kind of text a basis is (a report asks it of every finding: a few distinct texts, remembered). */
export const basisKind = memoize((basis: string): BasisKind => {
  const text = basis.trim();
  if (/^ví dụ/i.test(text)) return 'example';
  if (/^(thông lệ|không có)/i.test(text)) return 'none';
  const cited = citedArticles(text);
  if (cited.length > 0) return cited.every((c) => readArticle(c) !== undefined) ? 'article' : 'unread';
  if (/quy chế|QĐ-UBND|của tỉnh/i.test(text)) return 'province';
  if (READ_GUIDANCE.some((g) => text.includes(g.id)) || /^(Hướng dẫn|Công văn)|\/HD-|\/BNV-/.test(text)) return 'guidance';
  if (NATIONAL.some((d) => text.includes(d))) return 'document';
  return 'other';
});

/** What each kind is called, for a civil servant. */
export const BASIS_KIND_LABEL: Record<BasisKind, Record<Lang, string>> = {
  article: { vi: 'điều khoản đã đọc của luật, nghị định, thông tư', en: 'an article read of a law, decree or circular' },
  document: { vi: 'luật, nghị định, chưa nêu điều', en: 'a law or decree, no article named' },
  guidance: { vi: 'văn bản hướng dẫn', en: 'a guidance' },
  province: { vi: 'quy chế khối thi đua của tỉnh', en: 'the province\'s bloc regulation' },
  none: { vi: 'không có văn bản quy định', en: 'no written rule' },
  example: { vi: 'ví dụ minh hoạ, không phải quy định thật', en: 'an example, not a real regulation' },
  other: { vi: 'văn bản do bộ quy tắc của tỉnh nêu', en: 'a text the province\'s profile names' },
  unread: { vi: 'điều khoản chưa đọc, không được trích', en: 'an article not read, not to be cited' },
};

/** The kinds a built-in profile or rule may give (test/profiles/legal.test.ts). */
export const DECLARED_KINDS: readonly BasisKind[] = ['article', 'document', 'guidance', 'province', 'none', 'example'];

/**
 * `Căn cứ: …` as a finding shows it: a law by its own name (the spec's form), anything else with
 * what it is, so a province's common value is never read as the law. A basis of no written rule
 * is not shown: nothing is cited.
 */
export function renderBasis(basis: string, lang: Lang): string | undefined {
  const kind = basisKind(basis);
  if (kind === 'none') return undefined;
  const head = lang === 'vi' ? 'Căn cứ' : 'Basis';
  if (kind === 'article' || kind === 'document') return `${head}: ${basis}`;
  // A text that says what it is in Vietnamese is not told again.
  if (lang === 'vi' && ((kind === 'province' && /^quy chế/i.test(basis.trim())) || (kind === 'example' && /^ví dụ/i.test(basis.trim())))) return `${head}: ${basis}`;
  // A province's profile answers for the articles it cites.
  return `${head} (${BASIS_KIND_LABEL[kind === 'unread' ? 'other' : kind][lang]}): ${basis}`;
}

/**
 * The basis a rule's findings cite under these settings: the version's own for the rule, else
 * the rule's, else that of the profile's figure the rule applies. Undefined: nothing written.
 */
export function ruleBasis(rule: { id: string; meta: RuleMeta }, settings: Settings): string | undefined {
  return settingBasis(settings.rules[rule.id]) ?? rule.meta.basis ?? figureBasis(settings, rule.meta.figure);
}
