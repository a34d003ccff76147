// 目标: the targets of one unit and period as an editable table; every row saves itself (POST or PUT) and shows its
// problems beside its own inputs.
import { get, call, describe, el, clear, signInBar, nav, unitPicker, showProblem, cardLabels, whoAmI } from './api.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const $ = id => document.getElementById(id);
const state = { unit: null, period: null, indicators: [] };

function message(text, ok = false) {
  $('message').className = 'message' + (ok ? ' ok' : '');
  $('message').textContent = text || '';
}

async function indicators() {
  const answer = await get('/indicators?size=500');
  state.indicators = answer.ok ? answer.body.items : [];
}

function nameOf(code) {
  const i = state.indicators.find(x => x.code === code);
  return i ? i.name + '（' + i.unit + '）' : code;
}

async function load() {
  const code = state.unit.code();
  state.period = $('period').value.trim();
  if (!code || !state.period) { message('请选择单位并填写年度，然后点“打开”。'); return; }
  history.replaceState(null, '', '/setup/targets?' + new URLSearchParams({ orgUnit: code, period: state.period }));
  $('to-board').href = '/board?' + new URLSearchParams({ orgUnit: code, period: state.period });
  await indicators();
  const answer = await get('/targets?' + new URLSearchParams({ orgUnit: code, period: state.period, size: 500 }));
  const body = clear($('targets').tBodies[0]);
  if (!answer.ok) { message(describe(answer)); return; }
  message(answer.body.total ? '' : '这个单位在该期间还没有目标：在最后一行添加。', !answer.body.total);
  for (const t of answer.body.items.filter(t => t.orgUnitCode === code)) body.append(rowOf(t));
  body.append(rowOf(null));
  cardLabels($('targets'));
}

function rowOf(t) {
  const indicator = t
    ? el('span', {}, nameOf(t.indicatorCode))
    : el('select', { name: 'indicatorCode', class: 'indicator', 'aria-label': '指标' },
      el('option', { value: '' }, '选择指标…'), state.indicators.map(i => el('option', { value: i.code }, i.name + '（' + i.unit + '）')));
  const input = (name, value, size, label) => el('input', { name, value: value ?? '', size, 'aria-label': label, inputmode: name.includes('period') ? null : 'decimal' });
  const period = input('period', t ? t.period : state.period, 9, '期间');
  const value = input('value', t ? t.value : '', 8, '目标值');
  const baselinePeriod = input('baseline.period', t && t.baseline ? t.baseline.period : '', 8, '基线期间');
  const baselineValue = input('baseline.value', t && t.baseline ? t.baseline.value : '', 8, '基线值');
  const tolerance = input('tolerance', t ? t.tolerance : '', 5, '容差');
  const title = el('input', { name: 'title', value: t && t.title ? t.title : '', size: 16, 'aria-label': '标题' });
  const leadUnit = el('input', { name: 'leadUnit', value: t && t.leadUnit ? t.leadUnit : '', size: 10, 'aria-label': '责任单位' });
  const coUnits = el('input', { name: 'coUnits', value: t && t.coUnits ? t.coUnits.join('、') : '', size: 10, 'aria-label': '协办单位', placeholder: '用、分隔' });
  const responsible = el('input', { name: 'responsible', value: t && t.responsible ? t.responsible : '', size: 6, 'aria-label': '责任人' });
  const note = el('div', { class: 'message inline', role: 'alert' });
  const save = el('button', { type: 'button', class: 'save' }, t ? '保存' : '添加');
  const remove = t ? el('button', { type: 'button', class: 'secondary remove' }, '删除') : null;
  const tr = el('tr', { dataset: { targetId: t ? t.id : '' } },
    el('td', {}, indicator), el('td', {}, period), el('td', { class: 'n' }, value), el('td', {}, baselinePeriod),
    el('td', { class: 'n' }, baselineValue), el('td', { class: 'n' }, tolerance), el('td', {}, title),
    el('td', {}, leadUnit), el('td', {}, coUnits), el('td', {}, responsible),
    el('td', {}, save, ' ', remove, note));
  // Each row is its own little form: its problems land beside its own inputs (showProblem looks inside the row).
  const orNull = v => (v.trim() === '' ? null : v.trim());
  save.addEventListener('click', async () => {
    const body = {
      indicatorCode: t ? t.indicatorCode : indicator.value || null, orgUnitCode: state.unit.code(),
      period: orNull(period.value), value: orNull(value.value), tolerance: orNull(tolerance.value),
      baseline: orNull(baselinePeriod.value) || orNull(baselineValue.value) ? { period: orNull(baselinePeriod.value), value: orNull(baselineValue.value) } : null,
      milestones: t ? t.milestones : [], title: orNull(title.value), source: t ? t.source : null, note: t ? t.note : null, planId: t ? t.planId : null,
      leadUnit: orNull(leadUnit.value), responsible: orNull(responsible.value),
      coUnits: coUnits.value.split(/[、，,;；]/).map(x => x.trim()).filter(x => x),
    };
    const answer = t ? await call('PUT', '/targets/' + t.id, { body }) : await call('POST', '/targets', { body });
    if (showProblem(tr, answer, note)) return;
    note.className = 'message inline ok';
    note.textContent = t ? '已保存' : '已添加';
    if (!t) load();
  });
  if (remove) {
    remove.addEventListener('click', async () => {
      if (!confirm('删除这个目标？已填报的数据不会删除。')) return;
      const answer = await call('DELETE', '/targets/' + t.id);
      if (!answer.ok) { note.textContent = describe(answer); return; }
      load();
    });
  }
  return tr;
}

