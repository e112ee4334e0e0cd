/**
 * The reader's door: what the pool, the writers, the report formats, the command and the desk
 * take from it. The reader turns a received file's bytes into the template's sheets (zip, XML
 * 1.0, OPC relationships, workbook and worksheet parts, intake and its limits) and checks them
 * with the engine; it re-spells a package for ExcelJS (copy-package.ts) and writes zips. It runs
 * in Node and in the browser: nothing of Node but `zlib`, which the desk's build replaces with
 * pako (desk/zlib.ts), and nothing of ExcelJS. Tests and scripts reach its files by path.
 */
export { checkBuffer, checkRead, type FileOutcome, type FileTask, readBuffer } from './check';
export { canonicalPackage, excelJsReady, signNotes, workbookWhereExcelJsLooks } from './copy-package';
export { checkAllParts, DEFAULT_LIMITS, type Limits } from './intake';
export { baseName, passedOver, passedOverLine, uniqueNames } from './names';
export { makeZip, unzip } from './zip-writer';
