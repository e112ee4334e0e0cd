/**
 * The texts thidua cites, as read: each article with the short phrase that says what thidua
 * relies on, and where it was read. A basis may name an article only if it is here
 * (test/profiles/legal.test.ts holds every profile and rule to that); docs/legal.md prints this
 * page for an office lawyer to check against the texts.
 *
 * Read on 2026-12-05 from the copies the project's search holds (official answers of the Ban Thi
 * đua – Khen thưởng Trung ương, the texts as reproduced by legal publishers, circulars that quote
 * them). Where a copy gave only a translation or a quotation, `via` says so.
 */

/** The national texts a basis may name, as a basis writes them. */
export const LAW_2022 = 'Luật Thi đua, khen thưởng 2022';
export const LAW_2003 = 'Luật Thi đua, khen thưởng 2003';
export const DECREE_91_2017 = 'Nghị định 91/2017/NĐ-CP';
export const DECREE_98_2023 = 'Nghị định 98/2023/NĐ-CP';
export const DECREE_152_2025 = 'Nghị định 152/2025/NĐ-CP';
export const CIRCULAR_08_2017 = 'Thông tư 08/2017/TT-BNV';
export const RESOLUTION_202_2025 = 'Nghị quyết 202/2025/QH15';

/** What a text is called in full, for the table of documents. */
export const DOCUMENTS: Readonly<Record<string, string>> = {
  [LAW_2003]: 'Luật Thi đua, khen thưởng số 15/2003/QH11, sửa đổi, bổ sung bởi Luật 47/2005/QH11, Luật 32/2009/QH12 và Luật 39/2013/QH13; hết hiệu lực từ 01/01/2024',
  [LAW_2022]: 'Luật Thi đua, khen thưởng số 06/2022/QH15, hiệu lực từ 01/01/2024',
  [DECREE_91_2017]: 'Nghị định 91/2017/NĐ-CP ngày 31/7/2017 quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng (đến hết 31/12/2023)',
  [DECREE_98_2023]: 'Nghị định 98/2023/NĐ-CP ngày 31/12/2023 quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng, hiệu lực từ 01/01/2024',
  [DECREE_152_2025]: 'Nghị định 152/2025/NĐ-CP, hiệu lực từ 01/7/2025, thay thế một phần Nghị định 98/2023/NĐ-CP',
  [CIRCULAR_08_2017]: 'Thông tư 08/2017/TT-BNV ngày 27/10/2017 của Bộ Nội vụ hướng dẫn Nghị định 91/2017/NĐ-CP',
  [RESOLUTION_202_2025]: 'Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh, hiệu lực từ 12/6/2025',
};

export interface ReadArticle {
  document: string;
  article: number;
  /** The short phrase of the text that thidua relies on (the clause where it is one). */
  says: string;
  /** Where it was read. */
  source: string;
  /** How it was read, where not from the article's own text. */
  via?: string;
}

