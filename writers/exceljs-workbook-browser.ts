/**
 * In place of exceljs-workbook.ts in the office desk's bundle (webpack.desk.config.js): that loads
 * ExcelJS's Workbook from its Node sources, which ExcelJS's browser build does not expose; the
 * browser build's front door has the same class.
 */
import ExcelJS from 'exceljs';

export const Workbook = ExcelJS.Workbook;
