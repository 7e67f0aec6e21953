'use strict';
const { el, show } = Consult;
const STAGE_COLORS = { REJECTED: '#999', CLOSED: '#2e7d32' };

function table(head, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, head.map(h => el('th', { class: h.num ? 'num' : null }, h.label || h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map((c, i) => el('td', { class: head[i].num ? 'num' : null }, c))))));
}

function render(s) {
  const held = s.byStage.filter(c => ['MINUTES', 'TRANSFER', 'CLOSED'].includes(c.key)).reduce((a, c) => a + c.count, 0);
  const sat = s.satisfaction;
  show('#figures',
    el('section', {}, el('h2', {}, `${s.area} ${s.year}年度协商概况`),
      el('div', { class: 'grid' },
        el('div', {}, el('div', { class: 'figure' }, s.consultations), '项协商（本年度发起）'),
        el('div', {}, el('div', { class: 'figure' }, held), '项已召开协商会议或完成协商'),
        el('div', {}, el('div', { class: 'figure' }, Charts.percent(s.feedback.rate)), `反馈率（${s.feedback.given}/${s.feedback.items}项）`),
        el('div', {}, el('div', { class: 'figure' }, Charts.percent(sat.rate)), `满意率（满意和基本满意，共${sat.total}条评价）`))),
    el('div', { class: 'grid' },
      el('section', {}, el('h2', {}, '按阶段'), Charts.bars(s.byStage.map(c => ({ label: c.label, value: c.count,
        color: STAGE_COLORS[c.key] })), { title: '按阶段' })),
      el('section', {}, el('h2', {}, '按地点'), Charts.bars(s.byPlace.map(c => ({ label: c.label, value: c.count })),
        { title: '按地点' }))),
    el('div', { class: 'grid' },
      el('section', {}, el('h2', {}, '按协商形式'), Charts.donut(s.byForm.map((c, i) => ({ label: c.label, value: c.count,
        color: ['#5b7fb5', '#d08a2c', '#3d9970', '#bbb'][i] })), { title: '按协商形式', centre: s.consultations })),
      el('section', {}, el('h2', {}, '按层级'), table(['层级', { label: '协商数', num: true }],
        s.byLevel.map(c => [c.label, c.count])))),
    el('section', {}, el('h2', {}, '各阶段按时完成率'),
      el('p', { class: 'muted' }, '按时完成率 = 在时限内完成的阶段 ÷（已完成的阶段 + 已超时限仍未完成的阶段）'),
      table(['阶段', { label: '已完成', num: true }, { label: '其中按时', num: true }, { label: '超时未完成', num: true },
        { label: '按时完成率', num: true }],
        s.onTime.map(o => [o.label, o.left, o.leftOnTime, o.runningLate, Charts.percent(o.rate)]))),
    el('section', {}, el('h2', {}, '成果转化事项（按机制和办理状态）'),
      table(['机制', { label: '事项', num: true }, { label: '未启动', num: true }, { label: '办理中', num: true },
        { label: '已办结', num: true }, { label: '已逾期', num: true }],
        s.transfers.map(m => [m.label, m.items, m.notStarted, m.inProgress, m.done, m.overdue]))),
    el('div', { class: 'grid' },
      el('section', {}, el('h2', {}, '反馈'), table(['', { label: '数量', num: true }], [
        ['选择反馈机制的成果事项', s.feedback.items], ['已向委员和群众反馈', s.feedback.given],
        ['有反馈的协商', s.feedback.consultations], ['反馈率', Charts.percent(s.feedback.rate)]])),
      el('section', {}, el('h2', {}, '满意度'), Charts.donut([
        { label: '满意', value: sat.satisfied, color: '#2e7d32' },
        { label: '基本满意', value: sat.basicallySatisfied, color: '#9ccc65' },
        { label: '不满意', value: sat.dissatisfied, color: '#b5152b' }], { title: '满意度', centre: Charts.percent(sat.rate) }))),
    el('section', {}, el('h2', {}, `协商平台“六个有”（${s.year}年度评定）`),
      Charts.bars(s.sixHaves.map(c => ({ label: c.label, value: c.count, note: `${c.count}/${s.venues.filter(v => v.count !== null).length}个平台` })),
        { title: '六个有', max: Math.max(1, s.venues.filter(v => v.count !== null).length) }),
      table(['平台', '类型', '所在地', { label: '具备', num: true }, '欠缺'], s.venues.map(v => [v.name, v.kind, v.placePath,
        v.count === null ? '未评定' : `${v.count}/6`, v.missing ? v.missing.join('、') : '']))));
}

async function load() {
  const q = new URLSearchParams({ year: document.querySelector('#year').value });
  const place = document.querySelector('#place').value;
  if (place) q.set('place', place);
  show('#status', '正在统计…');
  try {
    render(await Consult.api('/api/statistics?' + q));
    show('#status', '');
  } catch (e) {
    show('#status', e.message);
  }
}

(async () => {
  await Consult.header();
  document.querySelector('#year').value = new Date().getFullYear();
  const filters = await Consult.api('/api/supervision/filters');
  show('#place', el('option', { value: '' }, '我负责的全部地区'), filters.places.map(p => el('option', { value: p.value }, p.label)));
  document.querySelector('#filters').addEventListener('submit', e => { e.preventDefault(); load(); });
  load();
})().catch(e => show('#status', e.message));
