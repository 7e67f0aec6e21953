'use strict';

function show(data) {
  Consult.show('#count', `（投递失败 ${data.failed} 条）`);
  if (data.rows.length === 0) {
    Consult.show('#rows', Consult.el('tr', {}, Consult.el('td', { colspan: 8, class: 'muted' }, '没有投递失败或正在重试的消息')));
    return;
  }
  Consult.show('#rows', data.rows.map(r => Consult.el('tr', {},
    Consult.el('td', { class: r.status === 'FAILED' ? 'error' : '' }, r.statusLabel),
    Consult.el('td', {}, r.channel),
    Consult.el('td', {}, r.recipient),
    Consult.el('td', {}, Consult.el('span', { class: 'tag' }, r.kindLabel), ' ', r.subject),
    Consult.el('td', {}, r.attempts),
    Consult.el('td', {}, r.lastError || ''),
    Consult.el('td', {}, Consult.time(r.nextAttemptAt)),
    Consult.el('td', {}, r.status === 'FAILED' ? Consult.el('button', { type: 'button', onclick: async () => {
      try {
        show(await Consult.api(`/api/notification-deliveries/${r.id}/retry`, { method: 'POST' }));
        Notices.status('已重新安排投递');
        Notices.nav();
      } catch (e) { Notices.status(e.message, true); }
    } }, '重新投递') : ''))));
}

Consult.header().then(Notices.nav)
  .then(() => Consult.api('/api/notification-deliveries/failures'))
  .then(show)
  .catch(e => Notices.status(e.message, true));
