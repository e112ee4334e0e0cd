import { defineRule } from '../types';
import { forEachText } from './scan';

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const ODD_SPACE = /[\u00a0\u202f\u2007\u3000\t]/g;

/** Anything tidySpaces would change (a test, cheaper than the replacements on tidy text). */
const UNTIDY = /[\u200b-\u200d\u2060\ufeff\u00a0\u202f\u2007\u3000\t]| {2}|^\s|\s$|\s\n|\n\s/;

/** The text with spaces tidied; line breaks inside a cell (Alt+Enter) are kept. */
export function tidySpaces(text: string): string {
  if (!UNTIDY.test(text)) return text;
  return text
    .replace(INVISIBLE, '')
    .replace(ODD_SPACE, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .trim();
}

/**
 * The text with what is wrong made visible, so that "before" and "after" never look alike:
 * an extra space as `␣`, a non-breaking or other odd space as `⍽`, a tab as `⇥`, an invisible
 * character as `◌`.
 */
export function visibleSpaces(text: string): string {
  return text
    .replace(INVISIBLE, '◌')
    .replace(/\t/g, '⇥')
    .replace(ODD_SPACE, '⍽')
    .split('\n')
    .map((line) => line.replace(/^ +| +$/g, (m) => '␣'.repeat(m.length)).replace(/ {2,}/g, (m) => ` ${'␣'.repeat(m.length - 1)}`))
    .join('\n');
}

export default defineRule({
  id: 'text/whitespace',
  meta: {
    category: 'text',
    fix: 'spaces',
    description: {
      vi: 'Dấu cách thừa ở đầu, cuối, hai dấu cách liền nhau, dấu cách không ngắt hoặc ký tự vô hình.',
      en: 'Leading, trailing or doubled spaces, non-breaking or zero-width characters.',
    },
    messages: {
      spaces: {
        vi: 'Ô "{text}" có dấu cách thừa hoặc ký tự vô hình (đánh dấu: ␣ dấu cách thừa, ⍽ dấu cách không ngắt, ◌ ký tự vô hình). Nên sửa thành "{tidy}".',
        en: 'The cell "{text}" has extra spaces or invisible characters (marked: ␣ an extra space, ⍽ a non-breaking space, ◌ an invisible character). Better: "{tidy}".',
      },
    },
  },
  check(ctx) {
    forEachText(ctx, (text, sheet, row, col) => {
      const tidy = tidySpaces(text);
      if (tidy !== text && tidy !== '') ctx.report({ at: { sheet, row, col }, messageId: 'spaces', data: { text: visibleSpaces(text), tidy }, suggestion: tidy });
    });
  },
});
