'use strict';
Public.onSubmit(document.getElementById('status-form'), async data => {
  const result = document.getElementById('result');
  result.hidden = true;
  const answer = await Public.post('/api/public/topics/status', data);
  const rows = [['回执号', answer.receiptNumber], ['议题', answer.title], ['提交日期', answer.submittedOn],
    ['办理状态', answer.status]];
  if (answer.reason) rows.push(['不予受理理由', answer.reason]);
  result.className = answer.reason ? 'result failed' : 'result';
  Consult.show(result, Consult.el('h2', {}, '办理情况'),
    Consult.el('dl', {}, rows.flatMap(([term, value]) => [Consult.el('dt', {}, term), Consult.el('dd', {}, value)])));
  result.hidden = false;
});
