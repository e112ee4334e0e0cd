import { ruleMeta } from '../rules';
import type { FixKind, Lang } from '../rules/types';
import { formatNumberVi } from '../template/values';
import type { MessageData } from './finding';


/** The safe fix a rule's suggestion is (from the rule's `meta.fix`), or undefined. */
export function fixOf(ruleId: string): FixKind | undefined {
  return ruleMeta(ruleId)?.fix;
}

/** A safe fix's suggestion as the value to write: a number for `number` and `recomputed`, else the text. */
export function fixValue(kind: FixKind, suggestion: string): string | number {
  return kind === 'number' || kind === 'recomputed' ? Number(suggestion.replace(/\./g, '').replace(',', '.')) : suggestion;
}

export { ruleMeta };

/** Years, rows and ranks are labels, not quantities: written without a thousands separator. */
const LABEL_KEYS = /year|row|next|ledIn|rank|min|max$/i;

function formatValue(name: string, v: string | number, lang: Lang): string {
  if (typeof v === 'string') return v;
  if (Number.isInteger(v) && LABEL_KEYS.test(name)) return String(v);
  // A number shown as a spreadsheet holds it (no thousands separator): beside the text it was read from, they must look different.
  if (name === 'number') return lang === 'vi' ? String(v).replace('.', ',') : String(v);
  if (lang === 'vi') return formatNumberVi(v, 2);
  return String(Math.round(v * 100) / 100);
}

/** Fill a message's `{placeholders}`; an unknown one is left visible rather than dropped. */
export function fillTemplate(template: string, data: MessageData, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (data[name] !== undefined ? formatValue(name, data[name]!, lang) : whole));
}

/** The text of a finding in a language. */
export function renderMessage(f: { ruleId: string; messageId: string; data: MessageData }, lang: Lang): string {
  const template = ruleMeta(f.ruleId)?.messages[f.messageId]?.[lang];
  if (!template) return `${f.ruleId} ${f.messageId} ${JSON.stringify(f.data)}`;
  return fillTemplate(template, f.data, lang);
}
