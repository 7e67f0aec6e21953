'use strict';
const $ = id => document.getElementById(id);
let kinds = [];

function show(s) {
  $('email').value = s.email; $('mobile').value = s.mobile;
  $('quietFrom').value = s.quietFrom; $('quietUntil').value = s.quietUntil;
  Consult.show('#defaultQuiet', `（不填则使用平台默认时段 ${s.defaultQuietHours}）`);
  Consult.show('#availability', [s.emailAvailable ? '' : '平台尚未配置邮件服务器，暂不发送电子邮件。',
    s.smsAvailable ? '' : '平台尚未配置短信网关，暂不发送短信。'].join(''));
  kinds = s.kinds;
  Consult.show('#kinds', kinds.map(k => Consult.el('tr', {},
    Consult.el('td', {}, k.label),
    Consult.el('td', {}, Consult.el('input', { type: 'checkbox', 'data-kind': k.kind, 'data-channel': 'email', checked: k.email, 'aria-label': k.label + ' 电子邮件' })),
    Consult.el('td', {}, Consult.el('input', { type: 'checkbox', 'data-kind': k.kind, 'data-channel': 'sms', checked: k.sms, 'aria-label': k.label + ' 短信' })))));
}

$('settings').addEventListener('submit', async event => {
  event.preventDefault();
  const checked = (kind, channel) => document.querySelector(`input[data-kind="${kind}"][data-channel="${channel}"]`).checked;
  const body = {
    email: $('email').value, mobile: $('mobile').value, quietFrom: $('quietFrom').value, quietUntil: $('quietUntil').value,
    kinds: kinds.map(k => ({ kind: k.kind, label: k.label, email: checked(k.kind, 'email'), sms: checked(k.kind, 'sms') })),
  };
  try {
    show(await Consult.api('/api/notification-settings', { method: 'PUT', body }));
    Notices.status('已保存');
  } catch (e) { Notices.status(e.message, true); }
});
Consult.header().then(Notices.nav).then(() => Consult.api('/api/notification-settings')).then(show)
  .catch(e => Notices.status(e.message, true));
