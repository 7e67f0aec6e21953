Consult.header().catch(e => Consult.show('#who', e.message));
Consult.api('/api/notifications/summary').then(s => {
  const badge = document.querySelector('#unread-badge');
  badge.hidden = !s.unread;
  Consult.show(badge, s.unread);
  Consult.show('#unread-card', s.unread ? `（${s.unread}条未读）` : '');
  const cards = document.querySelector('#links');
  if (s.admin) cards.appendChild(Consult.el('a', { href: '/app/notification-templates.html' }, '消息模板',
    Consult.el('br'), Consult.el('span', { class: 'muted' }, '修改各类消息的中文措辞')));
  if (s.admin) cards.appendChild(Consult.el('a', { href: '/app/organisation.html' }, '组织机构管理',
    Consult.el('br'), Consult.el('span', { class: 'muted' }, '地点、工作角色和人员')));
  if (s.supervisor) cards.appendChild(Consult.el('a', { href: '/app/notification-failures.html' }, '投递失败的消息',
    s.failedDeliveries ? Consult.el('span', { class: 'badge' }, s.failedDeliveries) : null,
    Consult.el('br'), Consult.el('span', { class: 'muted' }, '查看并重新投递发送失败的邮件和短信')));
}).catch(() => {});
