import { competitionRanks } from '../../engine/model/rank';
import { expandAbbreviations, looseUnitKey, unitKey } from '../../engine/text/abbreviations';
import { closest, editDistance } from '../../engine/text/fuzzy';
import { detectLegacy, isVietnameseSyllable, tcvn3ToUnicode, vniToUnicode } from '../../engine/text/legacy';
import fc from 'fast-check';
import { tidySpaces } from '../../engine/rules/text/whitespace';
import { collapseSpaces, headerKey, toneKey } from '../../engine/text/normalize';

describe('normalisation', () => {
  test.each([
    ['Uỷ ban', 'Ủy ban'],
    ['hoà bình', 'hòa bình'],
    ['Khánh Hoà', 'Khánh Hòa'],
    ['thuỷ lợi', 'thủy lợi'],
    ['HOÀ', 'hòa'],
    ['Hội  Nông dân ', 'hội nông dân'],
    ['Hội Nông dân'.normalize('NFD'), 'Hội Nông dân'],
  ])('%s ≡ %s (tone placement, case, spacing, NFC)', (a, b) => {
    expect(toneKey(a)).toBe(toneKey(b));
  });

  test.each([
    ['thập', 'thật'],
    ['Hội Chữ thập đỏ', 'Hội Chữ thật đỏ'],
    ['dân', 'dẫn'],
    ['Đông y', 'Dong y'],
  ])('%s ≢ %s (letters and tones are part of the name)', (a, b) => {
    expect(toneKey(a)).not.toBe(toneKey(b));
  });

  test('header keys drop diacritics, đ and separators', () => {
    expect(headerKey('Thành  viên_')).toBe('thanh vien');
    expect(headerKey('ĐỀ NGHỊ-KHEN THƯỞNG')).toBe('de nghi khen thuong');
  });
});

describe('abbreviations (template.md)', () => {
  test.each([
    ['UBMTTQ tỉnh', 'Ủy ban Mặt trận Tổ quốc tỉnh'],
    ['UB MTTQ tỉnh', 'Ủy ban Mặt trận Tổ quốc tỉnh'],
    ['Ủy ban MTTQ Việt Nam tỉnh', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh'],
    ['LĐLĐ tỉnh', 'Liên đoàn Lao động tỉnh'],
    ['Hội LHPN tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh'],
    ['Hội CCB', 'Hội Cựu chiến binh'],
    ['Liên minh HTX', 'Liên minh Hợp tác xã'],
    ['LH các Hội KH&KT', 'Liên hiệp các Hội Khoa học và Kỹ thuật'],
    ['Liên hiệp các Hội KHKT', 'Liên hiệp các Hội Khoa học và Kỹ thuật'],
    ['Hội LH VHNT', 'Hội Liên hiệp Văn học nghệ thuật'],
    ['Hội Cựu TNXP', 'Hội Cựu Thanh niên xung phong'],
    ['Hội ND tỉnh', 'Hội Nông dân tỉnh'],
  ])('%s = %s', (short, full) => {
    expect(unitKey(short)).toBe(unitKey(full));
  });

  test('ND is Nông dân only after Hội; abbreviations are whole words', () => {
    expect(expandAbbreviations(toneKey('UBND tỉnh'))).toBe(toneKey('ủy ban nhân dân tỉnh'));
    expect(unitKey('Quỹ ND')).toBe(toneKey('quỹ nd'));
    expect(unitKey('Trường HTXanh')).toBe(toneKey('trường htxanh'));
  });

  test('place words are dropped only in the loose key', () => {
    expect(looseUnitKey('Hội Nông dân tỉnh Lai Châu', 'Lai Châu')).toBe(looseUnitKey('Hội Nông dân'));
    expect(unitKey('Hội Nông dân tỉnh')).not.toBe(unitKey('Hội Nông dân'));
  });
});

describe('legacy encodings', () => {
  test.each([
    ['Héi N«ng d©n tØnh', 'Hội Nông dân tỉnh'],
    ['Liªn ®oµn Lao ®éng tØnh', 'Liên đoàn Lao động tỉnh'],
    ['Héi Cùu chiÕn binh tØnh', 'Hội Cựu chiến binh tỉnh'],
    ['Uû ban MÆt trËn Tæ quèc ViÖt Nam tØnh', 'Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh'],
    ['Hoµn thµnh xuÊt s¾c nhiÖm vô', 'Hoàn thành xuất sắc nhiệm vụ'],
    ['Cê thi ®ua cña UBND tØnh', 'Cờ thi đua của UBND tỉnh'],
    ['B»ng khen cña Chñ tÞch UBND tØnh', 'Bằng khen của Chủ tịch UBND tỉnh'],
  ])('TCVN3 %s → %s', (legacy, unicode) => {
    expect(tcvn3ToUnicode(legacy)).toBe(unicode);
    expect(detectLegacy(legacy)).toEqual({ encoding: 'tcvn3', unicode });
  });

  test('TCVN3 capitals typed with the companion font', () => {
    expect(tcvn3ToUnicode('HéI N«NG D©N')).toBe('HỘI NÔNG DÂN');
  });

  test.each([
    ['Hoäi Noâng daân tænh', 'Hội Nông dân tỉnh'],
    ['Lieân ñoaøn Lao ñoäng tænh', 'Liên đoàn Lao động tỉnh'],
    ['Hoäi Cöïu chieán binh', 'Hội Cựu chiến binh'],
    ['Tænh ñoaøn Soùc Traêng', 'Tỉnh đoàn Sóc Trăng'],
    ['Baèng khen cuûa Chuû tòch UBND tænh', 'Bằng khen của Chủ tịch UBND tỉnh'],
    ['HOÄI NOÂNG DAÂN', 'HỘI NÔNG DÂN'],
  ])('VNI %s → %s', (legacy, unicode) => {
    expect(vniToUnicode(legacy)).toBe(unicode);
    expect(detectLegacy(legacy)).toEqual({ encoding: 'vni', unicode });
  });

  test.each([
    'Hội Nông dân tỉnh', 'Cà Mau', 'Bà Rịa - Vũng Tàu', 'Công ty ABC®', 'Ban Thi dua – Khen thuong', '“Lai Châu chung tay vì người nghèo”',
    'Café Olé', 'Hà Nội', '53.211', 'Tỷ lệ ½', 'Tổng: 48 tỷ đồng', 'e-mail: abc@soctrang.gov.vn',
  ])('%s is not legacy text', (text) => {
    expect(detectLegacy(text)).toBeUndefined();
  });

  test('syllable shapes', () => {
    for (const w of ['nghiêng', 'Hội', 'khuya', 'thuở', 'Ủy', 'giữ', 'quốc', 'đoàn']) expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ['ABCđ', 'xyz', 'Olé', 'Café', 'hộộ']) expect(isVietnameseSyllable(w)).toBe(false);
  });
});

