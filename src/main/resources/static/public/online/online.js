// The public online consultation page (网络协商): choose a place, read an open consultation's topic
// and material, register with name and mobile confirmed by a text message code, post and edit
// opinions, support others'; after the closing time, the outcome and what became of it.
// Everything people wrote is put on the page as text nodes, never parsed as HTML.
'use strict';

const API = '/api/public/online';
const state = { places: [], place: null, number: null, detail: null, sort: 'time' };

// ---- helpers

async function api(path, options = {}) {
  const init = { method: options.method || 'GET', headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (options.body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(API + path, init);
  const type = response.headers.get('content-type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error((data && data.message) || ('请求失败（' + response.status + '），请稍后再试'));
    error.status = response.status;
    throw error;
  }
  return data;
}

/** el('p', {class: 'x'}, 'text', child…): strings become text nodes. */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.substring(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  });
  children.flat().forEach(child => {
    if (child === undefined || child === null || child === false) return;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

function $(selector) {
  return document.querySelector(selector);
}

function show(target, ...children) {
  const node = typeof target === 'string' ? $(target) : target;
  node.replaceChildren(...children.flat().filter(c => c !== undefined && c !== null && c !== false)
    .map(c => c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

/** An ISO time in Beijing time: 2026-05-18 18:00. */
function time(value) {
  if (!value) return '';
  const d = new Date(new Date(value).getTime() + 8 * 3600000);
  const p = n => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

function notice(message, ok) {
  const node = $('#notice');
  node.hidden = !message;
  node.className = ok ? 'notice ok' : 'notice';
  show(node, message || '');
  if (message) node.scrollIntoView({ block: 'nearest' });
}

function url(params) {
  const query = new URLSearchParams();
  if (params.place) query.set('place', params.place);
  if (params.c) query.set('c', params.c);
  const text = query.toString();
  return location.pathname + (text ? '?' + text : '');
}

// ---- places and the list

function childrenOf(code) {
  return state.places.filter(p => p.parentCode === code);
}

function isCounty(code) {
  return state.places.some(p => p.code === code && p.level === 'COUNTY');
}

/** Each county ("全部"), then its townships: a platform may serve more than one county. */
function fillPlaces() {
  const counties = state.places.filter(p => p.level === 'COUNTY');
  const township = $('#township');
  show(township, counties.flatMap(county => [
    el('option', { value: county.code }, county.name + '（全部）'),
    ...childrenOf(county.code).filter(p => p.level === 'TOWNSHIP').map(p => el('option', { value: p.code }, p.name)),
  ]));
  const chosen = state.places.find(p => p.code === state.place) || counties[0];
  const townshipCode = chosen.level === 'VILLAGE' ? chosen.parentCode : chosen.code;
  township.value = townshipCode;
  fillVillages(townshipCode);
  $('#village').value = chosen.level === 'VILLAGE' ? chosen.code : '';
}

function fillVillages(townshipCode) {
  const villages = childrenOf(townshipCode);
  const select = $('#village');
  select.disabled = isCounty(townshipCode) || villages.length === 0;
  show(select, el('option', { value: '' }, '全部村（社区）'), villages.map(p => el('option', { value: p.code }, p.name)));
}

function choosePlace() {
  state.place = $('#village').value || $('#township').value;
  history.replaceState(null, '', url({ place: state.place }));
  loadList();
}

async function loadList() {
  show('#list', el('p', { class: 'empty' }, '正在加载…'));
  try {
    const items = await api('/consultations?place=' + encodeURIComponent(state.place));
    if (items.length === 0) {
      show('#list', el('p', { class: 'empty' }, '这里暂时没有网络协商'));
      return;
    }
    show('#list', items.map(item => el('a', {
      class: 'card', href: url({ place: state.place, c: item.number }),
      onclick: event => { event.preventDefault(); open(item.number, true); },
    },
    el('strong', {}, item.title),
    el('span', { class: 'muted' }, item.placeName),
    el('span', { class: item.status === 'OPEN' ? 'tag open' : 'tag' }, item.statusLabel),
    el('br'),
    el('span', { class: 'muted' }, `截止 ${time(item.closingAt)} · ${item.opinions}条意见`))));
  } catch (e) {
    show('#list', el('p', { class: 'empty' }, e.message));
  }
}

// ---- one consultation

async function open(number, push) {
  state.number = number;
  if (push) history.pushState(null, '', url({ place: state.place, c: number }));
  $('#list-view').hidden = true;
  $('#detail-view').hidden = false;
  notice('');
  await loadDetail();
  window.scrollTo(0, 0);
}

function back(event, push = true) {
  if (event) event.preventDefault();
  state.number = null;
  if (push) history.pushState(null, '', url({ place: state.place }));
  $('#detail-view').hidden = true;
  $('#list-view').hidden = false;
  notice('');
  loadList();
}

async function loadDetail() {
  try {
    state.detail = await api('/consultations/' + encodeURIComponent(state.number));
  } catch (e) {
    show('#title', '');
    notice(e.message);
    return;
  }
  const d = state.detail;
  document.title = d.title + ' · 网络协商';
  show('#title', d.title);
  show('#place', d.placeName);
  const status = $('#status');
  status.className = d.open ? 'tag open' : 'tag';
  show(status, d.statusLabel);
  show('#closing', time(d.closingAt));
  show('#description', d.description);
  show('#material', d.material
    ? [el('p', { class: 'text' }, d.material.content), el('p', { class: 'muted' }, '发布于 ' + time(d.material.publishedAt))]
    : el('p', { class: 'muted' }, '主持人尚未发布背景材料'));
  showAfter(d);
  showAccount(d);
  showMyHidden(d);
  showOpinions();
}

function showAfter(d) {
  $('#after').hidden = !d.outcome && d.results.length === 0;
  show('#outcome', d.outcome ? `${d.outcome.label}：${d.outcome.summary || ''}` : '意见已截止，正在汇总。');
  show('#results', d.results.length === 0 ? null : [
    el('h3', {}, '成果办理情况'),
    d.results.map(item => el('div', { class: 'result' },
      el('p', { class: 'text' }, `${item.seq}. ${item.content}`),
      item.mechanisms.map(m => el('p', { class: 'muted' }, `${m.label}：${m.statusLabel}`, m.detail ? `——${m.detail}` : '')))),
  ]);
}

function showAccount(d) {
  const box = $('#account');
  const form = $('#post-form');
  form.hidden = !(d.me && d.open);
  if (d.me) {
    show(box, el('p', {}, '已实名登记：', el('strong', { id: 'me-name' }, d.me.name), `（${d.me.mobile}）`,
      d.me.role !== '群众' ? el('span', { class: 'tag role' }, d.me.role) : null),
    el('p', { class: 'row' }, el('span', { class: 'muted' }, d.open ? `本次协商已发表${d.me.posted}条，最多${d.me.limit}条` : ''),
      el('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: signOut }, '退出登记')));
    show('#quota', d.open ? `（还可发表${Math.max(0, d.me.limit - d.me.posted)}条）` : '');
    return;
  }
  if (!d.open) {
    show(box, el('p', { class: 'muted' }, d.status === 'NOT_STARTED' ? '该协商尚未开始征求意见。' : '意见征集已截止，感谢关注。'));
    return;
  }
  show(box, registrationForm());
}

function registrationForm() {
  const message = el('p', { id: 'reg-msg', class: 'muted' });
  const sendButton = el('button', { type: 'button', class: 'secondary', id: 'send-code' }, '获取验证码');
  const form = el('form', { id: 'register-form' },
    el('h3', {}, '实名登记后发表意见'),
    el('label', { for: 'reg-name' }, '真实姓名'),
    el('input', { type: 'text', id: 'reg-name', autocomplete: 'name', maxlength: 20 }),
    el('label', { for: 'reg-mobile' }, '手机号码'),
    el('input', { type: 'tel', id: 'reg-mobile', inputmode: 'numeric', autocomplete: 'tel', maxlength: 11 }),
    el('label', { for: 'reg-code' }, '短信验证码'),
    el('p', { class: 'row' },
      el('input', { type: 'text', id: 'reg-code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6 }),
      sendButton),
    el('label', { class: 'consent' }, el('input', { type: 'checkbox', id: 'reg-consent' }),
      el('span', {}, '我已阅读并同意《个人信息处理说明》：姓名和手机号码仅用于网络协商的实名验证，由平台保存、不会公开，'
        + '页面上只显示姓氏加星号（如“张**”）；如需查询、更正或删除，请联系协商组织单位。')),
    el('p', {}, el('button', { type: 'submit', id: 'register-submit' }, '实名登记')),
    message);
  sendButton.addEventListener('click', () => sendCode(sendButton, message));
  form.addEventListener('submit', event => { event.preventDefault(); register(message); });
  return form;
}

async function sendCode(button, message) {
  button.disabled = true;
  try {
    const sent = await api('/codes', { method: 'POST', body: { mobile: $('#reg-mobile').value.trim() } });
    show(message, sent.message);
    message.className = 'muted';
    let left = sent.resendSeconds;
    const tick = () => {
      if (left <= 0) { button.disabled = false; show(button, '重新获取'); return; }
      show(button, `${left}秒后重新获取`);
      left -= 1;
      setTimeout(tick, 1000);
    };
    tick();
  } catch (e) {
    show(message, e.message);
    message.className = 'notice';
    button.disabled = false;
  }
}

async function register(message) {
  try {
    await api('/registrations', { method: 'POST', body: {
      name: $('#reg-name').value.trim(), mobile: $('#reg-mobile').value.trim(),
      code: $('#reg-code').value.trim(), consent: $('#reg-consent').checked,
    } });
    notice('实名登记成功，可以发表意见了', true);
    await loadDetail();
  } catch (e) {
    show(message, e.message);
    message.className = 'notice';
  }
}

async function signOut() {
  try {
    await api('/session', { method: 'DELETE' });
  } finally {
    notice('已退出登记', true);
    await loadDetail();
  }
}

function showMyHidden(d) {
  const hidden = d.me ? d.me.hidden : [];
  show('#my-hidden', hidden.map(o => el('div', { class: 'opinion hidden-own' },
    el('p', { class: 'who' }, '您的这条意见已被主持人屏蔽，仅您本人可见'),
    el('p', { class: 'content' }, o.content),
    el('p', { class: 'muted' }, '屏蔽理由：' + o.reason))));
}

function showOpinions() {
  const d = state.detail;
  const list = d.opinions.slice();
  if (state.sort === 'support') list.sort((a, b) => b.supports - a.supports || (a.createdAt < b.createdAt ? 1 : -1));
  show('#opinion-count', `（${list.length}条）`);
  show('#opinions', list.length === 0 ? el('p', { class: 'empty' }, '还没有意见') : list.map(opinion));
}

function opinion(o) {
  const d = state.detail;
  const content = el('p', { class: 'content' }, o.content);
  const node = el('div', { class: o.mine ? 'opinion mine' : 'opinion', 'data-id': o.id },
    el('p', {},
      el('span', { class: 'who' }, o.author),
      el('span', { class: o.invited ? 'tag role' : 'tag' }, o.role),
      o.mine ? el('span', { class: 'tag' }, '我的意见') : null),
    content,
    el('p', { class: 'when' }, time(o.createdAt), o.edited ? '（已修改）' : ''));
  const actions = el('p', { class: 'actions' });
  if (d.open && d.me && o.mine) {
    actions.appendChild(el('button', { type: 'button', class: 'secondary edit', onclick: () => edit(node, content, o) }, '修改'));
  }
  const supportLabel = `${o.supported ? '已支持' : '支持'} ${o.supports}`;
  if (d.open && d.me && !o.mine) {
    actions.appendChild(el('button', {
      type: 'button', class: o.supported ? 'support' : 'secondary support', onclick: () => support(o),
    }, supportLabel));
  } else {
    actions.appendChild(el('span', { class: 'muted' }, `支持 ${o.supports}`));
  }
  node.appendChild(actions);
  return node;
}

function edit(node, content, o) {
  const area = el('textarea', { rows: 4, maxlength: 1000 });
  area.value = o.content;
  const message = el('p', { class: 'muted' });
  const save = el('button', { type: 'button' }, '保存');
  const cancel = el('button', { type: 'button', class: 'secondary' }, '取消');
  const editor = el('div', { class: 'editor' }, area, el('p', { class: 'actions' }, cancel, save), message);
  content.replaceWith(editor);
  cancel.addEventListener('click', () => editor.replaceWith(content));
  save.addEventListener('click', async () => {
    try {
      await api('/opinions/' + o.id, { method: 'PUT', body: { content: area.value } });
      notice('意见已修改', true);
      await loadDetail();
    } catch (e) {
      show(message, e.message);
      message.className = 'notice';
    }
  });
}

async function support(o) {
  try {
    await api(`/opinions/${o.id}/support`, { method: o.supported ? 'DELETE' : 'POST' });
    await loadDetail();
  } catch (e) {
    notice(e.message);
  }
}

async function post(event) {
  event.preventDefault();
  const area = $('#post-content');
  const button = $('#post-submit');
  button.disabled = true;
  try {
    await api('/consultations/' + encodeURIComponent(state.number) + '/opinions',
      { method: 'POST', body: { content: area.value } });
    area.value = '';
    show('#post-count', '0/1000');
    notice('意见已发表', true);
    await loadDetail();
  } catch (e) {
    notice(e.message);
    if (e.status === 401) await loadDetail();
  } finally {
    button.disabled = false;
  }
}

// ---- start

async function start() {
  const params = new URLSearchParams(location.search);
  $('#back').addEventListener('click', back);
  $('#township').addEventListener('change', () => { fillVillages($('#township').value); choosePlace(); });
  $('#village').addEventListener('change', choosePlace);
  $('#sort').addEventListener('change', () => { state.sort = $('#sort').value; showOpinions(); });
  $('#post-form').addEventListener('submit', post);
  $('#post-content').addEventListener('input', () => show('#post-count', `${$('#post-content').value.length}/1000`));
  window.addEventListener('popstate', () => {
    const now = new URLSearchParams(location.search);
    if (now.get('c')) open(now.get('c'), false); else back(null, false);
  });
  try {
    state.places = await api('/places');
  } catch (e) {
    notice(e.message);
    return;
  }
  const county = state.places.find(p => p.level === 'COUNTY');
  state.place = state.places.some(p => p.code === params.get('place')) ? params.get('place') : county.code;
  fillPlaces();
  if (params.get('c')) {
    await open(params.get('c'), false);
  } else {
    loadList();
  }
}

start();
