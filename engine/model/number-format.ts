/**
 * What a number format code makes of a number, as Excel and LibreOffice show it: a calendar
 * date, a time or duration, a percentage (the value is a fraction shown × 100), or a plain
 * number. One reading for every front end: the workbook reader, the pane and the engine.
 *
 * The code's first section is the one a positive number shows with (ECMA-376 §18.8.31).
 * Quoted text, `\x` escapes, `_x` (a space as wide as x) and `*x` (x repeated) are literal;
 * `[Red]`, `[>100]`, `[$-42A]` and `[DBNum1]` are colours, conditions and locales, while
 * `[h]`, `[mm]` and `[ss]` are elapsed time. `m` is a month unless it follows an hour or comes
 * before seconds (then minutes); `mmm` and longer is always a month. LibreOffice's codes are
 * case-insensitive (`D`, `YY`, `MM`, `NN` for a weekday).
 */
import { memoize } from '../text/normalize';

export type NumberFormatKind = 'date' | 'time' | 'percent' | 'number';

interface Token {
  letter: string;
  length: number;
}

/** Built-in formats (ECMA-376 §18.8.30) by id: the ones that are not plain numbers. */
const BUILTIN: Record<number, NumberFormatKind> = {
  9: 'percent', 10: 'percent',
  14: 'date', 15: 'date', 16: 'date', 17: 'date', 22: 'date',
  18: 'time', 19: 'time', 20: 'time', 21: 'time', 45: 'time', 46: 'time', 47: 'time',
  // East Asian locales' built-in dates (27–31, 36, 50–58) and times (32–35).
  27: 'date', 28: 'date', 29: 'date', 30: 'date', 31: 'date', 36: 'date',
  32: 'time', 33: 'time', 34: 'time', 35: 'time',
  50: 'date', 51: 'date', 52: 'date', 53: 'date', 54: 'date', 55: 'date', 56: 'date', 57: 'date', 58: 'date',
};

/** What a built-in number format id shows (a workbook need not write built-in codes out). */
export function builtinFormatKind(id: number): NumberFormatKind {
  return BUILTIN[id] ?? 'number';
}

/** The first section of a format code, split at a `;` that is not quoted or escaped. */
function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\\' || c === '_' || c === '*')) i++;
    else if (!quoted && c === ';') return code.slice(0, i);
  }
  return code;
}

/** What a format code shows, kept by code: every workbook from one template repeats the same few. */
export const numberFormatKind = memoize(formatKind, 10_000);

function formatKind(code: string): NumberFormatKind {
  const section = firstSection(code);
  if (/^\s*(general|standard)\s*$/i.test(section)) return 'number';
  const tokens: Token[] = [];
  let percent = false;
  let elapsed = false;
  let i = 0;
  while (i < section.length) {
    const c = section[i]!;
    if (c === '"') {
      const close = section.indexOf('"', i + 1);
      i = close < 0 ? section.length : close + 1;
      continue;
    }
    if (c === '\\' || c === '_' || c === '*') {
      i += 2;
      continue;
    }
    if (c === '[') {
      const close = section.indexOf(']', i + 1);
      const inner = section.slice(i + 1, close < 0 ? section.length : close);
      if (/^(h+|m+|s+)$/i.test(inner)) {
        elapsed = true;
        tokens.push({ letter: inner[0]!.toLowerCase(), length: inner.length });
      }
      i = close < 0 ? section.length : close + 1;
      continue;
    }
    if (c === '%') percent = true;
    // AM/PM and A/P mark a time of day, and are no month or second.
    if (/^(am\/pm|a\/p)/i.test(section.slice(i, i + 5))) {
      tokens.push({ letter: 'h', length: 0 });
      i += section[i + 1] === '/' ? 3 : 5;
      continue;
    }
    const lower = c.toLowerCase();
    if ('ydmhsn'.includes(lower) || (lower === 'e' && !/[+-]/.test(section[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < section.length && section[j]!.toLowerCase() === lower) j++;
      // `E+00` is scientific notation, not an era year.
      tokens.push({ letter: lower === 'n' ? 'd' : lower, length: j - i });
      i = j;
      continue;
    }
    i++;
  }
  let date = false;
  let time = elapsed;
  tokens.forEach((t, k) => {
    if (t.letter === 'y' || t.letter === 'd' || t.letter === 'e') date = true;
    else if (t.letter === 'h' || t.letter === 's') time = true;
    else if (t.letter === 'm') {
      const minutes = t.length <= 2 && (tokens[k - 1]?.letter === 'h' || tokens[k + 1]?.letter === 's');
      if (minutes) time = true;
      else date = true;
    }
  });
  if (date && !elapsed) return 'date';
  if (time) return 'time';
  return percent ? 'percent' : 'number';
}

/** Whether a format code shows a calendar date. */
export function isDateFormatCode(code: string): boolean {
  return numberFormatKind(code) === 'date';
}

/** Whether a format code shows a fraction as a percentage (`0.00%`; not `0"%"` or `0\%`). */
export function isPercentFormatCode(code: string): boolean {
  return numberFormatKind(code) === 'percent';
}
