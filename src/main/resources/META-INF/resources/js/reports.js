// 报告: ask for a 月报 (or 季报, 年报) as PDF, Excel or a web page, watch it being made, download it.
import { get, call, describe, el, clear, signInBar, nav, unitPicker, showProblem, cardLabels, download, whoAmI } from './api.js';

const $ = id => document.getElementById(id);
const state = { unit: null, timer: null };
const STATES = { QUEUED: '排队中', RUNNING: '生成中', DONE: '已完成', FAILED: '失败' };
const FORMATS = { pdf: 'PDF', xlsx: 'Excel', html: '网页' };

function message(box, text, ok = false) {
  box.className = 'message inline' + (ok ? ' ok' : '');
  box.textContent = text || '';
}

const when = t => (t ? new Date(t).toLocaleString('zh-CN', { hour12: false }) : '—');

/** Last month, the usual 月报. */
function lastMonth() {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');
}

async function load() {
  const answer = await get('/reports?size=50');
  const body = clear($('reports').tBodies[0]);
  if (!answer.ok) { message($('message'), describe(answer)); return; }
  message($('message'), answer.body.total ? '' : '还没有报告：在左边选择单位和期间后点“生成”。', !answer.body.total);
  let busy = false;
  for (const r of answer.body.items) {
    busy = busy || r.state === 'QUEUED' || r.state === 'RUNNING';
    const name = (r.title || r.orgUnitName + ' ' + r.period) + '.' + r.format;
    const get = r.state === 'DONE'
      ? el('button', { type: 'button', class: 'download', onclick: async () => {
        const done = await download('/reports/' + r.id + '/file', name);
        if (!done.ok) message($('message'), describe(done));
      } }, '下载')
      : r.state === 'FAILED' ? el('span', { class: 'warning' }, r.error || '') : null;
    body.append(el('tr', { dataset: { reportId: r.id, state: r.state } },
      el('td', {}, r.title || (r.orgUnitName + ' ' + r.period), el('div', { class: 'muted' }, r.period)),
      el('td', {}, FORMATS[r.format] || r.format),
      el('td', { class: 'state' }, STATES[r.state] || r.state),
      el('td', { class: 'n' }, r.asOfVersion ?? '—'),
      el('td', {}, r.requestedBy, el('div', { class: 'muted' }, when(r.createdAt))),
      el('td', {}, get)));
  }
  cardLabels($('reports'));
  clearTimeout(state.timer);
  if (busy) state.timer = setTimeout(load, 1500);
}

async function generate(e) {
  e.preventDefault();
  const form = $('report-form');
  const body = { orgUnitCode: state.unit.code(), period: $('period').value.trim() || null,
    format: $('format').value, dataStatus: $('data-status').value };
  const answer = await call('POST', '/reports', { body });
  if (showProblem(form, answer, $('form-message'))) return;
  message($('form-message'), '已提交，生成后可在右边下载。', true);
  load();
}

async function start() {
  nav($('nav'));
  state.unit = unitPicker($('org-unit'));
  $('period').value = lastMonth();
  signInBar($('auth'), async () => { const me = await whoAmI(); if (me && me.orgUnitCode) await state.unit.set(me.orgUnitCode); load(); });
  const me = await whoAmI();
  const q = new URLSearchParams(location.search);
  await state.unit.set(q.get('orgUnit') || (me && me.orgUnitCode) || null);
  if (q.get('period')) $('period').value = q.get('period');
  $('report-form').addEventListener('submit', generate);
  load();
}

start();
