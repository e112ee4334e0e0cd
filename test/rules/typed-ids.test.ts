/**
 * A misspelt messageId fails the compiler, through the helpers as in `ctx.report` (ts-jest
 * compiles this file: an `@ts-expect-error` that finds no error is itself an error).
 */
import { reportIssues } from '../../engine/rules/helpers';
import { defineRule } from '../../engine/rules/types';
import { type ColumnSpec, INFO_SHEET } from '../../engine/template/spec';

const checked: string[] = [];

const rule = defineRule({
  id: 'cell/typed-ids-probe',
  meta: {
    category: 'cell',
    description: { vi: 'Thử', en: 'Probe' },
    messages: { blank: { vi: 'Chưa ghi "{field}".', en: '"{field}" is blank.' } },
  },
  check(ctx) {
    reportIssues(ctx, ['required'], (i) => ({ messageId: 'blank', data: { field: i.field } }));
    // @ts-expect-error a messageId the rule does not have
    reportIssues(ctx, ['required'], (i) => ({ messageId: 'blnak', data: { field: i.field } }));
    // @ts-expect-error the data its placeholders need, missing
    reportIssues(ctx, ['required'], () => ({ messageId: 'blank', data: {} }));
    // @ts-expect-error the same through ctx.report
    ctx.report({ messageId: 'blnak', data: { field: 'x' } });
    checked.push('compiled');
  },
});

test('messageIds and their data are checked by the compiler through reportIssues and ctx.report', () => {
  expect(rule.id).toBe('cell/typed-ids-probe');
  expect(Object.keys(rule.meta.messages)).toEqual(['blank']);
});

test('a column\'s field is a known key: a misspelt one fails the compiler', () => {
  const leader = (c: ColumnSpec) => c.key === 'leader';
  // @ts-expect-error 'leadr' is no field of the template
  const misspelt = (c: ColumnSpec) => c.key === 'leadr';
  expect(INFO_SHEET.labels.filter(leader).map((c) => c.header)).toEqual(['Trưởng khối']);
  expect(INFO_SHEET.labels.filter(misspelt)).toEqual([]);
});
