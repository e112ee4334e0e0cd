import { laiChauMttq as L, socTrangKhoi6 as S } from '../../samples/blocs';
import { setCell } from '../support/grid';
import { runRuleTests } from '../support/rule-tester';

runRuleTests('text/legacy-encoding', {
  valid: [
    { name: 'Unicode text', bloc: S },
    { name: 'Latin-1 Vietnamese words are not legacy (Cà Mau, Bà)', bloc: S, edit: (g) => { setCell(g, 'Thông tin', 'B10', 'Cà Mau'); } },
    { name: 'a trademark sign after capitals is not TCVN3', bloc: S, edit: (g) => { setCell(g, 'Thông tin', 'B14', 'Phần mềm ABC®'); } },
    { name: 'plain ASCII with an en dash', bloc: S, edit: (g) => { setCell(g, 'Thông tin', 'B14', 'Ban Thi dua – Khen thuong'); } },
  ],
  invalid: [
    {
      name: 'TCVN3 (ABC) venue',
      bloc: S,
      edit: (g) => { setCell(g, 'Thông tin', 'B10', 'Héi Cùu chiÕn binh tØnh'); },
      errors: [{
        messageId: 'legacy',
        data: { text: 'Héi Cùu chiÕn binh tØnh', encoding: 'TCVN3 (ABC, phông .VnTime)', unicode: 'Hội Cựu chiến binh tỉnh' },
        sheet: 'Thông tin', cell: 'B10', suggestion: 'Hội Cựu chiến binh tỉnh',
      }],
    },
    {
      name: 'VNI note',
      bloc: S,
      edit: (g) => { setCell(g, 'Thành viên', 'E4', 'Hoäi Noâng daân tænh'); },
      errors: [{ messageId: 'legacy', data: { text: 'Hoäi Noâng daân tænh', encoding: 'VNI (phông VNI-Times)', unicode: 'Hội Nông dân tỉnh' }, sheet: 'Thành viên', cell: 'E4' }],
    },
  ],
});

runRuleTests('text/not-nfc', {
  valid: [
    { name: 'precomposed text', bloc: L },
    { name: 'capitals with tones, precomposed', bloc: L, edit: (g) => { setCell(g, 'Đề nghị khen thưởng', 'D4', 'HOÀN THÀNH XUẤT SẮC NHIỆM VỤ'); } },
  ],
  invalid: [
    {
      name: 'a decomposed achievement text',
      bloc: L,
      edit: (g) => { setCell(g, 'Đề nghị khen thưởng', 'D4', 'Hoàn thành xuất sắc nhiệm vụ'.normalize('NFD')); },
      errors: [{ messageId: 'decomposed', data: { text: 'Hoàn thành xuất sắc nhiệm vụ', nfc: 'Hoàn thành xuất sắc nhiệm vụ' }, sheet: 'Đề nghị khen thưởng', cell: 'D4', suggestion: 'Hoàn thành xuất sắc nhiệm vụ' }],
    },
  ],
});

runRuleTests('text/whitespace', {
  valid: [
    { name: 'tidy text', bloc: L },
    { name: 'a line break inside a cell', bloc: L, edit: (g) => { setCell(g, 'Đề nghị khen thưởng', 'D4', 'Dòng một\nDòng hai'); } },
  ],
  invalid: [
    {
      name: 'a trailing space and a double space',
      bloc: L,
      edit: (g) => { setCell(g, 'Thành viên', 'E5', 'Phó  trưởng khối '); },
      errors: [{ messageId: 'spaces', data: { text: 'Phó ␣trưởng khối␣', tidy: 'Phó trưởng khối' }, sheet: 'Thành viên', cell: 'E5', suggestion: 'Phó trưởng khối' }],
    },
    {
      name: 'a non-breaking space pasted from the web',
      bloc: L,
      edit: (g) => { setCell(g, 'Thông tin', 'B10', 'Hội trường\u00a0tỉnh'); },
      errors: [{ messageId: 'spaces', data: { text: 'Hội trường⍽tỉnh', tidy: 'Hội trường tỉnh' }, suggestion: 'Hội trường tỉnh', cell: 'B10' }],
    },
    {
      name: 'a zero-width space and a leading space',
      bloc: L,
      edit: (g) => { setCell(g, 'Thông tin', 'B10', ' Hội\u200b trường tỉnh'); },
      errors: [{ messageId: 'spaces', data: { text: '␣Hội◌ trường tỉnh', tidy: 'Hội trường tỉnh' }, suggestion: 'Hội trường tỉnh', cell: 'B10' }],
    },
  ],
});
