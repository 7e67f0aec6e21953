'use strict';
(() => {
  const { el, show, api } = Consult;

  function states(states) {
    return states.map(s => el('span', { class: 'state' + (s.overdue ? ' overdue' : s.status === 'DONE' ? ' done' : '') },
      s.label + '：' + s.statusLabel + (s.detail ? '，' + s.detail : '') + (s.overdue ? '（已逾期）' : '')));
  }

  async function list() {
    const stage = document.querySelector('#stage').value;
    const overdue = document.querySelector('#overdue').checked;
    try {
      const rows = await api('/api/results?overdue=' + overdue + (stage ? '&stage=' + stage : ''));
      show('#rows', rows.length ? rows.map(r => el('tr', null,
        el('td', { class: 'nowrap' }, r.number),
        el('td', null, r.placeName),
        el('td', null, r.topicTitle),
        el('td', { class: 'nowrap' }, r.stageLabel, r.closedAt ? el('div', { class: 'muted' }, r.closedAt) : null),
        el('td', null, r.items.map(i => el('div', { class: 'item' }, el('div', null, i.seq + '. ' + i.content), states(i.states)))),
        el('td', null, r.satisfaction.text || '—'),
        el('td', null, el('button', { type: 'button', class: 'secondary', onclick: () => detail(r.id) }, '查看')))
      ) : el('tr', null, el('td', { colspan: 7, class: 'muted' }, '没有符合条件的协商')));
    } catch (e) {
      show('#rows', el('tr', null, el('td', { colspan: 7, class: 'error' }, e.message)));
    }
  }

  function files(list) {
    return list.map(f => el('div', null, el('a', { href: '/api/assignment-attachments/' + f.id }, f.name), ' ', f.size,
      el('span', { class: 'muted' }, ' ' + f.uploadedAt)));
  }

  function upload(unit, consultationId) {
    const input = el('input', { type: 'file', accept: '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.txt' });
    const message = el('span', { class: 'muted' });
    const send = async () => {
      if (!input.files.length) { show(message, '请选择文件'); return; }
      const data = new FormData();
      data.append('file', input.files[0]);
      try {
        await api('/api/assignment-units/' + unit.id + '/attachments', { method: 'POST', body: data });
        detail(consultationId);
      } catch (e) {
        message.className = 'error';
        show(message, e.message);
      }
    };
    const remove = f => async () => {
      try {
        await api('/api/assignment-attachments/' + f.id, { method: 'DELETE' });
        detail(consultationId);
      } catch (e) { show(message, e.message); }
    };
    return el('div', null,
      unit.pending.length ? el('div', null, '待随下次进度报告提交的附件：', unit.pending.map(f => el('div', null,
        el('a', { href: '/api/assignment-attachments/' + f.id }, f.name), ' ', f.size, ' ',
        el('button', { type: 'button', class: 'secondary', onclick: remove(f) }, '删除')))) : null,
      input, el('button', { type: 'button', onclick: send }, '上传附件'), ' ', message,
      el('div', { class: 'muted' }, '单个文件不超过10MB，支持PDF、图片、Word、Excel；上传后在待办任务中提交进度报告。'));
  }

  function unit(u, consultationId) {
    return el('div', { class: 'unit' },
      el('strong', { class: u.overdue ? 'overdue' : '' }, u.title), '，期限', u.dueOn, '，', u.statusLabel, ' ', u.progress + '%',
      u.overdue ? el('span', { class: 'overdue' }, '（已逾期）') : null,
      u.reports.map(r => el('div', { class: 'pre' }, r.reportedAt + ' ' + r.reporter + '：' + r.statusLabel + ' ' + r.progress
        + '%。' + r.content, files(r.files))),
      u.canUpload ? upload(u, consultationId) : files(u.pending));
  }

  async function detail(id) {
    const section = document.querySelector('#detail');
    section.hidden = false;
    try {
      const d = await api('/api/results/' + id);
      const s = d.summary;
      show(section,
        el('h2', null, s.number + ' ' + s.topicTitle),
        el('p', { class: 'muted' }, s.placeName + ' · ' + d.kindLabel + ' · ' + s.stageLabel + (s.closedAt ? '（' + s.closedAt + '结项）' : '')),
        d.outcome ? el('p', null, '协商结果：' + d.outcome) : null,
        d.items.map(i => el('div', { class: 'item' },
          el('h3', null, i.seq + '. ' + i.content),
          states(i.states),
          i.units.length ? el('div', null, el('strong', null, '责任部门'), i.units.map(u => unit(u, id))) : null,
          i.escalation ? el('div', null, el('strong', null, '转报'), el('div', { class: 'pre' }, i.escalation)) : null,
          i.inquiry ? el('div', null, el('strong', null, '问效'), el('div', { class: 'pre' }, i.inquiry)) : null,
          i.feedback.length ? el('div', null, el('strong', null, '反馈'), i.feedback.map(f => el('div', { class: 'pre' }, f))) : null,
          i.satisfaction.text ? el('div', null, i.satisfaction.text) : null,
          i.ratings.filter(r => r.comment).map(r => el('div', { class: 'muted' }, '群众意见（' + r.rating + '）：' + r.comment)))),
        el('h3', null, '成果转化记录'),
        el('table', null,
          el('thead', null, el('tr', null, ['时间', '事项', '机制', '做了什么', '经办人', '结果或说明'].map(h => el('th', null, h)))),
          el('tbody', null, d.timeline.map(e => el('tr', null,
            el('td', { class: 'nowrap' }, e.time), el('td', { class: 'nowrap' }, e.itemSeq ? '第' + e.itemSeq + '项' : ''),
            el('td', { class: 'nowrap' }, e.step), el('td', null, e.action), el('td', null, e.actor), el('td', null, e.comment || ''))))));
      history.replaceState(null, '', '?consultation=' + id);
      section.scrollIntoView();
    } catch (e) {
      show(section, el('p', { class: 'error' }, e.message));
    }
  }

  document.querySelector('#stage').addEventListener('change', list);
  document.querySelector('#overdue').addEventListener('change', list);
  Consult.header().catch(e => show('#who', e.message));
  list();
  const wanted = new URLSearchParams(location.search).get('consultation');
  if (wanted) detail(wanted);
})();
