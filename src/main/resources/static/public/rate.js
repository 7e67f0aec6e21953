'use strict';
(() => {
  const { el, show, api } = Results;
  const token = new URLSearchParams(location.search).get('t') || '';
  const path = '/api/public/ratings/' + encodeURIComponent(token);
  const choices = [['SATISFIED', '满意'], ['BASICALLY_SATISFIED', '基本满意'], ['UNSATISFIED', '不满意']];

  function summary(page) {
    return el('section', { class: 'card' },
      el('h2', null, page.topicTitle),
      el('div', { class: 'meta' }, '协商编号：' + page.consultationNumber),
      el('p', { class: 'pre' }, '成果事项：' + page.itemContent),
      el('p', null, '意见采纳情况：' + page.adoption),
      el('p', { class: 'pre' }, '办理情况：' + page.feedback));
  }

  function form(page) {
    const message = el('p', { class: 'error', role: 'alert' });
    const comment = el('textarea', { id: 'comment', maxlength: 500, placeholder: '意见建议（选填，500字以内）' });
    const button = el('button', { type: 'submit' }, '提交评价');
    const submit = async event => {
      event.preventDefault();
      const chosen = document.querySelector('input[name=rating]:checked');
      if (!chosen) {
        show('.error', '请选择满意、基本满意或不满意');
        return;
      }
      button.disabled = true;
      try {
        const done = await api(path, { method: 'POST', body: { rating: chosen.value, comment: comment.value } });
        show('#content', summary(page), el('section', { class: 'card' }, el('h2', null, done.message),
          el('p', null, '您的评价是：' + choices.find(c => c[0] === chosen.value)[1])));
      } catch (e) {
        show('.error', e.message);
        button.disabled = false;
      }
    };
    return el('form', { class: 'card', onsubmit: submit },
      el('h2', null, '您对办理结果是否满意？'),
      el('div', { class: 'choices' }, choices.map(([value, label]) =>
        el('label', null, el('input', { type: 'radio', name: 'rating', value }), label))),
      comment, message, button,
      el('p', { class: 'meta' }, '每人每项只能评价一次，' + page.closesAt + '前有效。本页不会显示或收集您的姓名和手机号。'));
  }

  (async () => {
    try {
      const page = await api(path);
      if (page.state === 'OPEN') {
        show('#content', summary(page), form(page));
      } else {
        show('#content', summary(page), el('section', { class: 'card' }, el('h2', null, page.stateLabel),
          page.rating ? el('p', null, '您的评价是：' + page.rating + '。感谢您的参与！') : el('p', null, '评价期已结束。')));
      }
    } catch (e) {
      show('#content', el('section', { class: 'card' }, el('p', { class: 'error' }, e.message)));
    }
  })();
})();
