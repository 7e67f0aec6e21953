// 协商督办: Cockpit plugins (Camunda 7.24 plugin API: plain ES modules listed in config.js customScripts)
// showing which consultations are stalled, where, why and who holds them. Data from the platform's
// /api/supervision endpoints, which share Cockpit's login session. Every text from the server is set
// as text, never parsed as HTML.
const API = '/api/supervision';
const PAGE_PATH = '/consult-supervision';
const SVG = 'http://www.w3.org/2000/svg';

function el(tag, attributes, ...children) {
  const node = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.substring(4)) : document.createElement(tag);
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
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.message || ('请求失败（' + response.status + '）'));
  return data;
}

function time(value) {
  if (!value) return '';
  const d = new Date(value);
  const p = n => String(n).padStart(2, '0');
  const bj = new Date(d.getTime() + (d.getTimezoneOffset() + 480) * 60000);
  return `${bj.getFullYear()}-${p(bj.getMonth() + 1)}-${p(bj.getDate())} ${p(bj.getHours())}:${p(bj.getMinutes())}`;
}

function holdersText(row) {
  if (!row.holders.length) return row.incidents.length ? '（流程异常，待管理员处理）' : '（系统自动推进中，无待办任务）';
  return [...new Set(row.holders.map(h => h.taskName + '：' + (h.assignee ? h.assigneeName
    : (h.candidateNames.length ? h.candidateNames.join('、') : '（无人认领）'))))].join('；');
}

/** Horizontal bars: running and overdue consultations per stage. */
function stageChart(stages) {
  const max = Math.max(1, ...stages.map(s => s.running));
  const rowHeight = 26, labelWidth = 110, barWidth = 360;
  const svg = el('svg:svg', { width: labelWidth + barWidth + 120, height: stages.length * rowHeight + 24,
    role: 'img', 'aria-label': '各阶段在办与逾期协商数' });
  stages.forEach((s, i) => {
    const y = i * rowHeight + 4;
    const running = Math.round(barWidth * s.running / max);
    const overdue = Math.round(barWidth * s.overdue / max);
    svg.append(
      el('svg:text', { x: labelWidth - 8, y: y + 15, 'text-anchor': 'end', 'font-size': 13 }, s.stageName),
      el('svg:rect', { x: labelWidth, y, width: running, height: 18, fill: '#9fb7d9' }),
      el('svg:rect', { x: labelWidth, y, width: overdue, height: 18, fill: '#b5152b' }),
      el('svg:text', { x: labelWidth + running + 6, y: y + 14, 'font-size': 12 },
        `${s.running}（逾期 ${s.overdue}）`));
  });
  const legendY = stages.length * rowHeight + 16;
  svg.append(
    el('svg:rect', { x: labelWidth, y: legendY - 9, width: 10, height: 10, fill: '#9fb7d9' }),
    el('svg:text', { x: labelWidth + 14, y: legendY, 'font-size': 12 }, '在办'),
    el('svg:rect', { x: labelWidth + 60, y: legendY - 9, width: 10, height: 10, fill: '#b5152b' }),
    el('svg:text', { x: labelWidth + 74, y: legendY, 'font-size': 12 }, '已逾期'));
  return svg;
}

function table(rows) {
  const head = ['协商编号', '议题', '所在地', '当前阶段', '办理环节与办理人', '在阶段天数', '逾期天数', '逾期成果事项', '流程异常'];
  return el('table', { class: 'table table-striped table-condensed consult-stalled' },
    el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.length ? rows.map(row => el('tr', { class: row.overdue ? 'danger' : null },
      el('td', {}, row.cockpitUrl ? el('a', { href: row.cockpitUrl, title: '在流程监控中查看该协商的流程实例' }, row.number)
        : row.number, row.emergency ? el('span', { class: 'label label-danger', style: 'margin-left:4px' }, '应急') : null),
      el('td', {}, row.title),
      el('td', {}, row.placePath),
      el('td', {}, row.stageName, el('div', { class: 'text-muted small' }, '时限 ' + time(row.stageDueAt))),
      el('td', {}, holdersText(row)),
      el('td', { class: 'text-right' }, row.daysInStage),
      el('td', { class: 'text-right' }, row.overdue ? el('strong', {}, row.daysOverdue) : '—'),
      el('td', {}, row.overdueItems.map(i => el('div', {},
        `${i.seq}. ${i.content}（${i.department ? i.department + '，' : ''}期限 ${i.dueOn}，逾期 ${i.daysOverdue} 天，`
        + `未完成：${i.pendingMechanisms.join('、')}）`))),
      el('td', { class: 'text-danger' }, row.incidents.join('；'))))
      : el('tr', {}, el('td', { colspan: head.length, class: 'text-muted' }, '没有符合条件的协商'))));
}

