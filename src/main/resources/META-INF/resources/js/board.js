// 看板: one org unit's targets for a period, worst first, live. /board?orgUnit=CODE&period=2025 opens it directly.
import { get, call, describe, el, clear, num, follow, signInBar, nav, unitPicker, whoAmI, token, cardLabels, showProblem } from './api.js';

const STATUS = { ACHIEVED: '已完成', ON_TRACK: '正常', AT_RISK: '有风险', OFF_TRACK: '落后', MISSED: '未完成', NO_DATA: '无数据' };
const $ = id => document.getElementById(id);
const state = { orgUnit: null, period: null, asOf: null, dataStatus: 'all', etag: null, rows: [], selected: null, stop: null, chart: null, picker: null };
const COLUMNS = 11;

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
  state.dataStatus = q.get('dataStatus') === 'approved' ? 'approved' : 'all';
  $('data-status').value = state.dataStatus;
  if (q.get('large') === '1') document.body.classList.add('large');
  state.picker.set(state.orgUnit);
  $('period').value = state.period;
  $('as-of').value = state.asOf || '';
}

function writeQuery() {
  const q = new URLSearchParams({ orgUnit: state.orgUnit, period: state.period });
  if (state.asOf) q.set('asOf', state.asOf);
  if (state.dataStatus === 'approved') q.set('dataStatus', 'approved');
  if (document.body.classList.contains('large')) q.set('large', '1');
  history.replaceState(null, '', '/board?' + q);
}

async function load({ quiet = false } = {}) {
  if (!state.orgUnit) { message('请选择单位并填写期间（如 2026），然后点“打开”。'); return; }
  const q = new URLSearchParams({ orgUnit: state.orgUnit, period: state.period });
  if (state.asOf) q.set('asOf', state.asOf);
  if (state.dataStatus === 'approved') q.set('dataStatus', 'approved');
  const answer = await get('/dashboard?' + q, { headers: state.etag ? { 'If-None-Match': state.etag } : {} });
  if (answer.status === 304) return;
  if (!answer.ok) { state.etag = null; message(describe(answer)); clear($('counts')); clear($('rows').tBodies[0]); return; }
  state.etag = answer.headers.get('ETag');
  if (!quiet) message('');
  state.month = answer.body.asOf;
  render(answer.body);
  unexplained();
  asOfNote(answer.body.asOf);
  reporting(answer.body.asOf);
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
  cardLabels($('rows'));
  // The details panel lives in the table while open; a re-render put new rows in, so it waits outside until a click.
  if (!$('details').isConnected || !$('details').closest('tbody')) document.querySelector('main').append($('details'));
}

const SUBMISSION = { OPEN: '未上报', SUBMITTED: '待审核', APPROVED: '已通过', RETURNED: '已退回' };

/** The month counted: how far each child has reported it, and who still owes figures past their due date (催报). */
async function reporting(month) {
  if (!month || !state.orgUnit) return;
  $('reporting-title').textContent = month.replace('-', ' 年 ') + ' 月报送情况';
  const q = new URLSearchParams({ orgUnit: state.orgUnit, period: month });
  const [status, missing] = await Promise.all([get('/reporting-status?' + q), get('/reporting-status/missing?' + q + '&size=100')]);
  const body = clear($('reporting').tBodies[0]);
  if (!status.ok) { $('reporting-box').hidden = true; return; }
  $('reporting-box').hidden = status.body.summary.expected === 0;
  const pct = x => (x === null || x === undefined ? '—' : Math.round(Number(x) * 1000) / 10 + '%');
  for (const r of status.body.items.filter(r => r.expected > 0)) {
    body.append(el('tr', { dataset: { orgUnit: r.orgUnitCode } }, el('td', {}, r.name), el('td', { class: 'n' }, r.expected),
      el('td', { class: 'n' }, r.filled), el('td', { class: 'n' + (r.missing ? ' warning' : '') }, r.missing),
      el('td', {}, pct(r.completeness)), el('td', {}, SUBMISSION[r.submission] || r.submission)));
  }
  cardLabels($('reporting'));
  const chase = clear($('chase'));
  if (missing.ok) {
    for (const m of missing.body.items) chase.append(el('li', {}, m.path.join(' › ') + '：' + m.indicatorName + '（截止 ' + m.dueDate + '）'));
    if (!missing.body.items.length) chase.append(el('li', { class: 'muted' }, '没有逾期未报的数据。'));
    if (missing.body.total > missing.body.items.length) chase.append(el('li', { class: 'muted' }, '…共 ' + missing.body.total + ' 项，见审核页。'));
  }
}

