// 规划: a plan's text with every candidate target highlighted, edited and mapped to an indicator, then accepted.
import { get, call, describe, el, clear, signInBar, nav, unitPicker, cardLabels } from './api.js';

const $ = id => document.getElementById(id);
const state = { planId: null, text: '', candidates: [], indicators: [], unit: null, pickers: new Map() };

function message(text, ok = false) {
  $('message').className = 'message' + (ok ? ' ok' : '');
  $('message').textContent = text || '';
}

async function loadLists() {
  const [plans, indicators] = await Promise.all([get('/plans?size=100'), get('/indicators?size=500')]);
  const select = $('stored');
  while (select.options.length > 1) select.remove(1);
  if (plans.ok) for (const p of plans.body.items) select.append(el('option', { value: p.id }, p.title + '（' + p.period + '）'));
  state.indicators = indicators.ok ? indicators.body.items : [];
}

async function pickStored() {
  const id = $('stored').value;
  state.planId = id ? Number(id) : null;
  if (!id) return;
  const plan = await get('/plans/' + id);
  if (!plan.ok) { message(describe(plan)); return; }
  await state.unit.set(plan.body.orgUnitCode);
  $('period').value = plan.body.period;
  $('title').value = plan.body.title;
  $('text').value = plan.body.text;
}

async function extract(e) {
  e.preventDefault();
  state.text = $('text').value;
  if (!state.text.trim()) { message('请先粘贴工作要点，或选择已存的一份。'); return; }
  const year = ($('period').value.match(/^\d{4}/) || [])[0];
  const answer = state.planId
    ? await call('POST', '/plans/' + state.planId + '/extract')
    : await call('POST', '/extractions' + (year ? '?year=' + year : ''), { body: state.text, contentType: 'text/plain; charset=UTF-8' });
  if (!answer.ok) { message(describe(answer)); return; }
  message('找到 ' + answer.body.candidates.length + ' 个候选目标。请核对、勾选后接受。', true);
  state.candidates = answer.body.candidates.map((c, i) => ({ ...c, index: i }));
  state.pickers.clear();
  highlight();
  table();
}

/**
 * The text as text nodes with <mark> around each figure: markup in a plan can never become markup here. The API's
 * offsets count code points (a character outside the BMP, 𠀀 or an emoji, is one), JavaScript strings count UTF-16
 * units: the text is cut as an array of code points, or every mark after such a character would land off by one.
 */
function highlight() {
  const box = clear($('highlighted'));
  const points = Array.from(state.text);
  const cut = (from, to) => points.slice(from, to).join('');
  const spans = state.candidates.filter(c => Number.isInteger(c.start) && Number.isInteger(c.end)).sort((a, b) => a.start - b.start);
  let at = 0;
  for (const c of spans) {
    if (c.start < at) continue;
    box.append(cut(at, c.start));
    box.append(el('mark', { id: 'mark-' + c.index, title: c.sentence || '' }, cut(c.start, c.end)));
    at = c.end;
  }
  box.append(cut(at));
}

function indicatorSelect(c) {
  const select = el('select', { class: 'indicator', 'aria-label': '对应指标' }, el('option', { value: '' }, '新建指标'));
  for (const i of state.indicators) select.append(el('option', { value: i.code }, i.name + '（' + i.code + '）'));
  const same = state.indicators.find(i => i.name === c.name);
  if (same) select.value = same.code;
  return select;
}

function table() {
  const body = clear($('candidates').tBodies[0]);
  for (const c of state.candidates) {
    const tr = el('tr', { dataset: { index: c.index } },
      el('td', {}, el('input', { type: 'checkbox', class: 'pick', 'aria-label': '选中 ' + c.name, onchange: e => {
        const mark = $('mark-' + c.index); if (mark) mark.classList.toggle('chosen', e.target.checked); } })),
      el('td', {}, el('input', { class: 'name', value: c.name || '' })),
      el('td', {}, el('input', { class: 'small value', value: c.value === null ? '' : c.value, inputmode: 'decimal' })),
      el('td', {}, el('input', { class: 'small unit', value: c.unit || '', 'aria-label': '单位（新建指标用）' })),
      el('td', {}, el('input', { class: 'small period', value: c.period || '' })),
      el('td', {}, el('input', { class: 'small baseline-period', placeholder: '期间', value: c.baseline ? c.baseline.period : '' }),
        el('input', { class: 'small baseline-value', placeholder: '数值', value: c.baseline ? c.baseline.value : '' })),
      el('td', {}, unitCell(c)),
      el('td', {}, indicatorSelect(c), el('input', { class: 'small new-code', placeholder: '新指标代码' })));
    body.append(tr);
  }
  cardLabels($('candidates'));
}