/** Articles read, by document and number. */
export const READ_ARTICLES: readonly ReadArticle[] = [
  {
    document: LAW_2003,
    article: 6,
    says: 'khoản 2 điểm b (sửa đổi bởi Luật 39/2013/QH13): "Một hình thức khen thưởng có thể tặng nhiều lần cho một đối tượng; không tặng thưởng nhiều hình thức cho một thành tích đạt được"',
    source: 'Luật 39/2013/QH13, Điều 1 khoản 3 (toàn văn đăng tại thpt.sgdbinhduong.edu.vn)',
  },
  {
    document: LAW_2003,
    article: 25,
    says: '"Cờ thi đua của Chính phủ" được xét tặng cho tập thể "là tập thể tiêu biểu xuất sắc nhất trong phong trào thi đua của cấp bộ, ngành, tỉnh, đoàn thể trung ương"',
    source: 'tdkt.toaan.gov.vn, "Quy định về việc tặng thưởng Cờ thi đua của Chính phủ"',
  },
  {
    document: LAW_2003,
    article: 70,
    says: 'khoản 2: "Bằng khen gồm: Bằng khen của Thủ tướng Chính phủ; Bằng khen cấp bộ, ngành, tỉnh, đoàn thể trung ương"',
    source: 'nganhangphapluat.thukyluat.vn, "Mức thưởng tiền Bằng khen hiện nay"',
    via: 'trích dẫn nguyên văn trong bài giải đáp',
  },
  {
    document: DECREE_91_2017,
    article: 11,
    says: 'khoản 1: "Số lượng tập thể được xét, đề nghị tặng Cờ thi đua của Chính phủ không quá 20% tổng số tập thể đạt tiêu chuẩn tặng Cờ thi đua cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương"; Cờ của Chính phủ cho "tập thể tiêu biểu xuất sắc dẫn đầu" trong số các tập thể ấy',
    source: 'banthiduakhenthuongtw.gov.vn, trả lời ngày 24/4/2018 "đối tượng tặng cờ thi đua"',
    via: 'trích dẫn nguyên văn trong trả lời của Ban Thi đua – Khen thưởng Trung ương',
  },
  {
    document: DECREE_91_2017,
    article: 12,
    says: 'khoản 1: công nhận tập thể tiêu biểu xuất sắc nhất để tặng Cờ thi đua cấp tỉnh "phải được thông qua bình xét, đánh giá, so sánh theo các khối, cụm thi đua"; khoản 2: Ban Thi đua – Khen thưởng Trung ương hướng dẫn tổ chức, hoạt động của khối, cụm thi đua',
    source: 'thuvienphapluat.vn, hỏi đáp "Tiêu chuẩn Danh hiệu Cờ thi đua của Bộ"',
    via: 'trích dẫn trong bài hỏi đáp',
  },
  {
    document: DECREE_91_2017,
    article: 66,
    says: 'khoản 2 điểm a: "Danh hiệu thi đua, hình thức khen thưởng cao hơn thì mức tiền thưởng cao hơn"',
    source: 'nganhangphapluat.thukyluat.vn, "Cùng hình thức, mức khen thì mức tiền thưởng đối với tập thể cao hơn…"',
    via: 'trích dẫn nguyên văn trong bài giải đáp',
  },
  {
    document: DECREE_91_2017,
    article: 69,
    says: 'mức tiền thưởng: Cờ thi đua của Chính phủ 12 lần, Cờ thi đua cấp bộ, ban, ngành, tỉnh 8 lần mức lương cơ sở',
    source: 'hoatieu.vn, "Mức tiền thưởng danh hiệu thi đua, bằng khen, giấy khen mới"',
    via: 'bảng tổng hợp theo điều',
  },
  {
    document: DECREE_91_2017,
    article: 73,
    says: 'khoản 1: "Bằng khen của Thủ tướng Chính phủ" được thưởng 3,5 lần, Bằng khen cấp bộ, ban, ngành, tỉnh 1,0 lần mức lương cơ sở (cá nhân); tập thể gấp hai lần',
    source: 'nganhangphapluat.thukyluat.vn, "Mức thưởng tiền Bằng khen hiện nay"; lawnet.vn (bản tiếng Anh)',
    via: 'trích dẫn nguyên văn trong bài giải đáp',
  },
  {
    document: DECREE_98_2023,
    article: 54,
    says: 'mức tiền thưởng danh hiệu thi đua từ 01/01/2024 (trong đó các Cờ thi đua)',
    source: 'thuvienphapluat.vn, Nghị định 98/2023/NĐ-CP, tóm tắt "Mức tiền thưởng danh hiệu thi đua từ ngày 01/01/2024"',
    via: 'bài tóm tắt của nhà xuất bản văn bản',
  },
  {
    document: DECREE_152_2025,
    article: 54,
    says: 'khoản 1: mức tiền thưởng Bằng khen, Giấy khen, Kỷ niệm chương đối với cá nhân (trong đó "Bằng khen của Thủ tướng Chính phủ")',
    source: 'ngoisao.vn, 01/10/2025, "Quy định mới nhất về tiền thưởng Bằng khen của Thủ tướng Chính phủ"',
    via: 'bài báo dẫn khoản 1 Điều 54',
  },
  {
    document: LAW_2022,
    article: 5,
    says: '"Một hình thức khen thưởng có thể tặng nhiều lần cho một đối tượng; không khen thưởng nhiều lần, nhiều hình thức cho một thành tích đạt được"',
    source: 'vietjack.me, Luật Thi đua, khen thưởng 2022, Chương I (tóm tắt các nguyên tắc của Điều 5)',
    via: 'tóm tắt có trích nguyên văn',
  },
  {
    document: LAW_2022,
    article: 25,
    says: 'khoản 1: Cờ thi đua của Chính phủ xét tặng hằng năm cho tập thể tiêu biểu xuất sắc "trong số các tập thể dẫn đầu" cụm, khối thi đua của bộ, ban, ngành, tỉnh; khoản 4: Chính phủ quy định chi tiết',
    source: 'lawnet.vn, "Tập thể phải đạt được những tiêu chuẩn… Cờ thi đua các cấp" (bản tiếng Anh của Điều 25)',
    via: 'bản dịch tiếng Anh đầy đủ của điều',
  },
  {
    document: LAW_2022,
    article: 26,
    says: 'Cờ thi đua của bộ, ban, ngành, tỉnh tặng cho tập thể đạt tiêu chuẩn "tại khoản 1, khoản 2 Điều 26", là các tập thể "dẫn đầu phong trào thi đua của cụm, khối thi đua"',
    source: 'Thông tư 29/2023/TT-BGDĐT, Điều 4 (hethongphapluat.vn), dẫn chiếu Điều 26',
    via: 'văn bản dẫn chiếu (thông tư áp dụng Điều 26), chưa đọc nguyên văn Điều 26',
  },
  {
    document: CIRCULAR_08_2017,
    article: 8,
    says: 'khoản 2: tỉnh "xem xét, quyết định tặng Cờ thi đua cấp bộ, cấp tỉnh cho tập thể có thành tích xuất sắc, tiêu biểu, dẫn đầu cụm, khối"; khoản 3: việc lựa chọn tập thể đề nghị tặng Cờ thi đua của Chính phủ do bộ, ngành, địa phương thực hiện',
    source: 'hethongphapluat.com, Thông tư 08/2017/TT-BNV, Điều 8',
  },
];

