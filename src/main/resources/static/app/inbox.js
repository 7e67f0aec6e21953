'use strict';
let oldest = null;

function showUnread(count) {
  Consult.show('#unread', count ? `（${count}条未读）` : '（没有未读消息）');
}

function message(item) {
  const body = Consult.el('div', { class: 'message-body', hidden: true }, item.body,
    item.link ? Consult.el('p', {}, Consult.el('a', { href: item.link }, '前往办理 / 查看')) : null);
  const head = Consult.el('div', { class: 'message-head' },
    Consult.el('span', { class: 'tag' }, item.kindLabel), ' ',
    Consult.el('strong', {}, item.subject), ' ',
    Consult.el('span', { class: 'muted' }, Consult.time(item.createdAt)));
  const node = Consult.el('article', { class: item.readAt ? 'message' : 'message unread', 'data-id': item.id }, head, body);
  head.addEventListener('click', async () => {
    body.hidden = !body.hidden;
    if (!item.readAt) {
      item.readAt = new Date().toISOString();
      node.classList.remove('unread');
      try {
        showUnread((await Consult.api(`/api/notifications/${item.id}/read`, { method: 'POST' })).unread);
        Notices.nav();
      } catch (e) { Notices.status(e.message, true); }
    }
  });
  return node;
}

async function load() {
  try {
    const page = await Consult.api('/api/notifications' + (oldest ? `?before=${oldest}` : ''));
    const list = document.querySelector('#messages');
    if (!oldest && page.items.length === 0) list.appendChild(Consult.el('p', { class: 'muted' }, '暂无消息'));
    page.items.forEach(item => list.appendChild(message(item)));
    if (page.items.length) oldest = page.items[page.items.length - 1].id;
    document.querySelector('#more').hidden = !page.more;
    showUnread(page.unread);
  } catch (e) { Notices.status(e.message, true); }
}

document.querySelector('#more').addEventListener('click', load);
document.querySelector('#read-all').addEventListener('click', async () => {
  try {
    await Consult.api('/api/notifications/read-all', { method: 'POST' });
    document.querySelectorAll('.message.unread').forEach(n => n.classList.remove('unread'));
    showUnread(0);
    Notices.nav();
  } catch (e) { Notices.status(e.message, true); }
});
Consult.header().then(Notices.nav).then(load).catch(e => Notices.status(e.message, true));
