/**
 * Template v1 (shared/spec/template.md) as data: one description that the reader, the
 * rules and the template writers (`thidua template`, the pane's "Tạo mẫu") all use.
 */

export type FieldType = 'text' | 'integer' | 'number' | 'percent' | 'date' | 'unit' | 'award' | 'rating' | 'signed' | 'year' | 'profile';

/** The field a column (or a Thông tin line) holds, as the reader and the template name it: a misspelt one fails `tsc`. */
export type FieldKey =
  | 'abbr'
  | 'achievement'
  | 'actual'
  | 'award'
  | 'blocName'
  | 'date'
  | 'deputy'
  | 'index'
  | 'indicator'
  | 'issued'
  | 'leader'
  | 'meetingDate'
  | 'memberCount'
  | 'nextDeputy'
  | 'nextLeader'
  | 'note'
  | 'percent'
  | 'phone'
  | 'plan'
  | 'preparer'
  | 'present'
  | 'profile'
  | 'province'
  | 'rank'
  | 'rating'
  | 'returned'
  | 'signed'
  | 'total'
  | 'unit'
  | 'unitOfMeasure'
  | 'valid'
  | 'venue'
  | 'votes'
  | 'year';

export interface ColumnSpec {
  /** Code name of the field. */
  key: FieldKey;
  /** Canonical header, as `thidua template` writes it. */
  header: string;
  synonyms: readonly string[];
  type: FieldType;
  required: boolean;
  /** The input prompt shown on the header by the template writer. */
  prompt: string;
}

export type SheetKey = 'info' | 'members' | 'rotation' | 'scores' | 'votes' | 'proposals' | 'covenant' | 'stats';

export interface TableSheetSpec {
  key: Exclude<SheetKey, 'info'>;
  name: string;
  synonyms: readonly string[];
  required: boolean;
  title: string;
  columns: readonly ColumnSpec[];
}

export interface InfoSheetSpec {
  key: 'info';
  name: string;
  synonyms: readonly string[];
  required: true;
  title: string;
  labels: readonly ColumnSpec[];
}

const col = (key: FieldKey, header: string, type: FieldType, required: boolean, synonyms: readonly string[], prompt: string): ColumnSpec => ({
  key,
  header,
  synonyms,
  type,
  required,
  prompt,
});

export const INFO_SHEET: InfoSheetSpec = {
  key: 'info',
  name: 'Thông tin',
  synonyms: ['Thông tin chung', 'Thông tin khối'],
  required: true,
  title: 'THÔNG TIN KHỐI THI ĐUA',
  labels: [
    col('province', 'Tỉnh/Thành phố', 'text', true, ['Tỉnh', 'Thành phố', 'Tỉnh, thành phố'], 'Tên tỉnh/thành phố, ví dụ: Lai Châu'),
    col('blocName', 'Tên khối thi đua', 'text', true, ['Khối thi đua', 'Tên cụm thi đua', 'Cụm thi đua'], 'Tên khối (cụm) thi đua'),
    col('year', 'Năm thi đua', 'year', true, ['Năm'], 'Năm thi đua được tổng kết, ví dụ: 2023'),
    col('leader', 'Trưởng khối', 'unit', true, ['Khối trưởng', 'Trưởng cụm', 'Cụm trưởng'], 'Đơn vị làm Trưởng khối năm nay'),
    col('deputy', 'Phó trưởng khối', 'unit', false, ['Khối phó', 'Phó trưởng cụm', 'Cụm phó'], 'Đơn vị làm Phó trưởng khối năm nay'),
    col('memberCount', 'Số đơn vị thành viên', 'integer', false, ['Số thành viên'], 'Số đơn vị thành viên của khối'),
    col('meetingDate', 'Ngày hội nghị tổng kết', 'date', true, ['Ngày hội nghị'], 'Ngày tổ chức hội nghị tổng kết (ngày/tháng/năm)'),
    col('venue', 'Địa điểm', 'text', false, [], 'Nơi tổ chức hội nghị'),
    col('nextLeader', 'Trưởng khối năm sau', 'unit', true, ['Khối trưởng năm sau', 'Trưởng cụm năm sau'], 'Đơn vị được bầu làm Trưởng khối năm sau'),
    col('nextDeputy', 'Phó trưởng khối năm sau', 'unit', false, ['Khối phó năm sau', 'Phó trưởng cụm năm sau'], 'Đơn vị được bầu làm Phó trưởng khối năm sau'),
    col('profile', 'Bộ quy tắc', 'profile', false, [], 'Bỏ trống để dùng bộ quy tắc của tỉnh (mặc định: quoc-gia)'),
    col('preparer', 'Người lập biểu', 'text', false, [], 'Họ tên người lập biểu'),
    col('phone', 'Điện thoại', 'text', false, [], 'Số điện thoại liên hệ'),
  ],
};