describe('did you mean', () => {
  test('thập and thật are one edit apart, never equal', () => {
    expect(editDistance(toneKey('thập'), toneKey('thật'))).toBe(1);
  });

  test('the closest member within tolerance, none beyond', () => {
    const members = ['Hội Chữ thập đỏ', 'Hội Nhà báo', 'Hội Luật gia'].map((n) => ({ key: unitKey(n), item: n }));
    expect(closest(unitKey('Hội Chữ thật đỏ'), members)?.item).toBe('Hội Chữ thập đỏ');
    expect(closest(unitKey('Sở Tài chính'), members)).toBeUndefined();
  });

  test('bounded distance gives up early but never under-counts', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

test('competition ranks: equal totals share a rank and the next skips', () => {
  expect(competitionRanks([90, 95, 95, 80, 99])).toEqual([4, 2, 2, 5, 1]);
  expect(competitionRanks([0.1 + 0.2, 0.3, 0.2])).toEqual([1, 1, 3]);
});

describe('space tidying fast paths', () => {
  // The plain replacements the fast paths skip when a test says nothing would change.
  const collapseSlow = (s: string) => s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
  const tidySlow = (s: string) =>
    s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/[\u00a0\u202f\u2007\u3000\t]/g, ' ').split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim()).join('\n').trim();
  // Mostly letters, so that a lone odd space inside tidy text (the case a fast path can miss) is common.
  const spaces = fc.constantFrom(' ', '  ', '\n', '\r', '\t', '\u00a0', '\u202f', '\u200b', '\ufeff', '\u2007', '\u3000', '\u2028', '\v');
  const spacey = fc.string({ unit: fc.oneof({ arbitrary: fc.constantFrom('a', 'ư'), weight: 3 }, { arbitrary: spaces, weight: 1 }), maxLength: 12 });

  test('collapseSpaces gives what the replacements give, on any mix of spaces', () => {
    fc.assert(fc.property(spacey, (s) => collapseSpaces(s) === collapseSlow(s)), { numRuns: 3000, seed: 20261122 });
  });

  test('tidySpaces gives what the replacements give, on any mix of spaces', () => {
    fc.assert(fc.property(spacey, (s) => tidySpaces(s) === tidySlow(s)), { numRuns: 3000, seed: 20261122 });
  });

  test('tidy text comes back as the same string', () => {
    expect(collapseSpaces('Hội Nông dân tỉnh')).toBe('Hội Nông dân tỉnh');
    expect(collapseSpaces(' Hội\u00a0Nông  dân\u200b ')).toBe('Hội Nông dân');
    expect(tidySpaces('Dòng 1\nDòng 2')).toBe('Dòng 1\nDòng 2');
    expect(tidySpaces('Dòng 1 \r\n Dòng\u00a0 2')).toBe('Dòng 1\nDòng 2');
  });
});
