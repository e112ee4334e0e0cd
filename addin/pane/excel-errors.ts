/**
 * Excel's errors in the user's words (the codes of the Office.js reference, Excel.ErrorCodes):
 * what happened and what to do, in both languages. One entry per code the pane meets; any
 * other code gets the general advice with the code named.
 */
import type { Lang } from '../../engine';

type Said = Record<Lang, string>;

const SAID = {
  InvalidOperationInCellEditMode: { vi: 'Excel đang ở chế độ sửa ô: hãy nhấn Enter hoặc Esc rồi bấm "Kiểm tra lại".', en: 'Excel is editing a cell: press Enter or Esc, then "Check again".' },
  RequestPayloadSizeLimitExceeded: { vi: 'Sổ quá lớn để Excel trên web gửi một lần: hãy kiểm tra bằng Excel trên máy tính hoặc trang kiểm tra của Sở.', en: 'The workbook is too large for Excel on the web to send at once: check it in desktop Excel or with the office desk page.' },
  ItemNotFound: { vi: 'Một trang vừa bị xoá hoặc đổi tên: hãy bấm "Kiểm tra lại".', en: 'A sheet was just deleted or renamed: click "Check again".' },
  AccessDenied: { vi: 'Excel không cho ghi vào sổ (trang được bảo vệ, hoặc sổ chỉ được đọc): hãy bỏ bảo vệ trang (Review → Unprotect Sheet) hoặc mở sổ để sửa, rồi bấm "Kiểm tra lại". Các phát hiện vẫn được liệt kê.', en: 'Excel does not let the add-in write to the workbook (a protected sheet, or a read-only workbook): unprotect the sheet (Review → Unprotect Sheet) or open it for editing, then click "Check again". The findings are still listed.' },
  InactiveWorkbook: { vi: 'Sổ này không còn là sổ đang mở trước mặt (đang xem sổ khác): hãy quay lại cửa sổ của sổ này rồi bấm "Kiểm tra lại".', en: 'This workbook is not the active one (another workbook is in front): go back to its window, then click "Check again".' },
  RangeExceedsLimit: { vi: 'Vùng ô quá lớn để Excel xử lý một lần: phần bổ trợ sẽ đọc từng phần; nếu vẫn lỗi, hãy kiểm tra bằng trang kiểm tra của Sở.', en: 'The range is too large for Excel to handle at once: the add-in reads it in pieces; if this persists, check it with the office desk page.' },
  UndoNotSupported: { vi: 'Excel này không ghi được thao tác của phần bổ trợ vào Hoàn tác (Undo): ô đã sửa vẫn giữ, nhưng Ctrl+Z sẽ không đưa về như cũ; hãy sửa lại bằng tay nếu cần.', en: 'This Excel cannot record the add-in\'s change for Undo: the cell keeps its new value, but Ctrl+Z will not bring the old one back; change it by hand if needed.' },
  Conflict: { vi: 'Một người khác đang sửa cùng chỗ trong sổ (đồng soạn thảo): chờ một lát rồi bấm "Kiểm tra lại".', en: 'Someone else is editing the same place (co-authoring): wait a moment, then click "Check again".' },
  RequestAborted: { vi: 'Excel đã huỷ yêu cầu (sổ đang được lưu, tính toán hoặc đồng bộ): phần bổ trợ tự thử lại.', en: 'Excel cancelled the request (the workbook is saving, calculating or syncing): the add-in tries again.' },
  ItemAlreadyExists: { vi: 'Sổ đã có một trang trùng tên: hãy đổi tên trang đó rồi bấm "Tạo mẫu" lại.', en: 'The workbook already has a sheet of that name: rename it, then click "Create template" again.' },
  FormulaLengthExceedsLimit: { vi: 'Excel này không nhận một công thức dài của biểu mẫu: hãy dùng biểu mẫu tạo bằng thidua template.', en: 'This Excel refuses one of the template\'s long formulas: use the template written by thidua template.' },
} satisfies Record<string, Said>;

/** Codes Excel gives for the same trouble as one already said. */
const SAME_AS: Record<string, keyof typeof SAID> = {
  ResponsePayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  OperationCellsExceedLimit: 'RangeExceedsLimit',
};

/** An Excel error in the user's words: what happened and what to do. */
export function errorText(e: unknown, lang: Lang): string {
  const code = (e as { code?: string }).code;
  const key = code === undefined ? undefined : Object.hasOwn(SAID, code) ? (code as keyof typeof SAID) : Object.hasOwn(SAME_AS, code) ? SAME_AS[code] : undefined;
  if (key !== undefined) return SAID[key][lang];
  return lang === 'vi' ? `Excel báo lỗi (${code ?? 'không rõ'}): hãy bấm "Kiểm tra lại"; nếu vẫn lỗi, hãy đóng rồi mở lại ngăn kiểm tra.` : `Excel reported an error (${code ?? 'unknown'}): click "Check again"; if it persists, close and reopen the pane.`;
}
