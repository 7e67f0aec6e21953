'use strict';
let current = null;

function status(message, ok) {
  const node = Consult.show('#status', message || '');
  node.className = ok ? 'muted' : 'error';
}

async function list() {
  const rows = await Consult.api('/api/online/consultations');
  Consult.show('#consultations', rows.length === 0
    ? Consult.el('tr', {}, Consult.el('td', { colspan: 6, class: 'muted' }, '没有需要您主持或组织的网络协商'))
    : rows.map(r => Consult.el('tr', {},
      Consult.el('td', {}, Consult.el('a', { href: '#' + r.number, onclick: e => { e.preventDefault(); load(r.number); } }, r.number)),
      Consult.el('td', {}, r.title), Consult.el('td', {}, r.placeName), Consult.el('td', {}, Consult.time(r.closingAt)),
      Consult.el('td', {}, r.stage), Consult.el('td', {}, r.opinions))));
}

async function load(number) {
  status('');
  const d = await Consult.api('/api/online/consultations/' + encodeURIComponent(number));
  current = d;
  location.hash = number;
  document.querySelector('#detail').hidden = false;
  Consult.show('#title', d.title + '（' + d.number + '）');
  Consult.show('#place', d.placeName);
  Consult.show('#stage', d.stage);
  Consult.show('#closing', Consult.time(d.closingAt));
  Consult.show('#open', d.open ? '正在征求意见' : '未在征求意见');
  const link = document.querySelector('#link');
  link.href = d.link;
  Consult.show(link, d.link);
  document.querySelector('#material').value = d.material || '';
  Consult.show('#material-time', d.materialPublishedAt ? '上次发布：' + Consult.time(d.materialPublishedAt) : '尚未发布。');
  Consult.show('#invitations', d.invitations.length === 0
    ? Consult.el('tr', {}, Consult.el('td', { colspan: 4, class: 'muted' }, '尚未推送'))
    : d.invitations.map(i => Consult.el('tr', {}, Consult.el('td', {}, i.name), Consult.el('td', {}, i.role),
      Consult.el('td', {}, i.reachable ? '是' : '否（未登记手机号）'), Consult.el('td', {}, Consult.time(i.invitedAt)))));
  Consult.show('#without-account', d.withoutAccount.length === 0
    ? Consult.el('tr', {}, Consult.el('td', { colspan: 4, class: 'muted' }, '参与人员都有平台账号'))
    : d.withoutAccount.map(withoutAccount));
  Consult.show('#opinion-count', '（' + d.opinions.length + '条）');
  Consult.show('#opinions', d.opinions.length === 0 ? Consult.el('p', { class: 'muted' }, '还没有意见') : d.opinions.map(opinion));
}

function withoutAccount(p) {
  const mobile = Consult.el('input', { type: 'tel', maxlength: 11, placeholder: '手机号码' });
  const button = Consult.el('button', { class: 'secondary' }, p.invited ? '重新短信邀请' : '短信邀请');
  button.addEventListener('click', () => act(() => Consult.api(`/api/online/consultations/${encodeURIComponent(current.number)}/invitations/by-mobile`,
    { method: 'POST', body: { participantId: p.participantId, mobile: mobile.value.trim() } })));
  return Consult.el('tr', {}, Consult.el('td', {}, p.name), Consult.el('td', {}, p.category),
    Consult.el('td', {}, mobile), Consult.el('td', {}, button, p.invited ? Consult.el('span', { class: 'muted' }, ' 已邀请') : null));
}

function opinion(o) {
  const reason = Consult.el('input', { type: 'text', maxlength: 200, placeholder: o.hidden ? '恢复显示的理由' : '屏蔽理由（将告知作者）' });
  const button = Consult.el('button', { class: o.hidden ? 'secondary' : '' }, o.hidden ? '恢复显示' : '屏蔽');
  button.addEventListener('click', () => act(() => Consult.api(`/api/online/opinions/${o.id}/${o.hidden ? 'restore' : 'hide'}`,
    { method: 'POST', body: { reason: reason.value } })));
  return Consult.el('article', { class: 'message' },
    Consult.el('div', {}, Consult.el('strong', {}, o.author), ' ', Consult.el('span', { class: 'tag' }, o.role), ' ',
      Consult.el('span', { class: 'muted' }, Consult.time(o.createdAt) + ' · 支持' + o.supports + (o.updatedAt ? ' · 已修改' : ''))),
    Consult.el('div', { class: 'message-body' }, o.content),
    o.hidden ? Consult.el('p', { class: 'error' }, '已屏蔽：' + o.hiddenReason) : null,
    Consult.el('p', {}, reason, ' ', button),
    Consult.el('details', {}, Consult.el('summary', { class: 'muted' }, '记录（' + o.history.length + '）'),
      Consult.el('ul', {}, o.history.map(e => Consult.el('li', {},
        Consult.time(e.at) + ' ' + e.actor + ' ' + e.action,
        e.reason ? '：' + e.reason : '',
        e.content && e.action === '修改' ? '（修改前：' + e.content + '）' : '')))));
}

async function act(call) {
  try {
    await call();
    await load(current.number);
    await list();
  } catch (e) { status(e.message); }
}

document.querySelector('#publish').addEventListener('click', () => act(() =>
  Consult.api(`/api/online/consultations/${encodeURIComponent(current.number)}/material`,
    { method: 'PUT', body: { content: document.querySelector('#material').value } })));
document.querySelector('#invite').addEventListener('click', async () => {
  try {
    const pushed = await Consult.api(`/api/online/consultations/${encodeURIComponent(current.number)}/invitations`,
      { method: 'POST', body: { allMembers: document.querySelector('#all-members').checked } });
    await load(current.number);
    status(`已推送${pushed.invited}人` + (pushed.alreadyInvited ? `，${pushed.alreadyInvited}人此前已推送` : ''), true);
  } catch (e) { status(e.message); }
});

Consult.header()
  .then(list)
  .then(() => location.hash.length > 1 ? load(decodeURIComponent(location.hash.substring(1))) : null)
  .catch(e => status(e.message));
