/** The rule tester refuses tables that would check less than they seem to (as ESLint's RuleTester does). */
import { RULES } from '../../engine/rules';
import { caseContent, checkTable } from '../support/rule-tester';

const meta = RULES.find((r) => r.id === 'votes/quorum')!.meta;
/** A correct workbook, and a near miss at the rule's boundary. */
const valid = [{ name: 'a', bloc: { year: 2023 } }, { name: 'a2', bloc: { year: 2023 }, edit: () => 2 }];
const editsAlike: { name: string }[] = [{ name: 'x', edit: () => 1 }, { name: 'y', edit: () => 1 }] as { name: string; edit: () => number }[];
const only = [{ name: 'a', bloc: { year: 2023 } }];
const namedApart = [{ name: 'm1', bloc: { members: [{ name: 'Hội A' }] } }, { name: 'm2', bloc: { members: [{ name: 'Hội B' }] } }];
const invalid = (errors: object[], name = 'b') => [{ name, bloc: { year: 2024 }, errors }];

test('a sound table passes', () => {
  expect(() => checkTable('votes/quorum', meta, valid, invalid([{ messageId: 'below', cell: 'B3' }]), caseContent)).not.toThrow();
});

test.each([
  ['an unknown rule', () => checkTable('votes/quorom', undefined, valid, invalid([{ messageId: 'below' }]), caseContent), /no such rule/],
  ['a messageId the rule does not have', () => checkTable('votes/quorum', meta, valid, invalid([{ messageId: 'belowTypo' }]), caseContent), /messageId "belowTypo", which the rule does not have \(below\)/],
  ['an expectation field present but undefined', () => checkTable('votes/quorum', meta, valid, invalid([{ messageId: 'below', suggestion: undefined }]), caseContent), /suggestion: undefined/],
  ['two cases of one name', () => checkTable('votes/quorum', meta, valid, invalid([{ messageId: 'below' }], 'a'), caseContent), /two cases named "a"/],
  ['two cases of one content', () => checkTable('votes/quorum', meta, [...valid, { name: 'c', bloc: { year: 2023 } }], invalid([{ messageId: 'below' }]), caseContent), /case "c" repeats another case/],
  ['edits that differ only in name', () => checkTable('votes/quorum', meta, editsAlike, invalid([{ messageId: 'below' }]), caseContent), /repeats another case/],
  ['no valid case', () => checkTable('votes/quorum', meta, [], invalid([{ messageId: 'below' }]), caseContent), /at least one valid and one invalid/],
  ['no invalid case', () => checkTable('votes/quorum', meta, valid, [], caseContent), /at least one valid and one invalid/],
  ['only a correct workbook for valid, no near miss', () => checkTable('votes/quorum', meta, only, invalid([{ messageId: 'below' }]), caseContent), /a valid case at the rule's boundary/],
  ['two cases alike but for a member\'s name are two cases', () => {
    checkTable('votes/quorum', meta, namedApart, invalid([{ messageId: 'below' }]), caseContent);
    throw new Error('accepted');
  }, /^accepted$/],
  ['an invalid case expecting nothing', () => checkTable('votes/quorum', meta, valid, invalid([]), caseContent), /expects no finding/],
])('refused: %s', (_name, run, message) => {
  expect(run).toThrow(message);
});
