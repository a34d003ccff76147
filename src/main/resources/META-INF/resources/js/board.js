// 看板: one org unit's targets for a period, worst first, live. /board?orgUnit=CODE&period=2025 opens it directly.
import { get, describe, el, clear, num, follow, signInBar } from './api.js';

const STATUS = { ACHIEVED: '已完成', ON_TRACK: '正常', AT_RISK: '有风险', OFF_TRACK: '落后', MISSED: '未完成', NO_DATA: '无数据' };
const $ = id => document.getElementById(id);
const state = { orgUnit: null, period: null, asOf: null, etag: null, rows: [], selected: null, stop: null, chart: null };

function percentClass(prefix, fraction) {
  if (fraction === null || fraction === undefined || !Number.isFinite(Number(fraction))) return null;
  const p = Math.max(0, Math.min(1, Number(fraction)));
  return prefix + Math.round(p * 20) * 5;
}

function message(text, ok = false) {
  const box = $('message');
  box.className = 'message' + (ok ? ' ok' : '');
  box.textContent = text || '';
}

function readQuery() {
  const q = new URLSearchParams(location.search);
  state.orgUnit = q.get('orgUnit');
  state.period = q.get('period') || String(new Date().getFullYear());
  state.asOf = q.get('asOf');
  if (q.get('large') === '1') document.body.classList.add('large');
  $('org-unit').value = state.orgUnit || '';
  $('period').value = state.period;
  $('as-of').value = state.asOf || '';
}

function writeQuery() {
  const q = new URLSearchParams({ orgUnit: state.orgUnit, period: state.period });
  if (state.asOf) q.set('asOf', state.asOf);
  if (document.body.classList.contains('large')) q.set('large', '1');
  history.replaceState(null, '', '/board?' + q);
}

async function load({ quiet = false } = {}) {
  if (!state.orgUnit) { message('请输入单位代码和期间，然后点“打开”。'); return; }
  const q = new URLSearchParams({ orgUnit: state.orgUnit, period: state.period });
  if (state.asOf) q.set('asOf', state.asOf);
  const answer = await get('/dashboard?' + q, { headers: state.etag ? { 'If-None-Match': state.etag } : {} });
  if (answer.status === 304) return;
  if (!answer.ok) { state.etag = null; message(describe(answer)); clear($('counts')); clear($('rows').tBodies[0]); return; }
  state.etag = answer.headers.get('ETag');
  if (!quiet) message('');
  render(answer.body);
  breadcrumb();
  if (state.selected) {
    const again = state.rows.find(r => r.targetId === state.selected.targetId);
    if (again) select(again, false);
  }
}

function render(dashboard) {
  const counts = clear($('counts'));
  counts.append(el('div', { class: 'count', id: 'count-total' }, el('b', {}, dashboard.counts.total), '个目标'));
  for (const status of Object.keys(STATUS)) {
    counts.append(el('div', { class: 'count', id: 'count-' + status },
      el('b', {}, dashboard.counts[status]), el('span', { class: 'status s-' + status }, STATUS[status])));
  }
  state.rows = dashboard.targets;
  const body = clear($('rows').tBodies[0]);
  if (!dashboard.targets.length) body.append(el('tr', {}, el('td', { colspan: 11, class: 'muted' }, '该期间没有目标。')));
  for (const row of dashboard.targets) body.append(rowOf(row));
}