function asOfNote(asOf) {
  if (!asOf) return;
  const explicit = !!state.asOf;
  $('as-of').value = asOf;
  $('as-of-note').textContent = '统计截至 ' + asOf.replace('-', ' 年 ') + ' 月底' + (explicit ? '' : '（上一个完整月份；本月数据还在填报中，不计入）') + '，同比与去年同期比较。';
}

/** A number with its unit: 9,200 人次; 75.3%; a percentage-point difference as 个百分点. */
function withUnit(value, p, { difference = false } = {}) {
  if (value === null || value === undefined) return '—';
  if (p.valueType === 'PERCENT') return num(value) + (difference ? ' 个百分点' : '%');
  return num(value) + (p.unit ? ' ' + p.unit : '');
}

/**
 * 完成率 as a bureau reads it. Higher is better: actual ÷ target. Lower is better (近视率, 事故数): the target is a cap,
 * so the page says how far below or above the cap the actual is, never "103 %" as if that were good. Keeping a level:
 * the distance from the target against the tolerance.
 */
function attainment(p) {
  if (p.actual === null || p.actual === undefined) return { text: '—' };
  if (p.direction === 'DECREASE') {
    if (p.attainment === null) return { text: Number(p.actual) <= Number(p.target) ? '未超上限' : '超出上限', bad: Number(p.actual) > Number(p.target) };
    const over = (Number(p.attainment) - 1) * 100;
    return over > 0 ? { text: '超出上限 ' + num(over, 1) + '%', bad: true } : { text: '低于上限 ' + num(-over, 1) + '%' };
  }
  if (p.direction === 'MAINTAIN') return { text: p.met ? '在允许范围内' : '超出允许范围', bad: !p.met };
  return { text: p.attainment === null ? '—' : num(Number(p.attainment) * 100, 1) + '%' };
}

/** 差距 in words: what is still missing for a target to rise or fall to, the distance for one kept level. */
function gap(p) {
  if (p.gap === null || p.gap === undefined) return '—';
  const g = Number(p.gap);
  if (p.direction === 'MAINTAIN') return (g > 0 ? '+' : '') + withUnit(p.gap, p, { difference: true });
  if (g <= 0) return '已达到';
  return (p.direction === 'DECREASE' ? '需再降 ' : '还差 ') + withUnit(p.gap, p, { difference: true });
}

function coverage(p) {
  if (p.source === 'REPORTED') return '本级填报';
  if (!p.coverage || !p.coverage.total) return '—';
  return p.coverage.reporting + '/' + p.coverage.total + ' 个下级已报';
}

