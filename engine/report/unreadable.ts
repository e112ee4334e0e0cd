/**
 * The reasons a file cannot be read, beside the rules in the one catalog (frictionless keeps
 * SourceError beside CellError): each code with what it means and what the sender should do,
 * in Vietnamese and English. `thidua rules` and docs/rules.md list them; every front end words
 * an unreadable file with `unreadableMessage`.
 */
import type { Bilingual, Lang } from '../rules/types';
import type { ErrorCode } from './schema';

/** What the reader recognised a file that is no workbook to be, told apart so the sender hears what to send instead. */
export type UnreadableVariant = 'opendocument' | 'word' | 'pdf' | 'xlsb' | 'powerpoint';

export interface UnreadableEntry {
  description: Bilingual;
  /** What the sender is told to do. */
  message: Bilingual;
  /** More precise words for what the intake found (its `detail`), by name: a PDF, a Word document… */
  /** What to say of a file the reader recognised as something else (by the reader's code for it). */
  variants?: Partial<Record<UnreadableVariant, Bilingual>>;
}

export const UNREADABLE: Record<ErrorCode, UnreadableEntry> = {
  empty: {
    description: { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' },
    message: {
      vi: 'Tệp rỗng (0 byte): hãy gửi lại tệp sổ thi đua.',
      en: 'The file is empty (0 bytes): send the workbook again.',
    },
  },
  'not-a-workbook': {
    description: { vi: 'Tệp không phải sổ Excel .xlsx (một tài liệu, một bảng tính OpenDocument, một tệp khác).', en: 'The file is not an .xlsx workbook (a document, an OpenDocument spreadsheet, another file).' },
    message: {
      vi: 'Tệp không phải sổ Excel (.xlsx): hãy mở bằng Excel hoặc LibreOffice rồi lưu dạng "Sổ làm việc Excel (.xlsx)" và gửi lại.',
      en: 'The file is not an Excel workbook (.xlsx): open it in Excel or LibreOffice, save as "Excel Workbook (.xlsx)" and send it again.',
    },
    // Files a sender may mistake for the workbook, told what to send instead.
    variants: {
      opendocument: {
        vi: 'Tệp là bảng tính OpenDocument (.ods), không phải sổ Excel (dù tên tệp có thể ghi .xlsx): hãy mở bằng LibreOffice, chọn Lưu thành "Excel 2007-365 (.xlsx)" rồi gửi lại.',
        en: 'The file is an OpenDocument spreadsheet (.ods), not an Excel workbook (whatever its name says): open it in LibreOffice, save as "Excel 2007-365 (.xlsx)" and send it again.',
      },
      word: {
        vi: 'Tệp là văn bản Word, không phải sổ Excel: hãy gửi sổ thi đua dạng Excel (.xlsx) theo biểu mẫu (báo cáo, biên bản bằng Word gửi kèm riêng).',
        en: 'The file is a Word document, not an Excel workbook: send the bloc\'s workbook as Excel (.xlsx) in the template (a report or minutes in Word go separately).',
      },
      pdf: {
        vi: 'Tệp là bản PDF, không phải sổ Excel: hãy gửi chính sổ thi đua dạng Excel (.xlsx), không gửi bản in hay bản quét.',
        en: 'The file is a PDF, not an Excel workbook: send the workbook itself as Excel (.xlsx), not a print or a scan.',
      },
      xlsb: {
        vi: 'Tệp là sổ Excel nhị phân (.xlsb): hãy mở bằng Excel, chọn Lưu thành "Sổ làm việc Excel (.xlsx)" rồi gửi lại.',
        en: 'The file is an Excel binary workbook (.xlsb): open it in Excel, save as "Excel Workbook (.xlsx)" and send it again.',
      },
      powerpoint: {
        vi: 'Tệp là bài trình chiếu PowerPoint, không phải sổ Excel: hãy gửi sổ thi đua dạng Excel (.xlsx) theo biểu mẫu.',
        en: 'The file is a PowerPoint presentation, not an Excel workbook: send the bloc\'s workbook as Excel (.xlsx) in the template.',
      },
    },
  },
  'xls-legacy': {
    description: { vi: 'Tệp là sổ Excel định dạng cũ (.xls, Excel 97–2003).', en: 'The file is an old-format Excel workbook (.xls, Excel 97–2003).' },
    message: {
      vi: 'Tệp là định dạng Excel cũ (.xls): hãy mở bằng Excel rồi lưu lại dạng .xlsx và gửi lại.',
      en: 'The file is in the old Excel format (.xls): open it in Excel, save it as .xlsx and send it again.',
    },
  },
  encrypted: {
    description: { vi: 'Tệp được đặt mật khẩu.', en: 'The file is password-protected.' },
    message: {
      vi: 'Tệp được đặt mật khẩu: hãy gỡ mật khẩu rồi gửi lại.',
      en: 'The file is password-protected: remove the password and send it again.',
    },
  },
  corrupt: {
    description: { vi: 'Tệp bị hỏng hoặc gửi chưa hết (nén hỏng, XML sai cấu trúc).', en: 'The file is damaged or incomplete (a broken zip, malformed XML).' },
    message: {
      vi: 'Tệp bị hỏng hoặc gửi chưa hết: hãy mở thử bằng Excel, lưu lại rồi gửi lại.',
      en: 'The file is damaged or incomplete: try opening it in Excel, save it and send it again.',
    },
  },
  'too-large': {
    description: { vi: 'Tệp vượt giới hạn (quá lớn, quá nhiều ô, hoặc nén bất thường như bom nén).', en: 'The file is past the limits (too large, too many cells, or abnormally compressed, as a zip bomb).' },
    message: {
      vi: 'Tệp quá lớn so với một sổ thi đua (hoặc chứa dữ liệu bất thường): hãy xoá các trang, dòng thừa rồi gửi lại.',
      en: 'The file is far larger than a bloc workbook (or holds abnormal data): delete the extra sheets and rows and send it again.',
    },
  },
  timeout: {
    description: { vi: 'Đọc tệp quá thời gian cho phép.', en: 'Reading the file took longer than allowed.' },
    message: {
      vi: 'Đọc tệp quá lâu nên đã dừng: hãy xoá các trang, dòng thừa rồi gửi lại.',
      en: 'Reading the file took too long and was stopped: delete the extra sheets and rows and send it again.',
    },
  },
};

/** What the sender of an unreadable file should do; what the reader recognised the file to be (`variant`) may make it more precise. */
export function unreadableMessage(code: ErrorCode, variant: UnreadableVariant | undefined, lang: Lang): string {
  const entry = UNREADABLE[code];
  return ((variant !== undefined ? entry.variants?.[variant] : undefined) ?? entry.message)[lang];
}
