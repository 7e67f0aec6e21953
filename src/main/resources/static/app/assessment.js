'use strict';
const { el, show } = Consult;

async function load(year) {
  document.querySelector('#csv').setAttribute('href', '/api/assessments/ranking.csv?year=' + year);
  const r = await Consult.api('/api/assessments/ranking?year=' + year);
  show('#status', `${r.countyName}${r.year}年度：${r.statusLabel}`);
  show('#chart', Charts.bars(r.rows.map(row => ({ label: row.townshipName, value: Number(row.total),
    note: row.total + '分' })), { max: 100, title: '总分' }));
  const dims = r.rows.length ? r.rows[0].cells : [];
  show('#ranking', el('table', {},
    el('thead', {}, el('tr', {}, el('th', { class: 'num' }, '排名'), el('th', {}, '乡镇（街道）'),
      dims.map(d => el('th', { class: 'num' }, `${d.label}（${d.maxPoints}分）`, d.computed ? '' : el('div', { class: 'muted' }, '评定'))),
      el('th', { class: 'num' }, '总分'))),
    el('tbody', {}, r.rows.map(row => el('tr', {},
      el('td', { class: 'num' }, row.rank), el('td', {}, row.townshipName),
      row.cells.map(c => el('td', { class: 'num', title: c.basis || '' }, c.points === null ? '待评分' : c.points)),
      el('td', { class: 'num' }, el('strong', {}, row.total)))))));
}

(async () => {
  await Consult.header();
  const years = await Consult.api('/api/assessments');
  if (!years.length) {
    show('#status', '尚未发起任何年度考核');
    return;
  }
  show('#year', years.map(y => el('option', { value: y.year }, `${y.year}年（${y.statusLabel}）`)));
  document.querySelector('#year').addEventListener('change', e => load(e.target.value).catch(err => show('#status', err.message)));
  await load(years[0].year);
})().catch(e => show('#status', e.message));
