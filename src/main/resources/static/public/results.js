// Shared by the public results pages (/public/results.html, /public/rate.html): JSON calls to
// /api/public/… (no login) and DOM building that only ever sets text, so no content is parsed as HTML.
'use strict';

const Results = {
  async api(path, options = {}) {
    const init = { method: options.method || 'GET', headers: { Accept: 'application/json' } };
    if (options.body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    const response = await fetch(path, init);
    const data = (response.headers.get('content-type') || '').includes('json') ? await response.json() : {};
    if (!response.ok) {
      const error = new Error((data && data.message) || ('请求失败（' + response.status + '），请稍后再试'));
      error.status = response.status;
      throw error;
    }
    return data;
  },

  /** el('p', {class: 'x'}, 'text', child…): text children become text nodes, never HTML. */
  el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.substring(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    children.flat().forEach(child => {
      if (child === undefined || child === null || child === '') return;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  },

  show(selector, ...children) {
    const node = document.querySelector(selector);
    node.replaceChildren(...children.flat().filter(c => c !== undefined && c !== null)
      .map(c => c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  },

  /** 满意率 98.5% (满意 10、基本满意 2、不满意 1；评价 13/15 人) */
  satisfaction(s) {
    if (!s || !s.invited) return null;
    if (!s.rated) return '已邀请' + s.invited + '位群众评价，尚无人评价';
    return '群众满意率 ' + s.rate.toFixed(1) + '%（满意' + s.satisfied + '、基本满意' + s.basic + '、不满意'
      + s.unsatisfied + '；' + s.rated + '/' + s.invited + '人评价）';
  },
};
