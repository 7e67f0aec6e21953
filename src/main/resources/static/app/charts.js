// Plain SVG charts for the staff pages: built with DOM calls (labels are text nodes, never HTML).
'use strict';

const Charts = {
  svg(tag, attributes, ...children) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attributes || {}).forEach(([k, v]) => v !== undefined && v !== null && node.setAttribute(k, v));
    children.flat().forEach(c => c !== undefined && c !== null
      && node.appendChild(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  },

  /** Horizontal bars: [{label, value, note}], one row each, scaled to the largest (or options.max). */
  bars(rows, options = {}) {
    const max = options.max || Math.max(1, ...rows.map(r => r.value || 0));
    const labelWidth = options.labelWidth || 120, barWidth = options.barWidth || 320, rowHeight = 24;
    const chart = Charts.svg('svg', { viewBox: `0 0 ${labelWidth + barWidth + 110} ${rows.length * rowHeight + 6}`,
      class: 'chart', role: 'img', 'aria-label': options.title || '' });
    rows.forEach((r, i) => {
      const y = i * rowHeight + 3, width = Math.round(barWidth * (r.value || 0) / max);
      chart.append(
        Charts.svg('text', { x: labelWidth - 6, y: y + 14, 'text-anchor': 'end' }, r.label),
        Charts.svg('rect', { x: labelWidth, y, width, height: 17, fill: r.color || options.color || '#5b7fb5' }),
        Charts.svg('text', { x: labelWidth + width + 5, y: y + 14 }, r.note !== undefined ? r.note : r.value));
    });
    return chart;
  },

  /** A ring of parts [{label, value, color}] with a legend; the centre shows options.centre. */
  donut(parts, options = {}) {
    const total = parts.reduce((s, p) => s + (p.value || 0), 0);
    const r = 52, c = 2 * Math.PI * r;
    const chart = Charts.svg('svg', { viewBox: '0 0 320 130', class: 'chart donut', role: 'img',
      'aria-label': options.title || '' });
    let offset = 0;
    chart.append(Charts.svg('circle', { cx: 65, cy: 65, r, fill: 'none', stroke: '#eee', 'stroke-width': 22 }));
    parts.forEach(p => {
      if (!total || !p.value) return;
      const length = c * p.value / total;
      chart.append(Charts.svg('circle', { cx: 65, cy: 65, r, fill: 'none', stroke: p.color, 'stroke-width': 22,
        'stroke-dasharray': `${length} ${c - length}`, 'stroke-dashoffset': -offset, transform: 'rotate(-90 65 65)' }));
      offset += length;
    });
    chart.append(Charts.svg('text', { x: 65, y: 70, 'text-anchor': 'middle', 'font-weight': 600 },
      options.centre !== undefined ? options.centre : total));
    parts.forEach((p, i) => chart.append(
      Charts.svg('rect', { x: 145, y: 18 + i * 22, width: 12, height: 12, fill: p.color }),
      Charts.svg('text', { x: 163, y: 29 + i * 22 }, `${p.label} ${p.value}`)));
    return chart;
  },

  /** 0.756 → 75.6%; null → — */
  percent(rate) {
    return rate === null || rate === undefined ? '—' : (Math.round(rate * 1000) / 10) + '%';
  },
};
