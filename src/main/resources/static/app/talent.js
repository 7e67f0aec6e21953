'use strict';
const { el, show } = Consult;
let places = [], talent = [];

function options(select, list, blank) {
  show(select, blank ? el('option', { value: '' }, blank) : null, list.map(p => el('option', { value: p.value }, p.label)));
}

function fail(e) { show('#status', e.message); }

async function load() {
  show('#status', '');
  const place = document.querySelector('#place').value;
  const q = place ? '?place=' + encodeURIComponent(place) : '';
  talent = await Consult.api('/api/talent' + q);
  show('#talent', el('table', {}, el('thead', {}, el('tr', {}, ['姓名', '类别', '所在地', '单位或身份', '专长', '平台账号', '状态', '']
      .map(h => el('th', {}, h)))),
    el('tbody', {}, talent.map(t => el('tr', {},
      el('td', {}, t.name), el('td', {}, t.categoryLabel), el('td', {}, t.placePath), el('td', {}, t.organisation),
      el('td', {}, t.expertise), el('td', {}, t.userId), el('td', {}, t.active ? '在册' : '已退出'),
      el('td', {}, el('button', { class: 'secondary', onclick: () => toggle(t).catch(fail) }, t.active ? '退出' : '恢复')))))));
  const groups = await Consult.api('/api/member-groups' + q);
  show('#groups', groups.length ? el('table', {}, el('thead', {}, el('tr', {}, ['小组', '成员', '联系村（社区）', ''].map(h => el('th', {}, h)))),
    el('tbody', {}, groups.map(g => el('tr', {}, el('td', {}, g.name), el('td', {}, g.members.map(m => m.name).join('、')),
      el('td', {}, g.villages.map(v => v.name).join('、')),
      el('td', {}, el('button', { class: 'secondary', onclick: () => removeGroup(g).catch(fail) }, '撤销')))))) : el('p', { class: 'muted' }, '尚未组建'));
  groupChoices();
}

function groupChoices() {
  const form = document.querySelector('#group');
  const township = form.placeCode.value;
  const path = (places.find(p => p.value === township) || {}).label || '';
  // the township's own resident members, those of its villages, and county members living there
  const members = talent.filter(t => t.active && t.category === 'RESIDENT_MEMBER'
    && (t.placePath === path || t.placePath.startsWith(path + ' / ') || path.startsWith(t.placePath + ' / ')));
  show('#groupMembers', el('span', {}, '成员（2至3名住地政协委员）：'), members.map(m =>
    el('label', {}, el('input', { type: 'checkbox', name: 'memberIds', value: m.id }), m.name)));
  show('#groupVillages', el('span', {}, '联系村（社区）：'), places.filter(p => p.parent === township).map(v =>
    el('label', {}, el('input', { type: 'checkbox', name: 'villageCodes', value: v.value }), v.label.split(' / ').pop())));
}

async function toggle(t) {
  await Consult.api('/api/talent/' + t.id, { method: 'PUT', body: Object.assign({}, t, { active: !t.active }) });
  await load();
}

async function removeGroup(g) {
  await Consult.api('/api/member-groups/' + g.id, { method: 'DELETE' });
  await load();
}

(async () => {
  await Consult.header();
  const filters = await Consult.api('/api/supervision/filters');
  places = filters.places.map(p => Object.assign({}, p, { parent: null }));
  // a village's township is the place before it in the path
  places.forEach(p => { const parent = places.find(q => p.label.startsWith(q.label + ' / ') && p.label.split(' / ').length === q.label.split(' / ').length + 1); p.parent = parent ? parent.value : null; });
  options('#place', places, '我负责的全部地区');
  const add = document.querySelector('#add');
  options(add.placeCode, places);
  options(add.category, (await Consult.api('/api/talent/categories')));
  const group = document.querySelector('#group');
  options(group.placeCode, places.filter(p => p.label.split(' / ').length === 2));
  group.placeCode.addEventListener('change', groupChoices);
  document.querySelector('#place').addEventListener('change', () => load().catch(fail));
  document.querySelector('#filters').addEventListener('submit', e => e.preventDefault());
  add.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await Consult.api('/api/talent', { method: 'POST', body: Object.fromEntries(new FormData(add)) });
      add.reset();
      await load();
    } catch (err) { fail(err); }
  });
  group.addEventListener('submit', async e => {
    e.preventDefault();
    const data = new FormData(group);
    try {
      await Consult.api('/api/member-groups', { method: 'POST', body: { placeCode: data.get('placeCode'), name: data.get('name'),
        memberIds: data.getAll('memberIds').map(Number), villageCodes: data.getAll('villageCodes') } });
      group.name.value = '';
      await load();
    } catch (err) { fail(err); }
  });
  await load();
})().catch(fail);
