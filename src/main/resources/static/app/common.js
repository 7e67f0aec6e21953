// Shared by the staff pages (/app/*): calls to /api with the Camunda webapp login and its CSRF
// token, and DOM building that only ever sets text (never HTML), so user content stays inert.
'use strict';

const Consult = {
  /** The session's CSRF token, asked once per page. */
  csrfToken: null,

  /** fetch /api/…: JSON in and out; a missing login goes to the Tasklist login page. */
  async api(path, options = {}) {
    const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
    const init = Object.assign({}, options, { headers, credentials: 'same-origin' });
    if (options.body !== undefined && !(options.body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    // Camunda's CSRF filter scopes its cookie to /camunda, out of reach of pages under /app: a change
    // first asks the session's token (a wrong or missing token ends the session).
    const method = (options.method || 'GET').toUpperCase();
    if (!['GET', 'HEAD', 'OPTIONS'].includes(method) && !path.startsWith('/api/public/')) {
      if (!Consult.csrfToken) {
        Consult.csrfToken = (await Consult.api('/api/csrf-token')).token;
      }
      headers['X-XSRF-TOKEN'] = Consult.csrfToken;
    }
    const response = await fetch(path, init);
    if (response.status === 401 && !path.startsWith('/api/public/')) {
      location.href = '/camunda/app/tasklist/';
      throw new Error('请先登录');
    }
    const type = response.headers.get('content-type') || '';
    const data = type.includes('json') ? await response.json() : await response.text();
    if (!response.ok) {
      throw new Error((data && data.message) || ('请求失败（' + response.status + '）'));
    }
    return data;
  },

  /** el('td', {class: 'x'}, 'text', child…): text children are text nodes, never parsed as HTML. */
  el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.substring(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    children.flat().forEach(child => {
      if (child === undefined || child === null) return;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  },

  /** Replaces the content of an element. */
  show(target, ...children) {
    const node = typeof target === 'string' ? document.querySelector(target) : target;
    node.replaceChildren(...children.flat().filter(c => c !== undefined && c !== null)
      .map(c => c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  },

  /** 2026-11-21T10:00:00+08:00 → 2026-11-21 10:00 (Beijing time). */
  time(value) {
    if (!value) return '';
    const d = new Date(value);
    const p = n => String(n).padStart(2, '0');
    const bj = new Date(d.getTime() + (d.getTimezoneOffset() + 480) * 60000);
    return `${bj.getFullYear()}-${p(bj.getMonth() + 1)}-${p(bj.getDate())} ${p(bj.getHours())}:${p(bj.getMinutes())}`;
  },

  /** Shows the logged-in user in the page header. */
  async header() {
    const me = await Consult.api('/api/me');
    const who = document.querySelector('#who');
    if (who) Consult.show(who, me.name);
    return me;
  },
};
