/** Names of the files thidua writes, one per received file: pure, for the command and the office desk page. */
import { UNSAFE_CHARS, type Lang } from '../engine';

/** The file's name without its folders, whichever separator a system used. */
export const baseName = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/**
 * A file name made safe to write: no path separator or `..` to climb out of the folder, no
 * control character or bidirectional mark to disguise it, no leading dash or dot (an option
 * or a hidden file), and not too long for the file system.
 */
export function safeFileStem(name: string): string {
  const stem = name
    .replace(UNSAFE_CHARS, '_')
    .replace(/[\t\n\u061c\u200b-\u200f\ufeff]/g, '_')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/^[-.\s]+/, '_')
    .replace(/[.\s]+$/, '');
  return (stem === '' ? 'so' : stem).slice(0, 150);
}

/** `<name><suffix>` for each received file, never two alike (ignoring case), never a path. */
export function uniqueNames(files: readonly string[], suffix: string): string[] {
  const used = new Set<string>();
  return files.map((f) => {
    const stem = safeFileStem(baseName(f).replace(/\.(xlsx|xlsm)$/i, ''));
    let name = `${stem}${suffix}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}${suffix}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Excel's lock files (`~$…`), hidden files and the files Windows and macOS leave beside others: no submission. */
export function passedOver(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.') || /^(thumbs\.db|desktop\.ini|ehthumbs\.db)$/i.test(name);
}

/** What the command and the desk page say of the files passed over: `Đã bỏ qua 2 tệp khoá của Excel (~$…) và tệp ẩn.` */
export function passedOverLine(n: number, lang: Lang): string {
  return lang === 'vi' ? `Đã bỏ qua ${n} tệp khoá của Excel (~$…) và tệp ẩn.` : `Passed over ${n} file${n === 1 ? '' : 's'}: Excel lock files (~$…) and hidden files.`;
}
