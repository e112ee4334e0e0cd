import { defineRule } from '../types';

export default defineRule({
  id: 'awards/excellent-share',
  meta: {
    category: 'awards',
    figure: 'excellentShare',
    description: {
      vi: 'Số đơn vị xếp loại HTXSNV vượt 20 % số đơn vị xếp loại HTTNV trở lên (từ năm 2025).',
      en: 'HTXSNV ratings exceed 20 % of the members rated HTTNV or better (from 2025).',
    },
    sheets: ['members'],
    messages: {
      over: {
        vi: '{excellent} đơn vị xếp loại Hoàn thành xuất sắc nhiệm vụ, vượt {max} % của {good} đơn vị xếp loại Hoàn thành tốt nhiệm vụ trở lên (tối đa {allowed}). Hãy rà soát lại xếp loại.',
        en: '{excellent} units are rated HTXSNV, over {max} % of the {good} units rated HTTNV or better (at most {allowed}). Review the ratings.',
      },
    },
  },
  check(ctx) {
    const { max, fromYear, basis } = ctx.settings.excellentShare;
    const year = ctx.model.info.year.value;
    if (year === undefined || year < fromYear) return;
    const ratings = ctx.model.members.map((m) => m.rating?.value);
    const excellent = ratings.filter((r) => r === 'HTXSNV').length;
    const good = ratings.filter((r) => r === 'HTXSNV' || r === 'HTTNV').length;
    const allowed = Math.floor(max * good + 1e-9);
    if (good === 0 || excellent <= allowed) return;
    const sheet = ctx.model.sheets.members?.view.name;
    ctx.report({ ...(sheet ? { at: { sheet } } : {}), messageId: 'over', data: { excellent, good, max: Math.round(max * 100), allowed }, basis });
  },
});
