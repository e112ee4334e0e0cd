/**
 * Why an annotated copy was not made, in the user's words: one catalog for the command's
 * workers, its pool and the desk, by typed code. The check itself always stands.
 */
import type { Lang } from '../rules/types';

export type CopyFailure =
  | { code: 'too-large'; mb: number }
  | { code: 'damaged'; detail: string }
  | { code: 'cell-too-long'; length: number; max: number }
  | { code: 'exceljs-refused' }
  | { code: 'not-read-again'; detail: string }
  | { code: 'not-written'; where: 'disk-full' | 'read-only' | 'other' }
  | { code: 'timeout'; seconds: number }
  | { code: 'out-of-memory'; mb: number };

const WHERE = {
  vi: { 'disk-full': 'đĩa đã đầy', 'read-only': 'thư mục không cho ghi', other: 'lỗi khi ghi tệp' },
  en: { 'disk-full': 'the disk is full', 'read-only': 'the folder cannot be written', other: 'the file could not be written' },
} as const;

const STANDS = { vi: 'kết quả kiểm tra vẫn đầy đủ', en: 'the check is complete' } as const;

/** The failure as said to the user (the check stands, and says so). */
export function copyFailureText(f: CopyFailure, lang: Lang): string {
  const vi = lang === 'vi';
  const stands = STANDS[lang];
  switch (f.code) {
    case 'too-large':
      return vi ? `sổ quá lớn để ghi bản đánh dấu (hơn ${f.mb} MB dữ liệu); ${stands}` : `the workbook is too large for an annotated copy (over ${f.mb} MB of data); ${stands}`;
    case 'damaged':
      return vi ? `sổ có phần hỏng hoặc bất thường (${f.detail}); ${stands}` : `part of the workbook is damaged or odd (${f.detail}); ${stands}`;
    case 'cell-too-long':
      return vi ? `một ô dài ${f.length} ký tự, quá giới hạn ${f.max} của Excel` : `a cell of ${f.length} characters, past Excel's limit of ${f.max}`;
    case 'exceljs-refused':
      return vi ? `thư viện ghi bản sao (ExcelJS) không đọc được sổ này dù sổ đúng chuẩn; ${stands}` : `the copy writer (ExcelJS) cannot read this workbook, correct as it is; ${stands}`;
    case 'not-read-again':
      return vi ? `không đọc lại được sổ (${f.detail})` : `the workbook could not be read again (${f.detail})`;
    case 'not-written':
      return vi ? `không ghi được bản sao (${WHERE.vi[f.where]}); ${stands}` : `the copy could not be written (${WHERE.en[f.where]}); ${stands}`;
    case 'timeout':
      return vi ? `ghi bản đánh dấu quá ${f.seconds} giây nên đã dừng; ${stands}` : `writing the copy took over ${f.seconds} s and was stopped; ${stands}`;
    case 'out-of-memory':
      return vi ? `ghi bản đánh dấu cần quá ${f.mb} MB bộ nhớ; ${stands}` : `writing the copy needed over ${f.mb} MB; ${stands}`;
  }
}
