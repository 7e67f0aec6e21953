'use strict';
(async function () {
  const township = document.getElementById('township');
  const village = document.getElementById('village');
  let townships = [];
  try {
    townships = await Consult.api('/api/public/places');
  } catch (e) {
    Public.showErrors({ message: '地点列表加载失败，请刷新页面重试' });
  }
  townships.forEach(t => township.appendChild(Consult.el('option', { value: t.code }, t.countyName + ' ' + t.name)));
  township.addEventListener('change', () => {
    const chosen = townships.find(t => t.code === township.value);
    Consult.show(village, Consult.el('option', { value: '' }, '不限'),
      (chosen ? chosen.villages : []).map(v => Consult.el('option', { value: v.code }, v.name)));
  });

  Public.onSubmit(document.getElementById('topic-form'), async data => {
    const answer = await Public.post('/api/public/topics', data);
    document.getElementById('form-section').hidden = true;
    const result = Consult.show('#result',
      Consult.el('h2', {}, '提交成功'),
      Consult.el('p', {}, '您的回执号：'),
      Consult.el('p', { class: 'receipt' }, answer.receiptNumber),
      Consult.el('p', {}, answer.message),
      Consult.el('p', {}, '当前状态：' + answer.status));
    result.hidden = false;
    result.scrollIntoView();
  });
})();