/** Uploads a 目标表: each row checked like the table's own rows; the problems listed with their Excel row number. */
async function importTargets(dryRun) {
  const file = $('targets-file').files[0];
  const box = $('import-message');
  const result = clear($('import-result'));
  box.className = 'message inline';
  if (!file) { box.textContent = '请先选择文件（xlsx 或 csv）。'; return; }
  const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv; charset=utf-8' : XLSX;
  const q = new URLSearchParams({ dryRun, atomic: $('targets-atomic').checked });
  const answer = await call('POST', '/targets/batch?' + q, { body: file, contentType: type });
  if (!answer.body || answer.body.received === undefined) { box.textContent = describe(answer); return; }
  const s = answer.body;
  box.className = 'message inline' + (s.status === 'ERROR' ? '' : ' ok');
  box.textContent = (s.status === 'ERROR' ? '有错误，整份未导入' : dryRun ? '检查完毕（未写入）' : '已导入') + '：共 ' + s.received + ' 行，新增 ' + s.created + '，未通过 ' + s.rejected;
  if (s.conflicts.length) {
    const table = el('table', { id: 'targets-conflicts', class: 'cards' },
      el('thead', {}, el('tr', {}, el('th', {}, '行'), el('th', {}, '列'), el('th', {}, '内容'), el('th', {}, '原因'))));
    const body = el('tbody');
    for (const c of s.conflicts) body.append(el('tr', { class: 'conflict' }, el('td', { class: 'n' }, c.index + 2),
      el('td', {}, c.field || ''), el('td', {}, c.value || ''), el('td', {}, c.message)));
    table.append(body);
    result.append(table);
    cardLabels(table);
  }
  if (!dryRun && s.created) load();
}

function headerFile() {
  const csv = '\uFEFF指标代码,单位代码,期间,目标值,基线期间,基线值,容差,标题,责任单位,协办单位,责任人\r\n';
  const a = el('a', { href: URL.createObjectURL(new Blob([csv], { type: 'text/csv' })), download: '目标表.csv' });
  document.body.append(a);
  a.click();
  a.remove();
}

async function start() {
  nav($('nav'));
  state.unit = unitPicker($('org-unit'));
  const q = new URLSearchParams(location.search);
  $('period').value = q.get('period') || String(new Date().getFullYear());
  signInBar($('auth'), async () => { const me = await whoAmI(); if (!state.unit.code() && me && me.orgUnitCode) await state.unit.set(me.orgUnitCode); load(); });
  const me = await whoAmI();
  await state.unit.set(q.get('orgUnit') || (me && me.orgUnitCode) || null);
  $('pick').addEventListener('submit', e => { e.preventDefault(); load(); });
  $('targets-dry-run').addEventListener('click', () => importTargets(true));
  $('targets-import').addEventListener('click', () => importTargets(false));
  $('targets-template').addEventListener('click', headerFile);
  load();
}

start();