const STT = col('index', 'STT', 'integer', false, ['TT', 'Số TT'], 'Số thứ tự');
const UNIT_NAME = (synonyms: readonly string[], prompt: string) => col('unit', 'Tên đơn vị', 'unit', true, synonyms, prompt);
const NOTE = col('note', 'Ghi chú', 'text', false, [], 'Ghi chú (nếu có)');
const RATING = col('rating', 'Xếp loại', 'rating', false, ['Xếp loại năm', 'Kết quả xếp loại'], 'HTXSNV, HTTNV, HTNV hoặc KHTNV');
const AWARD = col('award', 'Hình thức khen thưởng', 'award', true, ['Hình thức'], 'Chọn hình thức khen thưởng trong danh sách');
const PERCENT = (prompt: string) => col('percent', 'Tỷ lệ (%)', 'percent', false, ['Tỷ lệ', 'Tỉ lệ', 'Tỉ lệ (%)'], prompt);

export const TABLE_SHEETS: readonly TableSheetSpec[] = [
  {
    key: 'members',
    name: 'Thành viên',
    synonyms: ['Danh sách thành viên', 'Đơn vị thành viên'],
    required: true,
    title: 'DANH SÁCH ĐƠN VỊ THÀNH VIÊN',
    columns: [
      STT,
      col('unit', 'Tên đơn vị', 'text', true, ['Đơn vị', 'Tên cơ quan', 'Tên cơ quan, đơn vị', 'Cơ quan, đơn vị'], 'Tên đầy đủ của đơn vị thành viên'),
      col('abbr', 'Tên viết tắt', 'text', false, ['Viết tắt'], 'Tên viết tắt thường dùng, ví dụ: LĐLĐ tỉnh'),
      RATING,
      NOTE,
    ],
  },
  {
    key: 'rotation',
    name: 'Luân phiên',
    synonyms: ['Luân phiên trưởng khối', 'Lịch sử luân phiên'],
    required: false,
    title: 'LUÂN PHIÊN TRƯỞNG KHỐI, PHÓ TRƯỞNG KHỐI',
    columns: [
      col('year', 'Năm', 'year', true, ['Năm thi đua'], 'Năm'),
      col('leader', 'Trưởng khối', 'text', true, ['Khối trưởng', 'Trưởng cụm'], 'Đơn vị làm Trưởng khối năm đó'),
      col('deputy', 'Phó trưởng khối', 'text', false, ['Khối phó', 'Phó trưởng cụm'], 'Đơn vị làm Phó trưởng khối năm đó'),
    ],
  },
  {
    key: 'scores',
    name: 'Chấm điểm',
    synonyms: ['Bảng chấm điểm', 'Kết quả chấm điểm'],
    required: false,
    title: 'KẾT QUẢ CHẤM ĐIỂM THI ĐUA',
    columns: [
      STT,
      UNIT_NAME(['Đơn vị', 'Tên cơ quan'], 'Đơn vị được chấm điểm'),
      col('total', 'Tổng điểm', 'number', true, ['Tổng', 'Tổng cộng'], 'Tổng điểm các tiêu chí'),
      col('rank', 'Xếp hạng', 'integer', false, ['Thứ hạng', 'Hạng'], 'Thứ hạng theo tổng điểm (1 = cao nhất)'),
      RATING,
      NOTE,
    ],
  },
  {
    key: 'votes',
    name: 'Bình xét',
    synonyms: ['Kết quả bình xét', 'Suy tôn', 'Kết quả suy tôn'],
    required: true,
    title: 'KẾT QUẢ BÌNH XÉT, SUY TÔN',
    columns: [
      AWARD,
      col('present', 'Số thành viên dự', 'integer', true, ['Số đơn vị dự', 'Số đơn vị có mặt'], 'Số đơn vị thành viên có mặt khi bỏ phiếu'),
      col('issued', 'Số phiếu phát ra', 'integer', true, ['Phiếu phát ra'], 'Số phiếu phát ra'),
      col('returned', 'Số phiếu thu về', 'integer', true, ['Phiếu thu về'], 'Số phiếu thu về'),
      col('valid', 'Số phiếu hợp lệ', 'integer', true, ['Phiếu hợp lệ'], 'Số phiếu hợp lệ'),
      UNIT_NAME(['Đơn vị được bầu', 'Đơn vị'], 'Đơn vị được bầu (mỗi đơn vị một dòng)'),
      col('votes', 'Số phiếu đồng ý', 'integer', true, ['Số phiếu', 'Phiếu đồng ý'], 'Số phiếu đồng ý cho đơn vị này'),
      PERCENT('Số phiếu đồng ý ÷ số đơn vị thành viên × 100'),
    ],
  },
  {
    key: 'proposals',
    name: 'Đề nghị khen thưởng',
    synonyms: ['Đề nghị', 'Danh sách đề nghị khen thưởng'],
    required: true,
    title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG',
    columns: [
      STT,
      UNIT_NAME(['Đơn vị', 'Tên cơ quan', 'Đơn vị được đề nghị'], 'Đơn vị được đề nghị khen thưởng'),
      AWARD,
      col('achievement', 'Thành tích', 'text', false, ['Tóm tắt thành tích'], 'Tóm tắt thành tích'),
      NOTE,
    ],
  },
  {
    key: 'covenant',
    name: 'Giao ước',
    synonyms: ['Giao ước thi đua', 'Ký kết giao ước'],
    required: false,
    title: 'KÝ KẾT GIAO ƯỚC THI ĐUA NĂM SAU',
    columns: [
      STT,
      UNIT_NAME(['Đơn vị'], 'Đơn vị ký giao ước'),
      col('signed', 'Ký kết', 'signed', false, ['Đã ký', 'Ký'], 'Có / Không (hoặc x)'),
      col('date', 'Ngày ký', 'date', false, [], 'Ngày ký giao ước'),
    ],
  },
  {
    key: 'stats',
    name: 'Số liệu',
    synonyms: ['Số liệu thống kê', 'Chỉ tiêu'],
    required: false,
    title: 'SỐ LIỆU, CHỈ TIÊU NĂM',
    columns: [
      STT,
      col('indicator', 'Chỉ tiêu', 'text', true, ['Nội dung', 'Tên chỉ tiêu'], 'Tên chỉ tiêu'),
      col('unitOfMeasure', 'Đơn vị tính', 'text', false, ['ĐVT'], 'Đơn vị tính'),
      col('plan', 'Kế hoạch', 'number', false, ['Chỉ tiêu giao', 'Kế hoạch giao'], 'Chỉ tiêu kế hoạch'),
      col('actual', 'Thực hiện', 'number', false, ['Kết quả thực hiện', 'Kết quả'], 'Kết quả thực hiện'),
      PERCENT('Thực hiện ÷ Kế hoạch × 100 (có thể vượt 100)'),
    ],
  },
];

/** Every sheet, in the order the template writes them. */
export const SHEETS = [INFO_SHEET, ...TABLE_SHEETS] as const;

export function tableSpec(key: TableSheetSpec['key']): TableSheetSpec {
  return TABLE_SHEETS.find((s) => s.key === key)!;
}

/** Headers of `Chấm điểm` that are not criteria. */
export const SCORE_NON_CRITERIA = ['STT', 'TT', 'Số TT', 'Tên đơn vị', 'Đơn vị', 'Tên cơ quan', 'Tổng điểm', 'Tổng', 'Tổng cộng', 'Xếp hạng', 'Thứ hạng', 'Hạng', 'Xếp loại', 'Xếp loại năm', 'Kết quả xếp loại', 'Ghi chú'];

/** The `Tên đơn vị` cell of the row holding each criterion's maximum. */
export const SCORE_MAX_LABELS = ['Điểm tối đa', 'Thang điểm', 'Điểm chuẩn'];

export const RATINGS = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
} as const;
export type Rating = keyof typeof RATINGS;
