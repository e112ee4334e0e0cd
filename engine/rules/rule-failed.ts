import type { Finding } from '../report/finding';
import type { RuleMeta } from './types';

/** Not a check: what the engine reports when a rule throws, so one broken rule never stops the others. */
export const RULE_FAILED_ID = 'engine/rule-failed';

export const RULE_FAILED_META: RuleMeta = {
  category: 'engine',
  description: { vi: 'Một quy tắc gặp lỗi khi kiểm tra sổ này.', en: 'A rule failed while checking this workbook.' },
  messages: {
    failed: {
      vi: 'Quy tắc {rule} gặp lỗi khi kiểm tra sổ này ({error}), nên phần này chưa được kiểm tra. Hãy báo cho bộ phận hỗ trợ kèm tệp.',
      en: 'Rule {rule} failed on this workbook ({error}), so this part is unchecked. Report it to support with the file.',
    },
  },
};

/** The finding a rule that failed leaves (its options refused, or it threw): the one way it is built. */
export function ruleFailed(rule: string, error: unknown): Finding & { ruleId: typeof RULE_FAILED_ID; messageId: 'failed' } {
  return { ruleId: RULE_FAILED_ID, severity: 'error', messageId: 'failed', data: { rule, error: error instanceof Error ? error.message : String(error) } };
}
