/**
 * Text typed in a 1990s Vietnamese font encoding and stored by Excel as Western characters:
 * TCVN3 (ABC, fonts `.VnTime`), one byte per letter (`Héi N«ng d©n` = Hội Nông dân), and
 * VNI-Windows (fonts `VNI-Times`), a base letter followed by a mark character
 * (`Hoäi Noâng daân`). Detection is conservative: a text is called legacy only when every
 * word the conversion touches becomes a well-formed Vietnamese syllable.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** TCVN3 byte → Unicode (TCVN 5712:1993, VN3). Bytes 0x80–0x9F arrive as their cp1252 characters. */
const TCVN3_HIGH =
  // 0xA1..0xFF; '\0' marks a position that is not a letter in TCVN3.
  'ĂÂÊÔƠƯĐăâêôơưđ' + // A1–AE
  'Ằ' + // AF (VN1 upper; harmless)
  '\0\0\0\0\0àảãáạ' + // B0–B9 (B0–B4 are combining marks in VN1, unused in TCVN3)
  'Ẳằẳẵắ' + // BA–BE
  'ẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò' + // BF–DF
  'ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ'; // E0–FF

const CP1252_80_9F = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';
const TCVN3_80_9F = 'ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ';

const TCVN3_MAP = new Map<string, string>();
for (let i = 0; i < TCVN3_HIGH.length; i++) {
  const u = TCVN3_HIGH[i]!;
  if (u !== '\0') TCVN3_MAP.set(String.fromCharCode(0xa1 + i), u);
}
for (let i = 0; i < 32; i++) {
  const from = CP1252_80_9F[i]!;
  if (from !== '\0') TCVN3_MAP.set(from, TCVN3_80_9F[i]!);
}

/** Latin-1 characters that never occur in Unicode Vietnamese but are TCVN3 letters. */
const TCVN3_TELLTALE = /[¡¢£¤¥¦§¨©ª«¬®¯µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþÿ]/u;

/** cp1252 punctuation that TCVN3 reuses for capitals: left alone in a word of punctuation only. */
const PUNCTUATION_ONLY = /^[‚„…†‡‰‹‘’“”•–—™›"'()\-.,;:!?]+$/u;

export function tcvn3ToUnicode(text: string): string {
  return text.replace(/[^\s]+/gu, (word) => {
    if (PUNCTUATION_ONLY.test(word)) return word;
    let out = '';
    for (const ch of word) out += TCVN3_MAP.get(ch) ?? ch;
    // Capitals were typed with the companion font (.VnTimeH) using the lower-case codes:
    // a word whose plain letters (two or more) are all capitals is a capitalised word.
    const ascii = word.replace(/[^A-Za-z]/g, '');
    return ascii.length > 1 && ascii === ascii.toUpperCase() && out !== word ? out.toUpperCase() : out;
  });
}

// VNI-Windows: base vowel followed by a mark character.
const TONE_AFTER: Record<string, string> = { ù: '\u0301', ø: '\u0300', û: '\u0309', õ: '\u0303', ï: '\u0323' };
const HAT_TONE: Record<string, string> = { â: '', á: '\u0301', à: '\u0300', å: '\u0309', ã: '\u0303', ä: '\u0323' };
const BREVE_TONE: Record<string, string> = { ê: '', é: '\u0301', è: '\u0300', ú: '\u0309', ü: '\u0303', ë: '\u0323' };
/** Single VNI characters standing for a whole letter. */
const VNI_SINGLE: Record<string, string> = {
  í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị', ô: 'ơ', ö: 'ư', î: 'ỵ', ñ: 'đ',
  Í: 'Í', Ì: 'Ì', Æ: 'Ỉ', Ó: 'Ĩ', Ò: 'Ị', Ô: 'Ơ', Ö: 'Ư', Î: 'Ỵ', Ñ: 'Đ',
};
const VNI_TELLTALE = /[äåæëïîñöøûüÄÅÆËÏÎÑÖØÛÜ]|[aeoAEO][âÂ]|[aA][êÊ]|[aeiouyAEIOUYôöÔÖ][ùøûõïÙØÛÕÏ]/u;

function vniPair(base: string, mark: string): string | undefined {
  const lowerMark = mark.toLowerCase();
  const upper = base !== base.toLowerCase();
  const b = base.toLowerCase();
  let composed: string | undefined;
  const tone = TONE_AFTER[lowerMark];
  if (tone !== undefined) {
    const letter = b === 'ô' ? 'ơ' : b === 'ö' ? 'ư' : b;
    if ('aeiouyơư'.includes(letter)) composed = letter + tone;
  } else if (HAT_TONE[lowerMark] !== undefined && 'aeo'.includes(b)) {
    composed = b + '\u0302' + HAT_TONE[lowerMark];
  } else if (BREVE_TONE[lowerMark] !== undefined && b === 'a') {
    composed = 'a\u0306' + BREVE_TONE[lowerMark];
  }
  if (composed === undefined) return undefined;
  const nfc = composed.normalize('NFC');
  return upper ? nfc.toUpperCase() : nfc;
}

export function vniToUnicode(text: string): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const next = chars[i + 1];
    if (next !== undefined && /[aeiouyAEIOUYôöÔÖ]/u.test(ch)) {
      const pair = vniPair(ch, next);
      if (pair !== undefined) {
        out += pair;
        i++;
        continue;
      }
    }
    out += VNI_SINGLE[ch] ?? ch;
  }
  return out;
}