function rowOf(p) {
  const expectedProgress = p.pace && p.progress !== null && Number(p.pace) !== 0 ? Number(p.progress) / Number(p.pace) : p.elapsed;
  const fill = p.progress !== null ? p.progress : p.attainment;
  const yoy = p.yoy && p.yoy.delta !== null && p.yoy.delta !== undefined
    ? (Number(p.yoy.delta) > 0 ? '+' : '') + withUnit(p.yoy.delta, p, { difference: true }) : '—';
  const done = attainment(p);
  const unitName = p.orgUnitCode !== state.orgUnit ? (state.names.get(p.orgUnitCode) || p.orgUnitCode) : null;
  const tr = el('tr', { dataset: { targetId: p.targetId, indicator: p.indicatorCode }, tabindex: 0,
    onclick: () => select(p), onkeydown: e => { if (e.key === 'Enter') select(p); } },
  el('td', {}, el('span', { class: 'status s-' + p.status }, STATUS[p.status] || p.status)),
  el('td', { class: 'name' }, p.indicatorName || p.indicatorCode,
    p.direction === 'DECREASE' ? el('span', { class: 'unit' }, '（越低越好）') : null,
    unitName ? el('div', { class: 'muted' }, unitName) : null,
    p.leadUnit ? el('div', { class: 'muted lead-unit' }, '责任单位：' + p.leadUnit) : null,
    el('span', { class: 'no-commentary warning', hidden: true }, '缺情况说明')),
  el('td', { class: 'n target' }, withUnit(p.target, p)),
  el('td', { class: 'n actual' }, withUnit(p.actual, p)),
  el('td', {}, el('div', { class: 'bar', title: '进度 ' + num(fill === null ? null : Number(fill) * 100, 1) + '%' },
    el('div', { class: 'fill ' + (percentClass('w', fill) || 'w0') }),
    percentClass('l', expectedProgress) ? el('div', { class: 'mark ' + percentClass('l', expectedProgress) }) : null)),
  el('td', { class: 'n gap' }, gap(p)),
  el('td', { class: 'n attainment' + (done.bad ? ' warning' : '') }, done.text),
  el('td', { class: 'n optional yoy' }, yoy),
  el('td', { class: 'n optional forecast' }, withUnit(p.forecast, p), p.forecastMet === false ? el('span', { class: 'warning' }, ' 预计未达') : null),
  el('td', { class: 'optional coverage' }, coverage(p)),
  el('td', {}, p.source === 'ROLLED_UP' || p.source === 'DERIVED' || p.coverage
    ? el('button', { type: 'button', class: 'link drill', onclick: e => { e.stopPropagation(); select(p); } }, '下级') : null));
  if (state.selected && state.selected.targetId === p.targetId) tr.classList.add('selected');
  return tr;
}

/** Opens the chart and the ranking right under the row clicked, where the eye already is. */
async function select(p, scroll = true) {
  state.selected = p;
  let clicked = null;
  for (const tr of $('rows').tBodies[0].rows) {
    const on = Number(tr.dataset.targetId) === p.targetId;
    tr.classList.toggle('selected', on);
    if (on) clicked = tr;
  }
  const details = $('details');
  if (clicked) {
    let holder = document.getElementById('detail-row');
    if (!holder) holder = el('tr', { id: 'detail-row', class: 'detail' }, el('td', { colspan: COLUMNS }));
    clicked.after(holder);
    holder.cells[0].append(details);
    details.hidden = false;
  }
  await Promise.all([chart(p), ranking(p), commentary(p)]);
  if (state.chart) state.chart.resize();
  if (scroll) details.scrollIntoView({ block: 'nearest' });
}