/** A guidance (hướng dẫn, công văn) read, not a law: cited by number, said to be a guidance. */
export interface ReadGuidance {
  /** As a basis writes it. */
  id: string;
  title: string;
  says: string;
  source: string;
}

export const GUIDANCE_1479 = 'Hướng dẫn 1479/HD-BTĐKT';
export const OFFICIAL_LETTER_5007 = 'Công văn 5007/BNV-TĐKT';

export const READ_GUIDANCE: readonly ReadGuidance[] = [
  {
    id: GUIDANCE_1479,
    title: 'Hướng dẫn 1479/HD-BTĐKT ngày 25/7/2016 của Ban Thi đua – Khen thưởng Trung ương về tổ chức cụm, khối thi đua của các tỉnh, thành phố và đề nghị tặng Cờ thi đua của Chính phủ, Cờ thi đua cấp tỉnh',
    says: 'mục I.1: việc tổ chức, chia cụm, khối thi đua do Ủy ban nhân dân tỉnh thực hiện "căn cứ tình hình thực tế địa phương"; hằng năm tỉnh tổ chức "phát động, ký kết giao ước thi đua giữa các cơ quan, tổ chức, đơn vị"',
    source: 'luatminhkhue.vn, toàn văn Hướng dẫn 1479/HD-BTĐKT (phần đầu)',
  },
  {
    id: OFFICIAL_LETTER_5007,
    title: 'Công văn 5007/BNV-TĐKT ngày 05/9/2023 của Bộ Nội vụ về nâng cao chất lượng công tác thi đua, khen thưởng',
    says: '"Số lượng đề nghị tặng Cờ thi đua của Chính phủ không quá 20% tổng số tập thể được bình xét dẫn đầu các cụm, khối thi đua" (căn cứ Điều 11 Nghị định 91/2017/NĐ-CP)',
    source: 'tintuc.thuvienphapluat.com, 08/9/2023, "Bộ Nội vụ hướng dẫn về xét, đề nghị tặng Cờ thi đua của Chính phủ"',
  },
];

/** A claim the project made or was asked to make, the text it was held to, and what the text says. */
export interface CitationReview {
  claim: string;
  text: string;
  verdict: string;
}