function rowOf(p) {
  const expectedProgress = p.pace && p.progress !== null && Number(p.pace) !== 0 ? Number(p.progress) / Number(p.pace) : p.elapsed;
  const fill = p.progress !== null ? p.progress : p.attainment;
  const coverage = p.coverage ? p.coverage.reporting + '/' + p.coverage.total + ' 所学校已报' : (p.source === 'REPORTED' ? '本级填报' : '—');
  const yoy = p.yoy && p.yoy.delta !== null && p.yoy.delta !== undefined
    ? (Number(p.yoy.delta) > 0 ? '+' : '') + num(p.yoy.delta) + (p.yoy.deltaUnit === 'pp' ? ' 个百分点' : '') : '—';
  const tr = el('tr', { dataset: { targetId: p.targetId, indicator: p.indicatorCode }, tabindex: 0,
    onclick: () => select(p), onkeydown: e => { if (e.key === 'Enter') select(p); } },
  el('td', {}, el('span', { class: 'status s-' + p.status }, STATUS[p.status] || p.status)),
  el('td', { class: 'name' }, p.indicatorName || p.indicatorCode, p.orgUnitCode !== state.orgUnit ? el('span', { class: 'muted' }, ' · ' + p.orgUnitCode) : null),
  el('td', { class: 'n target' }, num(p.target), p.unit && p.valueType !== 'PERCENT' ? ' ' + p.unit : (p.valueType === 'PERCENT' ? '%' : '')),
  el('td', { class: 'n actual' }, num(p.actual)),
  el('td', {}, el('div', { class: 'bar', title: '进度 ' + num(fill === null ? null : Number(fill) * 100, 1) + '%' },
    el('div', { class: 'fill ' + (percentClass('w', fill) || 'w0') }),
    percentClass('l', expectedProgress) ? el('div', { class: 'mark ' + percentClass('l', expectedProgress) }) : null)),
  el('td', { class: 'n gap' }, num(p.gap)),
  el('td', { class: 'n attainment' }, p.attainment === null ? '—' : num(Number(p.attainment) * 100, 1) + '%'),
  el('td', { class: 'n optional yoy' }, yoy),
  el('td', { class: 'n optional forecast' }, num(p.forecast), p.forecastMet === false ? el('span', { class: 'warning' }, ' 预计未达') : null),
  el('td', { class: 'optional coverage' }, coverage),
  el('td', {}, p.source === 'ROLLED_UP' || p.source === 'DERIVED' || p.coverage
    ? el('button', { type: 'button', class: 'link drill', onclick: e => { e.stopPropagation(); select(p); } }, '下级') : null));
  if (state.selected && state.selected.targetId === p.targetId) tr.classList.add('selected');
  return tr;
}

async function select(p, scroll = true) {
  state.selected = p;
  for (const tr of $('rows').tBodies[0].rows) tr.classList.toggle('selected', Number(tr.dataset.targetId) === p.targetId);
  await Promise.all([chart(p), ranking(p)]);
  if (scroll) $('chart').scrollIntoView({ block: 'nearest' });
}

async function chart(p) {
  $('chart-title').textContent = '月度走势 · ' + (p.indicatorName || p.indicatorCode);
  const [series, target] = await Promise.all([get('/targets/' + p.targetId + '/series'), get('/targets/' + p.targetId)]);
  if (!series.ok) { clear($('chart')).append(el('p', { class: 'muted' }, describe(series))); return; }
  if (!window.echarts) return;
  const cumulative = p.aggregation === 'SUM';
  const points = series.body;
  // A milestone is due at the end of its period (2025-H1 → 2025-06): marked on that month.
  const milestoneEnds = new Map(((target.ok && target.body.milestones) || []).map(m => [lastMonth(m.period), m.value]));
  if (!state.chart || state.chart.getDom() !== $('chart')) state.chart = window.echarts.init($('chart'));
  state.chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: ['实际', '应达', '去年同期', '预测'] },
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: points.map(x => x.period) },
    yAxis: { type: 'value', scale: true },
    series: [
      { name: '实际', type: 'line', data: points.map(x => cumulative ? x.cumulative : x.value),
        markPoint: { symbol: 'pin', data: points.filter(x => milestoneEnds.has(x.period))
          .map(x => ({ name: '里程碑', coord: [x.period, milestoneEnds.get(x.period)], value: num(milestoneEnds.get(x.period)) })) } },
      { name: '应达', type: 'line', lineStyle: { type: 'dashed' }, data: points.map(x => x.expected) },
      { name: '去年同期', type: 'line', lineStyle: { type: 'dotted' }, data: points.map(x => cumulative ? x.previousYearCumulative : x.previousYearValue) },
      { name: '预测', type: 'line', lineStyle: { type: 'dashed', opacity: 0.6 }, data: points.map(x => x.forecast) },
    ],
  }, true);
}

/** The last month of a period in the API's syntax: 2025, 2025-H1, 2025-Q3, 2025-03. */
function lastMonth(period) {
  const m = /^(\d{4})(?:-(H|Q)?(\d{1,2}))?$/.exec(period);
  if (!m) return period;
  const month = !m[3] ? 12 : m[2] === 'H' ? Number(m[3]) * 6 : m[2] === 'Q' ? Number(m[3]) * 3 : Number(m[3]);
  return m[1] + '-' + String(month).padStart(2, '0');
}