async function chart(p) {
  $('chart-title').textContent = '月度走势 · ' + (p.indicatorName || p.indicatorCode);
  const [series, target] = await Promise.all([get('/targets/' + p.targetId + '/series' + (state.dataStatus === 'approved' ? '?dataStatus=approved' : '')), get('/targets/' + p.targetId)]);
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

/**
 * Off-track, at-risk and missed targets without 情况说明 for the month counted get a mark: what the 月报 cannot
 * explain yet (GET /commentary/missing).
 */
async function unexplained() {
  if (!state.month) return;
  const q = new URLSearchParams({ orgUnit: state.orgUnit, period: state.month, size: 500 });
  const answer = await get('/commentary/missing?' + q);
  const missing = new Set(answer.ok ? answer.body.items.map(m => m.targetId) : []);
  for (const tr of $('rows').tBodies[0].rows) {
    const mark = tr.querySelector('.no-commentary');
    if (mark) mark.hidden = !missing.has(Number(tr.dataset.targetId));
  }
}

/** 情况说明 of the month counted: the latest version, and a form for those who may write it. */
async function commentary(p) {
  const box = clear($('commentary'));
  const month = state.month;
  $('commentary-title').textContent = '情况说明 · ' + month;
  if (!month) return;
  const path = '/targets/' + p.targetId + '/commentary/' + month;
  const current = await get(path);
  const field = (name, label, value) => el('label', {}, label,
    el('textarea', { name, rows: 2, maxlength: 4000, 'aria-label': label }, value || ''));
  const latest = current.ok ? current.body : {};
  const meta = el('p', { class: 'muted', id: 'commentary-meta' }, current.ok
    ? '第 ' + latest.revision + ' 版 · ' + (latest.updatedBy || '') + ' · ' + new Date(latest.updatedAt).toLocaleString('zh-CN')
    : current.status === 404 ? '本月还没有情况说明。' : describe(current));
  const note = el('div', { class: 'message inline', role: 'alert' });
  const form = el('form', { class: 'stack', id: 'commentary-form' },
    field('progress', '进展情况', latest.progress), field('problems', '存在问题', latest.problems),
    field('nextSteps', '下步措施', latest.nextSteps),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'commentary-save' }, '保存说明')), note);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = Object.fromEntries(['progress', 'problems', 'nextSteps'].map(n => [n, form.elements[n].value.trim() || null]));
    const answer = await call('PUT', path, { body });
    if (showProblem(form, answer, note)) return;
    note.className = 'message inline ok';
    note.textContent = answer.status === 201 ? '已保存（第 ' + answer.body.revision + ' 版）' : '内容没有变化';
    meta.textContent = '第 ' + answer.body.revision + ' 版 · ' + (answer.body.updatedBy || '') + ' · ' + new Date(answer.body.updatedAt).toLocaleString('zh-CN');
    unexplained();
  });
  box.append(meta, form);
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
  if (state.dataStatus === 'approved') q.set('dataStatus', 'approved');
  const answer = await get('/rankings?' + q);
  if (!answer.ok) { box.append(el('p', { class: 'muted' }, describe(answer))); return; }
  $('ranking-title').textContent = '下级排名 · ' + (p.indicatorName || p.indicatorCode) + ' · ' + (TYPE_NAMES[type] || type);
  const table = el('table', { id: 'ranking-table' }, el('thead', {}, el('tr', {}, el('th', {}, '名次'), el('th', {}, '单位'), el('th', { class: 'n' }, '数值'), el('th', {}, ''))));
  const body = el('tbody');
  for (const item of answer.body.items) {
    body.append(el('tr', { dataset: { orgUnit: item.orgUnitCode } },
      el('td', { class: 'n' }, item.rank === null ? '—' : item.rank),
      el('td', {}, item.name || item.orgUnitCode),
      el('td', { class: 'n value' }, withUnit(item.value, p)),
      el('td', {}, el('a', { class: 'link drill-down', href: boardLink(item.orgUnitCode) }, '打开'))));
  }
  table.append(body);
  box.append(table);
  if (!answer.body.items.length) box.append(el('p', { class: 'muted' }, '没有下级单位。'));
}

const TYPE_NAMES = { PREFECTURE: '市州', COUNTY: '县', DISTRICT: '区', TOWNSHIP: '学区', SCHOOL: '学校', KINDERGARTEN: '幼儿园', TEACHING_POINT: '教学点' };
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
  if (state.dataStatus === 'approved') q.set('dataStatus', 'approved');
  return '/board?' + q;
}

async function breadcrumb() {
  const box = clear($('breadcrumb'));
  const unit = await get('/org-units/' + encodeURIComponent(state.orgUnit));
  if (!unit.ok) return;
  box.append(el('b', {}, unit.body.name), '　');
  if (unit.body.parentCode) {
    const parent = await get('/org-units/' + encodeURIComponent(unit.body.parentCode));
    // A parent outside the caller's subtree is not shown at all.
    if (parent.ok) box.append(el('a', { class: 'link', id: 'up', href: boardLink(unit.body.parentCode) }, '↑ 上级：' + parent.body.name));
  }
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
      $('live').textContent = token() ? '登录已失效（令牌已吊销或过期），实时更新已停止；请重新登录' : '未登录：登录后看板会实时更新';
      $('live').classList.add('warn');
    }
  });
}

async function start() {
  nav($('nav'));
  state.names = new Map();
  state.picker = unitPicker($('org-unit'));
  signInBar($('auth'), async () => { state.etag = null; await defaultUnit(); load(); live(); });
  readQuery();
  await defaultUnit();
  $('pick').addEventListener('submit', e => {
    e.preventDefault();
    state.orgUnit = state.picker.code() || $('org-unit').value.trim();
    state.period = $('period').value.trim();
    state.asOf = $('as-of').value.trim() || null;
    state.dataStatus = $('data-status').value;
    state.etag = null;
    $('details').hidden = true;
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

/** Without a unit in the address, the board opens the signed-in token's own unit. */
async function defaultUnit() {
  if (state.orgUnit) return;
  const me = await whoAmI();
  if (me && me.orgUnitCode) { state.orgUnit = me.orgUnitCode; await state.picker.set(me.orgUnitCode); writeQuery(); }
}

start();
