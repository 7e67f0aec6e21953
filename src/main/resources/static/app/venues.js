'use strict';
const { el, show } = Consult;
const HAVES = [['site', '有阵地'], ['sign', '有标识'], ['rules', '有制度'], ['procedure', '有流程'], ['activities', '有活动'], ['results', '有实效']];

function fail(e) { show('#status', e.message); }

async function load() {
  show('#status', '');
  const year = document.querySelector('#year').value;
  const place = document.querySelector('#place').value;
  const venues = await Consult.api('/api/venues?year=' + year + (place ? '&place=' + encodeURIComponent(place) : ''));
  show('#venues', el('table', {},
    el('thead', {}, el('tr', {}, el('th', {}, '平台'), el('th', {}, '类型'), el('th', {}, '所在地'),
      HAVES.map(h => el('th', {}, h[1])), el('th', {}, '评价意见'), el('th', {}, ''))),
    el('tbody', {}, venues.map(v => {
      const boxes = HAVES.map(([key]) => el('input', { type: 'checkbox', checked: v.sixHaves ? v.sixHaves[key] : false }));
      const comment = el('input', { value: v.comment || '', maxlength: 1000 });
      return el('tr', {}, el('td', {}, v.name), el('td', {}, v.kindLabel), el('td', {}, v.placePath),
        boxes.map(b => el('td', {}, b)), el('td', {}, comment),
        el('td', {}, el('button', { onclick: () => assess(v, boxes, comment).catch(fail) }, '保存评定'),
          el('div', { class: 'muted' }, v.count === null ? '未评定' : `${v.count}/6`)));
    }))));
}

async function assess(v, boxes, comment) {
  const body = { comment: comment.value };
  HAVES.forEach(([key], i) => { body[key] = boxes[i].checked; });
  await Consult.api(`/api/venues/${v.id}/assessments/${document.querySelector('#year').value}`, { method: 'PUT', body });
  await load();
}

(async () => {
  await Consult.header();
  document.querySelector('#year').value = new Date().getFullYear();
  const filters = await Consult.api('/api/supervision/filters');
  show('#place', el('option', { value: '' }, '我负责的全部地区'), filters.places.map(p => el('option', { value: p.value }, p.label)));
  const add = document.querySelector('#add');
  show(add.placeCode, filters.places.map(p => el('option', { value: p.value }, p.label)));
  show(add.kind, (await Consult.api('/api/venues/kinds')).map(k => el('option', { value: k.value }, k.label)));
  document.querySelector('#filters').addEventListener('submit', e => { e.preventDefault(); load().catch(fail); });
  add.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await Consult.api('/api/venues', { method: 'POST', body: Object.fromEntries(new FormData(add)) });
      add.reset();
      await load();
    } catch (err) { fail(err); }
  });
  await load();
})().catch(fail);