/**
 * Whose target a candidate is: the plan's unit, or the unit the sentence names (县第一中学), picked from the tree. A
 * name the extractor found but nobody picked is sent as orgUnitName and resolved under the plan's unit.
 */
function unitCell(c) {
  const input = el('input', { class: 'name unit-pick', placeholder: '本单位', value: c.orgUnitName || '', 'aria-label': '目标归属单位' });
  const holder = el('div', {}, input);
  state.pickers.set(c.index, unitPicker(input));
  return holder;
}

function accepted(tr) {
  const c = state.candidates[Number(tr.dataset.index)];
  const name = tr.querySelector('.name').value.trim();
  const target = { name, value: tr.querySelector('.value').value.trim(), period: tr.querySelector('.period').value.trim() || undefined,
    sentence: c.sentence, note: c.note || undefined };
  const picker = state.pickers.get(c.index);
  const unitText = tr.querySelector('.unit-pick').value.trim();
  if (picker && picker.code()) target.orgUnitCode = picker.code();
  else if (unitText) target.orgUnitName = unitText;
  const bp = tr.querySelector('.baseline-period').value.trim();
  const bv = tr.querySelector('.baseline-value').value.trim();
  if (bp && bv) target.baseline = { period: bp, value: bv };
  const code = tr.querySelector('.indicator').value;
  if (code) target.indicatorCode = code;
  else target.indicator = { code: tr.querySelector('.new-code').value.trim(), name, unit: c.valueType === 'PERCENT' ? undefined : (tr.querySelector('.unit').value.trim() || undefined),
    valueType: c.valueType || 'DECIMAL', direction: c.direction || 'INCREASE', aggregation: c.valueType === 'PERCENT' ? 'LAST' : 'SUM', category: c.category || undefined };
  return target;
}

async function accept() {
  const rows = [...$('candidates').tBodies[0].rows].filter(tr => tr.querySelector('.pick').checked);
  if (!rows.length) { message('请先勾选要接受的目标。'); return; }
  if (!state.planId) {
    const stored = await call('POST', '/plans', { body: { orgUnitCode: state.unit.code() || $('org-unit').value.trim(), period: $('period').value.trim(),
      title: $('title').value.trim() || '工作要点', text: state.text } });
    if (!stored.ok) { message(describe(stored)); return; }
    state.planId = stored.body.id;
  }
  const answer = await call('POST', '/plans/' + state.planId + '/targets', { body: { targets: rows.map(accepted) } });
  const result = clear($('result'));
  for (const note of $('candidates').querySelectorAll('.row-problem')) note.remove();
  if (!answer.ok) {
    // "targets[1].orgUnitName: …" belongs to the second row sent: shown in that row, the rest beside the button.
    const rest = [];
    for (const e of (answer.body && answer.body.errors) || []) {
      const m = /^targets\[(\d+)\]\.?(.*)$/.exec(e.field || '');
      const tr = m && rows[Number(m[1])];
      if (tr) tr.lastElementChild.append(el('div', { class: 'field-error row-problem', role: 'alert' }, e.message));
      else rest.push(e.message);
    }
    result.append(el('span', { class: 'field-error', role: 'alert' }, describe(answer) + (rest.length ? '（' + rest.join('；') + '）' : '')));
    return;
  }
  message('已接受 ' + answer.body.targets.length + ' 个目标。', true);
  const q = new URLSearchParams({ orgUnit: state.unit.code() || $('org-unit').value.trim(), period: $('period').value.trim() });
  result.append(el('a', { class: 'link', id: 'to-board', href: '/board?' + q }, '到看板查看 →'));
  await loadLists();
}

async function start() {
  nav($('nav'));
  state.unit = unitPicker($('org-unit'));
  signInBar($('auth'), loadLists);
  await loadLists();
  $('stored').addEventListener('change', pickStored);
  $('source').addEventListener('submit', extract);
  $('accept').addEventListener('click', accept);
  $('text').addEventListener('input', () => { if (state.planId && $('stored').value) { $('stored').value = ''; state.planId = null; } });
}

start();
