'use strict';
(() => {
  const { el, show, api, satisfaction } = Results;
  let page = 0;
  let placesLoaded = false;

  function mechanism(m) {
    const cls = 'tag' + (m.overdue ? ' overdue' : m.statusLabel === '已办结' ? ' done' : '');
    return el('div', { class: 'mechanism' }, el('span', { class: cls }, m.label + ' · ' + m.statusLabel),
      m.detail || '', m.overdue ? '（已逾期）' : '');
  }

  function item(i) {
    return el('div', { class: 'item' },
      el('div', null, i.seq + '. ' + i.content),
      i.mechanisms.map(mechanism),
      satisfaction(i.satisfaction) ? el('div', { class: 'satisfaction' }, satisfaction(i.satisfaction)) : null);
  }

  function consultation(c) {
    return el('article', { class: 'card' },
      el('h2', null, c.topicTitle),
      el('div', { class: 'meta' }, c.placeName + ' · ' + c.kindLabel + ' · ' + c.number + ' · ' + (c.closedOn || '') + '结项'),
      c.outcome ? el('p', null, '协商结果：' + c.outcome + (c.outcomeSummary ? '。' + c.outcomeSummary : '')) : null,
      satisfaction(c.satisfaction) ? el('p', { class: 'satisfaction' }, satisfaction(c.satisfaction)) : null,
      c.items.length ? c.items.map(item) : el('p', { class: 'meta' }, '本次协商没有须转化的成果事项'));
  }

  async function load() {
    try {
      const place = document.querySelector('#place').value;
      const data = await api('/api/public/results?page=' + page + (place ? '&place=' + encodeURIComponent(place) : ''));
      if (!placesLoaded) {
        data.places.forEach(p => document.querySelector('#place').appendChild(el('option', { value: p.code }, p.name)));
        placesLoaded = true;
      }
      show('#list', data.consultations.length ? data.consultations.map(consultation)
        : el('p', { class: 'meta' }, '暂无已结项的协商'));
      const pages = Math.max(1, Math.ceil(data.total / data.size));
      show('#page', '第' + (data.page + 1) + '/' + pages + '页，共' + data.total + '项');
      document.querySelector('#prev').disabled = data.page === 0;
      document.querySelector('#next').disabled = data.page + 1 >= pages;
    } catch (e) {
      show('#list', el('p', { class: 'error' }, e.message));
    }
  }

  document.querySelector('#place').addEventListener('change', () => { page = 0; load(); });
  document.querySelector('#prev').addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
  document.querySelector('#next').addEventListener('click', () => { page += 1; load(); });
  load();
})();