async function ranking(p) {
  const box = clear($('ranking'));
  $('ranking-title').textContent = '下级排名 · ' + (p.indicatorName || p.indicatorCode);
  const type = await childType(p.orgUnitCode);
  if (!type) { box.append(el('p', { class: 'muted' }, '没有下级单位。')); return; }
  const q = new URLSearchParams({ indicator: p.indicatorCode, parent: p.orgUnitCode, type, period: state.period, size: 500 });
  if (state.asOf) q.set('asOf', state.asOf);
  const answer = await get('/rankings?' + q);
  if (!answer.ok) { box.append(el('p', { class: 'muted' }, describe(answer))); return; }
  const table = el('table', { id: 'ranking-table' }, el('thead', {}, el('tr', {}, el('th', {}, '名次'), el('th', {}, '单位'), el('th', { class: 'n' }, '数值'), el('th', {}, ''))));
  const body = el('tbody');
  for (const item of answer.body.items) {
    body.append(el('tr', { dataset: { orgUnit: item.orgUnitCode } },
      el('td', { class: 'n' }, item.rank === null ? '—' : item.rank),
      el('td', {}, item.name || item.orgUnitCode),
      el('td', { class: 'n value' }, num(item.value)),
      el('td', {}, el('a', { class: 'link drill-down', href: boardLink(item.orgUnitCode) }, '打开'))));
  }
  table.append(body);
  box.append(table);
  if (!answer.body.items.length) box.append(el('p', { class: 'muted' }, '没有下级单位。'));
}

const childTypes = new Map();
/** The type of a unit's direct children (a county's schools): what its drill-down ranks. */
async function childType(code) {
  if (!childTypes.has(code)) {
    const children = await get('/org-units?' + new URLSearchParams({ parent: code, size: 1 }));
    childTypes.set(code, children.ok && children.body.items.length ? children.body.items[0].type : null);
  }
  return childTypes.get(code);
}

function boardLink(code) {
  const q = new URLSearchParams({ orgUnit: code, period: state.period });
  if (state.asOf) q.set('asOf', state.asOf);
  return '/board?' + q;
}

async function breadcrumb() {
  const box = clear($('breadcrumb'));
  const unit = await get('/org-units/' + encodeURIComponent(state.orgUnit));
  if (!unit.ok) return;
  box.append(el('span', { class: 'muted' }, (unit.body.name || unit.body.code) + '　'));
  if (unit.body.parentCode) box.append(el('a', { class: 'link', id: 'up', href: boardLink(unit.body.parentCode) }, '↑ 上级：' + unit.body.parentCode));
}

function live() {
  if (state.stop) state.stop();
  let timer = null;
  $('live').textContent = '正在连接实时更新…';
  $('live').classList.remove('warn');
  state.stop = follow('/changes/stream', () => {
    clearTimeout(timer);
    timer = setTimeout(() => load({ quiet: true }).then(() => { $('live').textContent = '已更新 ' + new Date().toLocaleTimeString('zh-CN'); }), 300);
  }, {
    onOpen: () => { if (!$('live').textContent.startsWith('已更新')) $('live').textContent = '实时更新中'; },
    onEnd: () => {
      clearTimeout(timer);
      $('live').textContent = '登录已失效（令牌已吊销或过期），实时更新已停止；请重新登录';
      $('live').classList.add('warn');
    }
  });
}

function start() {
  signInBar($('auth'), () => { state.etag = null; load(); live(); });
  readQuery();
  $('pick').addEventListener('submit', e => {
    e.preventDefault();
    state.orgUnit = $('org-unit').value.trim();
    state.period = $('period').value.trim();
    state.asOf = $('as-of').value.trim() || null;
    state.etag = null;
    state.selected = null;
    writeQuery();
    load();
  });
  $('large').addEventListener('click', () => { document.body.classList.toggle('large'); writeQuery(); if (state.chart) state.chart.resize(); });
  window.addEventListener('resize', () => state.chart && state.chart.resize());
  load();
  live();
  // A poll as well: a proxy that cuts the stream must not leave the board stale; a 304 costs one version check.
  setInterval(() => load({ quiet: true }), 30000);
}

start();
