import { unitKey } from '../../text/abbreviations';
import { defineBatchRule } from '../types';
import { blocIdentity, blocLabel } from './identity';
import { consecutiveYears } from './years';

export default defineBatchRule({
  id: 'batch/rotation-continuity',
  meta: {
    category: 'batch',
    description: {
      vi: 'Sổ năm Y+1 ghi Trưởng khối khác với đơn vị được bầu trong sổ năm Y.',
      en: 'The workbook of year Y+1 names a leader other than the one elected in year Y\'s workbook.',
    },
    messages: {
      broken: {
        vi: '{bloc}: sổ năm {year} bầu "{elected}" làm Trưởng khối năm {next}, nhưng sổ năm {next} ghi Trưởng khối là "{leader}". Hãy kiểm tra một trong hai sổ.',
        en: '{bloc}: the {year} workbook elected "{elected}" to lead in {next}, but the {next} workbook names "{leader}" as leader. Check one of the two.',
      },
    },
  },
  check(ctx) {
    for (const [before, after] of consecutiveYears(ctx.files, blocIdentity)) {
      const elected = before.bloc.nextLeader;
      const leader = after.bloc.leader;
      if (elected === undefined || leader === undefined || unitKey(elected) === unitKey(leader)) continue;
      const year = before.bloc.year!;
      ctx.report({ files: [before.id, after.id], messageId: 'broken', data: { bloc: blocLabel(before.bloc), year, next: year + 1, elected, leader } });
    }
  },
});