// A Vietnamese syllable without its tone: onset, vowel cluster, coda.
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(uyê|uya|oai|oay|oeo|uây|uôi|ươi|ươu|yêu|iêu|[aăâeêioôơuưy]{1,2})(ch|ng|nh|[cmnpt])?$/u;

/** Whether a word (letters only, any case) is a well-formed Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(/[\u0300\u0301\u0303\u0309\u0323]/g);
  if (tones && tones.length > 1) return false;
  const base = nfd.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
  return SYLLABLE.test(base);
}

/** How many words the conversion changed, or -1 when a changed word is not Vietnamese. */
function changedSyllables(before: string, after: string): number {
  const a = before.split(/\s+/);
  const b = after.split(/\s+/);
  if (a.length !== b.length) return -1;
  let changed = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    changed++;
    const letters = b[i]!.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    for (const part of letters.split(/[^\p{L}]+/u)) {
      if (part && !isVietnameseSyllable(part)) return -1;
    }
  }
  return changed;
}

/** Characters that no Unicode Vietnamese text has: a conversion that leaves one is wrong. */
const RESIDUE = /[¡¢£¤¥¦§¨©ª«¬®¯µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþÿ]/u;

export interface LegacyDetection {
  encoding: LegacyEncoding;
  unicode: string;
}

/** Is this text in a legacy encoding? If so, which, and what it says in Unicode. */
export function detectLegacy(text: string): LegacyDetection | undefined {
  // Proper Vietnamese letters beyond Latin-1 (ư, ơ, đ, ạ…) mean the text is Unicode already.
  if (/[\u0100-\u024f\u1e00-\u1eff]/u.test(text.replace(/[ŠšŒœŽžŸƒ]/g, ''))) return undefined;
  const candidates: (LegacyDetection & { changed: number })[] = [];
  if (VNI_TELLTALE.test(text)) {
    const unicode = vniToUnicode(text);
    candidates.push({ encoding: 'vni', unicode, changed: changedSyllables(text, unicode) });
  }
  if (TCVN3_TELLTALE.test(text) || /[‚ƒ„…†‡ˆ‰Š‹Œ‘’“”•–—˜™š›œžŸ]/u.test(text)) {
    const unicode = tcvn3ToUnicode(text);
    candidates.push({ encoding: 'tcvn3', unicode, changed: changedSyllables(text, unicode) });
  }
  const best = candidates
    .filter((c) => c.changed > 0 && !RESIDUE.test(c.unicode))
    .sort((x, y) => y.changed - x.changed)[0];
  return best ? { encoding: best.encoding, unicode: best.unicode } : undefined;
}
