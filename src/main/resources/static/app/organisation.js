'use strict';
const { el, show } = Consult;
let tree = null;

function fail(e) { show('#status', e.message); }

function options(select, list, blank) {
  show(select, blank ? el('option', { value: '' }, blank) : null, list.map(o => el('option', { value: o.value }, o.label)));
}

/** Places parents first, each with its depth. */
function ordered() {
  const result = [];
  const visit = (parent, depth) => tree.places.filter(p => (p.parentCode || null) === parent)
    .forEach(p => { result.push({ place: p, depth }); visit(p.code, depth + 1); });
  visit(null, 0);
  return result;
}

async function load() {
  tree = await Consult.api('/api/organisation');
  const rows = ordered();
  show('#tree', el('table', {}, el('thead', {}, el('tr', {}, ['地点', '层级', '代码', '工作角色与人员'].map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(({ place, depth }) => el('tr', {},
      el('td', {}, '　'.repeat(depth) + place.name), el('td', {}, place.levelName), el('td', {}, place.code),
      el('td', {}, place.roles.length ? place.roles.map(r => el('div', {}, r.name + '：' + (r.members.join('、') || '（暂无人员）')))
        : el('span', { class: 'muted' }, '尚未设立角色')))))));
  const placeChoices = rows.map(({ place, depth }) => ({ value: place.code, label: '　'.repeat(depth) + place.name }));
  const groupChoices = rows.flatMap(({ place }) => place.roles.map(r => ({ value: r.groupId, label: r.name })));
  options(document.querySelector('#place').parentCode, placeChoices, '（无上级）');
  options(document.querySelector('#role').place, placeChoices);
  options(document.querySelector('#user').groupId, groupChoices);
  options(document.querySelector('#member').groupId, groupChoices);
}

function submit(selector, send) {
  const form = document.querySelector(selector);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    show('#status', '');
    try {
      await send(Object.fromEntries(new FormData(form)));
      form.reset();
      await load();
      show('#status', '已保存');
    } catch (err) { fail(err); }
  });
}

(async () => {
  await Consult.header();
  await load();
  options(document.querySelector('#place').level, tree.levels);
  options(document.querySelector('#role').role, tree.roles);
  submit('#place', v => Consult.api('/api/organisation/places', { method: 'POST', body: v }));
  submit('#role', v => Consult.api('/api/organisation/places/' + encodeURIComponent(v.place) + '/roles',
    { method: 'POST', body: { role: v.role } }));
  submit('#user', v => Consult.api('/api/organisation/users', { method: 'POST',
    body: { userId: v.userId, name: v.name, password: v.password, groupIds: [v.groupId] } }));
  submit('#member', v => Consult.api('/api/organisation/roles/' + encodeURIComponent(v.groupId) + '/members',
    { method: 'POST', body: { userId: v.userId } }));
})().catch(fail);