/** The second reading of the citations (issue 20), for docs/legal.md and the closing note. */
export const CITATION_REVIEW: readonly CitationReview[] = [
  { claim: 'HTXSNV không quá 20 % số đơn vị HTTNV trở lên trong một khối (`awards/excellent-share`)', text: 'Quy định 366-QĐ/TW (2025); Nghị định 335/2025/NĐ-CP', verdict: 'Không văn bản nào đã đọc đặt mức này cho thành viên của khối; mức 20 % của Nghị định 335/2025 là cho công chức trong một cơ quan. Quy tắc tắt trong `quoc-gia`; tỉnh nào quy định thì bật trong bộ quy tắc của tỉnh, với căn cứ của tỉnh.' },
  { claim: 'Ngưỡng phiếu, số dự tối thiểu, mẫu số của Tỷ lệ (%), luân phiên, thời gian hội nghị, số thành viên của khối là "thông lệ"', text: 'Nghị định 91/2017/NĐ-CP, Điều 12; Hướng dẫn 1479/HD-BTĐKT, mục I.1', verdict: 'Sai tên: khối do tỉnh tổ chức theo quy chế của tỉnh. Các con số của `quoc-gia` nay ghi "quy chế khối thi đua của tỉnh (giá trị thường dùng …)".' },
  { claim: 'Thứ bậc các hình thức theo mức tiền thưởng (Nghị định 91/2017, Điều 69)', text: 'Nghị định 91/2017/NĐ-CP, Điều 66, 69, 73', verdict: 'Điều 69 chỉ có mức của các cờ; mức của Bằng khen ở Điều 73, nguyên tắc "cao hơn thì tiền thưởng cao hơn" ở Điều 66. Nay trích cả ba.' },
  { claim: 'Thứ bậc các hình thức (Nghị định 98/2023, Điều 54; Nghị định 152/2025, Điều 54)', text: 'Nghị định 98/2023/NĐ-CP, Điều 54; Nghị định 152/2025/NĐ-CP, Điều 54', verdict: 'Điều 54 của Nghị định 98/2023 là mức thưởng danh hiệu thi đua (các cờ); Điều 54 của Nghị định 152/2025 là mức thưởng Bằng khen. Điều còn lại của mỗi nghị định chưa đọc được: chỉ nêu tên nghị định cho phần ấy.' },
  { claim: 'Luật 2003 "sửa đổi, bổ sung 2005, 2013"', text: 'Luật Thi đua, khen thưởng 2022, Điều 94', verdict: 'Thiếu Luật 32/2009/QH12: nay ghi "sửa đổi, bổ sung 2005, 2009, 2013".' },
  { claim: 'Nguyên tắc một thành tích một hình thức trước 2024: Luật 2003, Điều 6', text: 'Luật 39/2013/QH13, Điều 1 khoản 3', verdict: 'Đúng, nhưng là Điều 6 khoản 2 điểm b theo bản sửa đổi năm 2013: nay ghi rõ.' },
  { claim: 'Cờ của Chính phủ, Cờ của tỉnh trước 2024: chỉ nêu tên luật', text: 'Luật Thi đua, khen thưởng 2003, Điều 25; Nghị định 91/2017/NĐ-CP, Điều 11, 12', verdict: 'Đã đọc: nay trích Luật 2003 Điều 25 và Nghị định 91/2017 Điều 11 cho Cờ của Chính phủ, Nghị định 91/2017 Điều 12 cho Cờ của tỉnh (Điều 26 Luật 2003 chưa đọc).' },
  { claim: '`awards/leading-rank` không nêu căn cứ', text: 'Luật Thi đua, khen thưởng 2022, Điều 25 khoản 1; Thông tư 08/2017/TT-BNV, Điều 8', verdict: 'Cờ của Chính phủ dành cho tập thể trong số các tập thể dẫn đầu khối; Cờ của tỉnh cho tập thể dẫn đầu khối: nay trích theo năm.' },
  { claim: 'Luật 2022, Điều 73, 74 (Bằng khen) "đã đối chiếu"', text: 'Luật Thi đua, khen thưởng 2022', verdict: 'Không đọc lại được trong đợt này: chỉ nêu tên luật cho hai hình thức Bằng khen.' },
  { claim: 'Luật 2022, Điều 26 (Cờ của tỉnh)', text: 'Thông tư 29/2023/TT-BGDĐT, Điều 4', verdict: 'Chỉ đọc được qua văn bản dẫn chiếu: Cờ thi đua theo khoản 1, 2 Điều 26 là cho tập thể dẫn đầu cụm, khối. Giữ trích dẫn, ghi rõ cách đọc.' },
  { claim: '"Mỗi khối một Cờ của Chính phủ"', text: 'Luật Thi đua, khen thưởng 2022, Điều 25; Nghị định 91/2017/NĐ-CP, Điều 11', verdict: 'Văn bản không nói như vậy: là suy ra (Cờ của Chính phủ cho tập thể dẫn đầu, mỗi khối một tập thể dẫn đầu). Chỉ tiêu "tối đa 1" nay ghi là quy chế của tỉnh; thông báo "không dẫn đầu khối" mới trích luật.' },
  { claim: 'Cờ của Chính phủ không quá 20 % số tập thể đạt tiêu chuẩn Cờ của tỉnh, trong cả tỉnh', text: 'Nghị định 91/2017/NĐ-CP, Điều 11 khoản 1; Công văn 5007/BNV-TĐKT (2023)', verdict: 'Đúng đến hết 2023: nay là quy tắc của đợt kiểm tra `batch/government-flag-share`. Từ 2024 (Nghị định 98/2023, 152/2025) chưa đọc được điều tương ứng: quy tắc tắt cho các năm ấy trong `quoc-gia`.' },
  { claim: 'Luật sửa đổi Luật Thi đua, khen thưởng năm 2026 (sửa Điều 5)', text: '—', verdict: 'Không tìm được văn bản nào trong các nguồn đã tra: không thêm phiên bản nào của bộ quy tắc.' },
];
