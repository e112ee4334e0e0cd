/**
 * The writers' door: every workbook thidua writes, and the only place ExcelJS is imported. The
 * annotated copy of a received workbook (annotate-copy.ts, annotate.ts), the office's summary
 * (summary.ts) and the template (template.ts). Loaded only when a writer is asked for: ExcelJS
 * takes longer to load than a whole check.
 */
export { annotateBuffer } from './annotate-copy';
export { summaryWorkbook } from './summary';
export { templateWorkbook } from './template';
export { workbookBytes } from './exceljs';
