// Shared by the notification pages: the navigation between them, with the unread count.
'use strict';

const Notices = {
  /** Fills <nav id="nav"> with the message pages this user may open; returns the summary. */
  async nav() {
    const s = await Consult.api('/api/notifications/summary');
    const links = [
      Consult.el('a', { href: '/app/index.html' }, '工作台'),
      Consult.el('a', { href: '/app/inbox.html' }, '消息中心', s.unread ? Consult.el('span', { class: 'badge' }, s.unread) : null),
      Consult.el('a', { href: '/app/notification-settings.html' }, '接收设置'),
    ];
    if (s.admin) links.push(Consult.el('a', { href: '/app/notification-templates.html' }, '消息模板'));
    if (s.supervisor) {
      links.push(Consult.el('a', { href: '/app/notification-failures.html' }, '投递失败',
        s.failedDeliveries ? Consult.el('span', { class: 'badge' }, s.failedDeliveries) : null));
    }
    Consult.show('#nav', links);
    return s;
  },

  /** Shows an error or a confirmation in <p id="status">. */
  status(text, error) {
    const node = document.querySelector('#status');
    node.className = error ? 'error' : 'muted';
    Consult.show(node, text || '');
  },
};
