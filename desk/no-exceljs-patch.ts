/**
 * In place of writers/exceljs-cached-empty.ts in the browser: that patch reaches into ExcelJS's
 * Node sources (its cell reader), which ExcelJS's browser build does not expose. Without it, a
 * copy made in the page may lose a formula's cached "" (Excel computes it again on opening);
 * the check itself never reads through ExcelJS.
 */
export {};
