/**
 * The pane's DOM. Everything from the workbook is set with textContent: no HTML is ever
 * built from workbook text. Keyboard: every finding is a button; Enter selects its cell.
 */
import { type FindingJson, WORDS } from '../../engine';
import type { PaneController } from './controller';
import { CONFIRM_CLEAR_MARKS, CONFIRM_HIGHLIGHT, fixKey, type PaneState } from './state';

const T = {
  vi: {
    title: 'Kiểm tra thi đua', recheck: 'Kiểm tra lại', checking: 'Đang kiểm tra…',
    none: 'Không có phát hiện nào.', highlight: 'Tô màu ô có lỗi', fix: 'Sửa theo gợi ý', profile: 'Bộ quy tắc', auto: 'Tự động (theo sổ)',
    workbook: 'Cả sổ', filter: 'Hiện', lang: 'English', suggestion: 'Gợi ý', failed: 'Không đọc được sổ',
    template: 'Tạo mẫu', added: 'Đã thêm các trang', nothingAdded: 'Sổ đã có đủ các trang của biểu mẫu.',
    criteria: 'Tiêu chí chấm điểm của mẫu', criteriaHint: 'Mỗi dòng một tiêu chí: tên tiêu chí: điểm tối đa. Để trống: theo bộ quy tắc, hoặc 3 tiêu chí để đổi tên.',
    criteriaExample: 'Công tác tuyên truyền: 200\nNhiệm vụ chuyên môn: 500', criteriaError: 'Tiêu chí chưa đúng', 
    templateFailed: (sheet: string, reason: string) => `Không tạo được trang "${sheet}" (Excel báo: ${reason}). Các trang khác đã thêm vẫn giữ nguyên; hãy thử lại "Tạo mẫu" sau khi lưu sổ.`,
    formula: 'Ô này là công thức: thidua không ghi đè công thức. Hãy sửa số liệu mà công thức dùng, hoặc sửa công thức.',
    retry: (attempt: number, s: number) => `Lần kiểm tra thứ ${attempt} chưa xong; tự thử lại sau ${s} giây. Các ô bạn đã sửa không bị bỏ qua.`,
    notListening: (reason: string) => `Phần bổ trợ không theo dõi được các ô bạn gõ (${reason}). Sau khi sửa, hãy bấm "Kiểm tra lại".`,
    gone: 'Trang của ô này không còn: hãy bấm "Kiểm tra lại".',
    undo: 'Phiên bản Excel này xoá lịch sử Hoàn tác (Ctrl+Z) mỗi khi phần bổ trợ sửa một ô: sau khi sửa, không hoàn tác được các thao tác trước đó. Vẫn sửa?',
    confirm: 'Vẫn sửa', confirmHighlight: 'Vẫn tô', confirmClear: 'Vẫn xoá', cancel: 'Thôi',
    manual: 'Excel đang tính toán thủ công (Manual): Tổng điểm, Tỷ lệ và các công thức khác có thể chưa cập nhật, nên kết quả kiểm tra có thể sai ở đó.',
    recalculate: 'Tính lại và kiểm tra',
    protected: 'Trang này đang được bảo vệ: thidua không sửa ô ở đây. Hãy tự sửa, hoặc bỏ bảo vệ trang (Review → Unprotect Sheet).',
    protectedSheets: (names: string) => `Trang được bảo vệ: ${names}. Phần bổ trợ không tô màu và không sửa ô trên các trang này; các phát hiện vẫn được liệt kê.`,
    saved: 'Màu tô được lưu cùng sổ: sổ lưu khi đang tô sẽ đến nơi nhận với màu của các phát hiện lúc lưu. Bỏ chọn trước khi lưu nếu không muốn gửi kèm màu.',
    undoHighlight: 'Phiên bản Excel này xoá lịch sử Hoàn tác (Ctrl+Z) mỗi khi phần bổ trợ tô hoặc bỏ tô màu: sau đó không hoàn tác được các thao tác trước. Vẫn tô?',
    undoClear: 'Phiên bản Excel này xoá lịch sử Hoàn tác (Ctrl+Z) khi phần bổ trợ xoá màu: sau đó không hoàn tác được các thao tác trước. Vẫn xoá?',
    stalled: 'Excel chưa trả lời (thường do đang gõ trong một ô): hãy nhấn Enter hoặc Esc. Các ô bạn đã sửa sẽ được kiểm tra ngay khi Excel trả lời.',
    oldMarks: (n: number) => `Sổ còn ${n} ô tô màu từ lần kiểm tra trước (màu có thể không còn đúng).`,
    clearOld: 'Xoá màu cũ',
    foreignMarks: (n: number) => `${n} ô được tô bởi ngăn kiểm tra của người khác cùng soạn sổ: thidua không tự xoá màu của người khác.`,
    clearForeign: 'Xoá cả màu đó',
  },
  en: {
    title: 'Emulation check', recheck: 'Check again', checking: 'Checking…',
    none: 'No findings.', highlight: 'Highlight faulty cells', fix: 'Apply suggestion', profile: 'Profile', auto: 'Automatic (from the workbook)',
    workbook: 'Workbook', filter: 'Show', lang: 'Tiếng Việt', suggestion: 'Suggestion', failed: 'Could not read the workbook',
    template: 'Create template', added: 'Sheets added', nothingAdded: 'The workbook has every sheet of the template.',
    criteria: 'The template\'s scoring criteria', criteriaHint: 'One criterion a line: name: maximum points. Blank: the profile\'s, or 3 criteria to rename.',
    criteriaExample: 'Propaganda: 200\nCore tasks: 500', criteriaError: 'The criteria are not right', 
    templateFailed: (sheet: string, reason: string) => `Could not create the sheet "${sheet}" (Excel says: ${reason}). The sheets already added stay; try "Create template" again after saving.`,
    formula: 'This cell holds a formula: thidua never overwrites a formula. Correct the figures it uses, or the formula.',
    retry: (attempt: number, s: number) => `Check ${attempt} did not finish; trying again in ${s} s. Your edits are not skipped.`,
    notListening: (reason: string) => `The add-in cannot follow what you type (${reason}). After editing, click "Check again".`,
    gone: 'The sheet of this cell is gone: click "Check again".',
    undo: 'This Excel clears its Undo history (Ctrl+Z) whenever the add-in changes a cell: after this fix, your earlier steps cannot be undone. Apply it anyway?',
    confirm: 'Apply anyway', confirmHighlight: 'Highlight anyway', confirmClear: 'Remove anyway', cancel: 'Cancel',
    manual: 'Excel is in manual calculation: Tổng điểm, Tỷ lệ and other formulas may be out of date, so the findings on them may be wrong.',
    recalculate: 'Calculate and check',
    protected: 'This sheet is protected: thidua does not change its cells. Correct it yourself, or unprotect the sheet (Review → Unprotect Sheet).',
    protectedSheets: (names: string) => `Protected sheets: ${names}. The add-in neither highlights nor fixes cells there; their findings are still listed.`,
    saved: 'Highlights are saved with the workbook: a workbook saved while highlighting reaches its recipient coloured as its findings were then. Untick before saving to send it without colours.',
    undoHighlight: 'This Excel clears its Undo history (Ctrl+Z) whenever the add-in colours or uncolours cells: your earlier steps cannot be undone afterwards. Highlight anyway?',
    undoClear: 'This Excel clears its Undo history (Ctrl+Z) when the add-in removes colours: your earlier steps cannot be undone afterwards. Remove anyway?',
    stalled: 'Excel has not answered (usually because a cell is being typed in): press Enter or Esc. Your edits are checked as soon as Excel answers.',
    oldMarks: (n: number) => `${n} cells are still coloured by an earlier check (the colours may be out of date).`,
    clearOld: 'Remove old colours',
    foreignMarks: (n: number) => `${n} cells are coloured by a co-author's pane: thidua does not remove another user's colours by itself.`,
    clearForeign: 'Remove those too',
  },
} as const;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export class PaneView {
  private readonly shown = { error: true, warning: true, info: true };

  constructor(
    private readonly root: HTMLElement,
    private readonly controller: PaneController,
    private readonly profiles: { id: string; name: string }[],
  ) {}

  render(state: PaneState): void {
    const t = T[this.controller.lang];
    this.root.replaceChildren();
    document.documentElement.lang = this.controller.lang;
    const header = el('header');
    header.append(el('h1', {}, t.title));
    const recheck = el('button', { type: 'button', id: 'recheck' }, t.recheck);
    recheck.addEventListener('click', () => void this.controller.recheckAll());
    const lang = el('button', { type: 'button', id: 'lang', 'aria-label': t.lang }, t.lang);
    lang.addEventListener('click', () => this.controller.setLang(this.controller.lang === 'vi' ? 'en' : 'vi'));
    const template = el('button', { type: 'button', id: 'template' }, t.template);
    template.addEventListener('click', () => void this.controller.createTemplate());
    header.append(recheck, template, lang);
    this.root.append(header);

    const tools = el('div', { class: 'tools' });
    const profileLabel = el('label', { for: 'profile' }, `${t.profile}: `);
    const select = el('select', { id: 'profile' });
    select.append(el('option', { value: '' }, t.auto), ...this.profiles.map((p) => el('option', { value: p.id }, p.name)));
    select.addEventListener('change', () => void this.controller.setProfile(select.value || undefined));
    const hl = el('input', { type: 'checkbox', id: 'highlight' });
    hl.checked = this.controller.highlighted;
    hl.addEventListener('change', () => void this.controller.setHighlight(hl.checked));
    tools.append(profileLabel, select, el('label', { for: 'highlight' }, ` ${t.highlight} `), hl);
    this.root.append(tools);
    if (this.controller.highlighted) this.root.append(el('p', { class: 'hint', id: 'marks-saved' }, t.saved));
    if (state.confirmUndo === CONFIRM_HIGHLIGHT) this.root.append(this.ask(t.undoHighlight, t.confirmHighlight));
    const marksNote = (id: string, text: string, button: string, others: boolean) => {
      const p = el('p', { class: 'note', id }, `${text} `);
      const b = el('button', { type: 'button', id: `${id}-clear` }, button);
      b.addEventListener('click', () => void this.controller.clearMarks(others));
      p.append(b);
      this.root.append(p);
    };
    if (state.oldMarks) marksNote('old-marks', t.oldMarks(state.oldMarks), t.clearOld, false);
    if (state.foreignMarks) marksNote('foreign-marks', t.foreignMarks(state.foreignMarks), t.clearForeign, true);
    if (state.confirmUndo === CONFIRM_CLEAR_MARKS) this.root.append(this.ask(t.undoClear, t.confirmClear));

    // The criteria "Tạo mẫu" gives `Chấm điểm` (open when typed in, or wrong).
    const criteria = el('details', { id: 'template-criteria' });
    if (state.criteria.trim() !== '' || state.criteriaError) criteria.open = true;
    const box = el('textarea', { id: 'criteria', rows: '4', placeholder: t.criteriaExample, 'aria-describedby': 'criteria-hint' });
    box.value = state.criteria;
    box.addEventListener('input', () => this.controller.setCriteria(box.value));
    criteria.append(el('summary', {}, t.criteria), el('p', { id: 'criteria-hint', class: 'hint' }, t.criteriaHint), box);
    if (state.criteriaError) criteria.append(el('p', { class: 'failed', role: 'alert' }, `${t.criteriaError}: ${state.criteriaError[this.controller.lang]}`));
    this.root.append(criteria);

    const counts = el('p', { class: 'counts', role: 'status', 'aria-live': 'polite' });
    for (const sev of ['error', 'warning', 'info'] as const) {
      const box = el('input', { type: 'checkbox', id: `show-${sev}`, 'aria-label': `${t.filter} ${WORDS[this.controller.lang].severityCounted[sev]}` });
      box.checked = this.shown[sev];
      box.addEventListener('change', () => {
        this.shown[sev] = box.checked;
        this.render(this.controller.state);
      });
      counts.append(box, el('span', { class: `count ${sev}`, 'data-count': sev }, `${state.counts[sev]} ${WORDS[this.controller.lang].severityCounted[sev]}`), document.createTextNode(' '));
    }
    this.root.append(counts);
    if (state.checking) this.root.append(el('p', { class: 'checking' }, t.checking));
    if (state.error) this.root.append(el('p', { class: 'failed', role: 'alert' }, `${t.failed}: ${state.error}`));
    if (state.manualCalculation) {
      const manual = el('p', { class: 'note manual', id: 'manual-calculation', role: 'status' }, `${t.manual} `);
      const button = el('button', { type: 'button', id: 'recalculate' }, t.recalculate);
      button.addEventListener('click', () => void this.controller.recalculate());
      manual.append(button);
      this.root.append(manual);
    }
    if (state.protectedSheets && state.protectedSheets.length > 0) this.root.append(el('p', { class: 'note', id: 'protected-sheets' }, t.protectedSheets(state.protectedSheets.join(', '))));
    if (state.stalled) this.root.append(el('p', { class: 'retry', id: 'stalled', role: 'status' }, t.stalled));
    if (state.retry) this.root.append(el('p', { class: 'retry', role: 'status' }, t.retry(state.retry.attempt, Math.round(state.retry.inMs / 1000))));
    if (state.notListening) this.root.append(el('p', { class: 'failed', id: 'not-listening', role: 'alert' }, t.notListening(state.notListening)));
    if (state.added) this.root.append(el('p', { class: 'added', role: 'status' }, state.added.length > 0 ? `${t.added}: ${state.added.join(', ')}` : t.nothingAdded));
    if (state.templateFailed) this.root.append(el('p', { class: 'failed', role: 'alert' }, t.templateFailed(state.templateFailed.sheet, state.templateFailed.reason)));

    const visible = state.findings.filter((f) => this.shown[f.severity]);
    if (visible.length === 0 && !state.checking) this.root.append(el('p', { class: 'none' }, t.none));
    const bySheet = new Map<string, FindingJson[]>();
    for (const f of visible) bySheet.set(f.sheet ?? t.workbook, [...(bySheet.get(f.sheet ?? t.workbook) ?? []), f]);
    for (const [sheet, list] of bySheet) {
      const section = el('section');
      section.append(el('h2', {}, sheet));
      const ul = el('ul');
      for (const f of list) ul.append(this.item(f));
      section.append(ul);
      this.root.append(section);
    }
  }

  /** A question before a write that clears Excel's undo history: yes does it, no leaves all as it is. */
  private ask(question: string, yesText?: string): HTMLParagraphElement {
    const t = T[this.controller.lang];
    const ask = el('p', { class: 'confirm', role: 'alert' }, `${question} `);
    const yes = el('button', { type: 'button', class: 'confirm-fix' }, yesText ?? t.confirm);
    yes.addEventListener('click', () => void this.controller.confirm());
    const no = el('button', { type: 'button', class: 'cancel-fix' }, t.cancel);
    no.addEventListener('click', () => this.controller.cancel());
    ask.append(yes, document.createTextNode(' '), no);
    return ask;
  }

  private item(f: FindingJson): HTMLLIElement {
    const t = T[this.controller.lang];
    const li = el('li', { class: `finding ${f.severity}`, 'data-rule': f.ruleId });
    const go = el('button', { type: 'button', class: 'go', 'data-cell': f.cell ?? '' });
    go.append(el('span', { class: 'place' }, f.cell ?? (f.row !== undefined ? `${f.row}:${f.row}` : '')), el('span', { class: 'message' }, f.message));
    go.addEventListener('click', () => void this.controller.select(f));
    li.append(go);
    if (f.suggestion !== undefined) li.append(el('p', { class: 'suggestion' }, `${t.suggestion}: ${f.suggestion}`));
    if (f.basis !== undefined) li.append(el('p', { class: 'basis' }, f.basis));
    const refused = this.controller.state.refused[fixKey(f)] ?? (f.suggestion !== undefined && this.controller.isFormula(f) ? 'formula' : f.suggestion !== undefined && this.controller.isProtected(f) ? 'protected' : undefined);
    if (refused) li.append(el('p', { class: 'refused' }, t[refused]));
    else if (this.controller.state.confirmUndo === fixKey(f)) li.append(this.ask(t.undo));
    else if (this.controller.canFix(f)) {
      const fix = el('button', { type: 'button', class: 'fix' }, t.fix);
      fix.addEventListener('click', () => void this.controller.fix(f));
      li.append(fix);
    }
    return li;
  }
}