/** The full view: filters, table, pages, CSV export. */
async function renderView(node) {
  const status = el('div', { class: 'text-muted' }, '正在加载…');
  node.replaceChildren(el('div', { class: 'consult-supervision', style: 'padding:10px' }, status));
  let filters;
  try {
    filters = await getJson(API + '/filters');
  } catch (e) {
    status.textContent = e.message;
    return;
  }
  const state = { page: 0, size: 50 };
  const place = el('select', { class: 'form-control input-sm', name: 'place' },
    el('option', { value: '' }, '全部（我负责的地区）'), filters.places.map(p => el('option', { value: p.value }, p.label)));
  const level = el('select', { class: 'form-control input-sm', name: 'level' },
    el('option', { value: '' }, '全部层级'), filters.levels.map(l => el('option', { value: l.value }, l.label)));
  const stageBoxes = filters.stages.map(s => el('label', { class: 'checkbox-inline' },
    el('input', { type: 'checkbox', value: s.value }), s.label));
  const minOverdue = el('input', { type: 'number', min: 0, class: 'form-control input-sm', style: 'width:6em', name: 'minDaysOverdue' });
  const minInStage = el('input', { type: 'number', min: 0, class: 'form-control input-sm', style: 'width:6em', name: 'minDaysInStage' });
  const overdueOnly = el('input', { type: 'checkbox' });
  const search = el('input', { type: 'search', class: 'form-control input-sm', placeholder: '协商编号或议题', maxlength: 100 });
  const sort = el('select', { class: 'form-control input-sm' }, filters.sorts.map(s => el('option', { value: s.value }, s.label)));
  const desc = el('input', { type: 'checkbox' });
  const csv = el('a', { class: 'btn btn-default btn-sm', href: '#' }, '导出表格');
  const result = el('div', {});
  const pager = el('div', { class: 'form-inline' });

  function params() {
    const q = new URLSearchParams();
    if (place.value) q.set('place', place.value);
    if (level.value) q.set('level', level.value);
    stageBoxes.forEach(b => { const box = b.querySelector('input'); if (box.checked) q.append('stage', box.value); });
    if (minOverdue.value) q.set('minDaysOverdue', minOverdue.value);
    if (minInStage.value) q.set('minDaysInStage', minInStage.value);
    if (overdueOnly.checked) q.set('overdueOnly', 'true');
    if (search.value.trim()) q.set('q', search.value.trim());
    q.set('sort', sort.value);
    if (desc.checked) q.set('desc', 'true');
    return q;
  }

  async function load() {
    const q = params();
    csv.setAttribute('href', API + '/stalled.csv?' + q);
    q.set('page', state.page);
    q.set('size', state.size);
    status.textContent = '正在查询…';
    try {
      const page = await getJson(API + '/stalled?' + q);
      status.textContent = `共 ${page.total} 项协商`;
      result.replaceChildren(table(page.rows));
      const pages = Math.max(1, Math.ceil(page.total / page.size));
      pager.replaceChildren(
        el('button', { class: 'btn btn-default btn-sm', disabled: state.page === 0,
          onclick: () => { state.page--; load(); } }, '上一页'),
        el('span', { style: 'margin:0 8px' }, `第 ${state.page + 1} / ${pages} 页`),
        el('button', { class: 'btn btn-default btn-sm', disabled: state.page + 1 >= pages,
          onclick: () => { state.page++; load(); } }, '下一页'));
    } catch (e) {
      status.textContent = e.message;
      result.replaceChildren();
    }
  }

  const form = el('form', { class: 'form-inline', style: 'margin-bottom:10px',
    onsubmit: event => { event.preventDefault(); state.page = 0; load(); } },
    el('div', { style: 'margin-bottom:6px' },
      el('label', {}, '地点 ', place), ' ', el('label', {}, '层级 ', level), ' ',
      el('label', {}, '逾期至少 ', minOverdue, ' 天'), ' ', el('label', {}, '在阶段至少 ', minInStage, ' 天'), ' ',
      el('label', { class: 'checkbox-inline' }, overdueOnly, '只看逾期（阶段或成果事项）')),
    el('div', { style: 'margin-bottom:6px' }, el('span', {}, '阶段：'), stageBoxes),
    el('div', {}, search, ' ', el('label', {}, '排序 ', sort), ' ', el('label', { class: 'checkbox-inline' }, desc, '倒序'), ' ',
      el('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, '查询'), ' ', csv));
  node.firstChild.replaceChildren(el('h3', {}, '协商督办：停滞与逾期的协商'), form, status, result, pager);
  load();
}

async function renderDashboard(node) {
  const box = el('div', { class: 'consult-dashboard' }, el('div', { class: 'text-muted' }, '正在加载…'));
  node.replaceChildren(box);
  try {
    const summary = await getJson(API + '/summary');
    box.replaceChildren(
      el('p', {}, `在办协商 ${summary.running} 项，其中超过阶段时限 `, el('strong', { class: 'text-danger' }, summary.overdue),
        ' 项。 ', el('a', { href: '#' + PAGE_PATH }, '查看督办清单 »')),
      stageChart(summary.stages),
      el('h4', {}, '逾期最久的协商'),
      table(summary.mostOverdue));
  } catch (e) {
    box.replaceChildren(el('div', { class: 'text-muted' }, e.message));
  }
}

export default [
  {
    id: 'consult-supervision-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 50,
    properties: { label: '协商督办' },
    render: node => { renderDashboard(node); },
  },
  {
    id: 'consult-supervision-tab',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    // after Cockpit's own tabs: "Process Instances" stays what opens first
    priority: -10,
    properties: { label: '协商督办' },
    render: async (node, { api, processDefinitionId }) => {
      try {
        const definition = await getJson(`${api.engineApi}/process-definition/${encodeURIComponent(processDefinitionId)}`);
        if (definition.key !== 'Consultation') {
          node.replaceChildren(el('p', { class: 'text-muted', style: 'padding:10px' },
            '协商督办清单适用于“协商议事”流程；成果转化事项的逾期情况也列在该流程的督办清单中。'));
          return;
        }
      } catch (e) {
        // the engine API is Cockpit's own; if it cannot be read the view still shows every consultation
      }
      renderView(node);
    },
  },
  {
    id: 'consult-supervision-page',
    pluginPoint: 'cockpit.route',
    properties: { path: PAGE_PATH, label: '协商督办' },
    render: node => { renderView(node); },
  },
  {
    id: 'consult-supervision-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { pagePath: '#' + PAGE_PATH, label: '协商督办',
      checkActive: path => path.indexOf('#' + PAGE_PATH) > -1 },
    render: node => { node.replaceChildren(el('a', { href: '#' + PAGE_PATH }, '协商督办')); },
  },
];
