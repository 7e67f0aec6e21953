'use strict';

function editor(t) {
  const subject = Consult.el('input', { type: 'text', value: t.subject, maxlength: 200, 'aria-label': '标题', style: 'width:100%' });
  const body = Consult.el('textarea', { class: 'template', maxlength: 4000, 'aria-label': '正文' }, t.body);
  const short = Consult.el('textarea', { class: 'template', maxlength: 500, 'aria-label': '短信内容' }, t.shortText);
  const preview = Consult.el('div', { class: 'message-body' });
  const info = Consult.el('p', { class: 'muted' }, t.customised
    ? `已由 ${t.updatedBy} 于 ${Consult.time(t.updatedAt)} 修改` : '使用默认措辞');
  const text = () => ({ subject: subject.value, body: body.value, shortText: short.value });
  const act = async (method, path, payload) => {
    try {
      return await Consult.api(path, { method, body: payload });
    } catch (e) { Notices.status(`${t.label}：${e.message}`, true); return null; }
  };
  const section = Consult.el('section', { id: 'template-' + t.key },
    Consult.el('h2', {}, t.label, ' ', Consult.el('span', { class: 'tag' }, t.kindLabel)),
    Consult.el('p', { class: 'muted' }, '可用占位符：' + t.placeholders.join('、')),
    Consult.el('div', { class: 'form-grid' }, '标题', subject, '正文', body, '短信', short),
    Consult.el('p', {},
      Consult.el('button', { type: 'button', onclick: async () => {
        const saved = await act('PUT', `/api/notification-templates/${t.key}`, text());
        if (saved) { section.replaceWith(editor(saved)); Notices.status(`“${t.label}”已保存`); }
      } }, '保存'), ' ',
      Consult.el('button', { type: 'button', class: 'secondary', onclick: async () => {
        const r = await act('POST', `/api/notification-templates/${t.key}/preview`, text());
        if (r) Consult.show(preview, `【标题】${r.subject}\n【正文】${r.body}\n【短信】${r.shortText}`);
      } }, '预览'), ' ',
      Consult.el('button', { type: 'button', class: 'secondary', onclick: async () => {
        if (!confirm(`将“${t.label}”恢复为默认措辞？`)) return;
        const reset = await act('DELETE', `/api/notification-templates/${t.key}`);
        if (reset) { section.replaceWith(editor(reset)); Notices.status(`“${t.label}”已恢复默认`); }
      } }, '恢复默认')),
    info, preview);
  return section;
}

Consult.header().then(Notices.nav)
  .then(() => Consult.api('/api/notification-templates'))
  .then(list => Consult.show('#templates', list.map(editor)))
  .catch(e => Notices.status(e.message, true));
