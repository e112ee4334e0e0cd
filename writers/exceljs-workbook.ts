/**
 * ExcelJS's Workbook alone (`exceljs/lib/doc/workbook`): the package's front door also loads
 * its streaming reader and writer (unzipper among them), which thidua never uses; measured,
 * that is 80 of the 125 ms ExcelJS takes to load. The office desk puts exceljs-workbook-browser.ts
 * in its place (webpack.desk.config.js): the browser build has no such file.
 */
import type ExcelJS from 'exceljs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const Workbook = require('exceljs/lib/doc/workbook') as typeof ExcelJS.Workbook;
