// 指标库: every indicator, and a form for one with its formula; each field's problem shown beside it.
import { get, call, describe, el, clear, signInBar, nav, showProblem, clearProblems, cardLabels } from './api.js';

const $ = id => document.getElementById(id);
const FREQUENCY = { MONTHLY: '每月', QUARTERLY: '每季度', HALF_YEARLY: '每半年', YEARLY: '每年' };
const ROLLUP = { SUM: '相加', AVERAGE: '平均', MIN: '最小', MAX: '最大', NONE: '不汇总' };
const state = { editing: null, all: [] };

function message(box, text, ok = false) {
  box.className = 'message inline' + (ok ? ' ok' : '');
  box.textContent = text || '';
}

async function load() {
  const answer = await get('/indicators?size=500');
  const body = clear($('indicators').tBodies[0]);
  if (!answer.ok) { message($('message'), describe(answer)); return; }
  message($('message'), answer.body.total ? '' : '还没有指标：在右侧新建。比率类指标（如本科上线率）先建分子、分母两个指标，再用公式建比率。');
  state.all = answer.body.items;
  for (const i of state.all) {
    body.append(el('tr', { dataset: { code: i.code } },
      el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => edit(i) }, i.name),
        el('div', { class: 'muted' }, i.code + (i.formula ? ' · 公式计算' : ''))),
      el('td', {}, i.unit), el('td', {}, FREQUENCY[i.frequency] || i.frequency),
      el('td', {}, i.formula ? '按公式' : ROLLUP[i.rollup] || i.rollup), el('td', {}, i.category || '')));
  }
  cardLabels($('indicators'));
  const components = state.all.filter(i => !i.formula && i.valueType !== 'PERCENT');
  for (const select of [$('numerator'), $('denominator')]) {
    const kept = select.value;
    clear(select).append(el('option', { value: '' }, '请选择'));
    for (const i of components) select.append(el('option', { value: i.code }, i.name + '（' + i.unit + '）'));
    select.value = kept;
  }
}

function kind() {
  return document.querySelector('input[name="formula-kind"]:checked').value;
}

function showKind() {
  $('ratio').hidden = kind() !== 'ratio';
}

function edit(i) {
  state.editing = i;
  clearProblems($('indicator-form'));
  message($('form-message'), '');
  $('form-title').textContent = i ? '修改：' + i.name : '新建指标';
  $('name').value = i ? i.name : '';
  $('code').value = i ? i.code : '';
  $('code').readOnly = !!i;
  $('value-type').value = i ? i.valueType : 'INTEGER';
  $('unit').value = i ? i.unit : '';
  $('direction').value = i ? i.direction : 'INCREASE';
  $('aggregation').value = i ? i.aggregation : 'SUM';
  $('frequency').value = i ? i.frequency : 'MONTHLY';
  $('rollup').value = i ? i.rollup : '';
  const ratio = i && i.formula && i.formula.numerator;
  document.querySelector('input[name="formula-kind"][value="' + (ratio ? 'ratio' : 'none') + '"]').checked = true;
  $('numerator').value = ratio ? i.formula.numerator : '';
  $('denominator').value = ratio ? i.formula.denominator : '';
  $('factor').value = ratio && i.formula.factor ? i.formula.factor : '';
  $('min-value').value = i && i.minValue !== null && i.minValue !== undefined ? i.minValue : '';
  $('max-value').value = i && i.maxValue !== null && i.maxValue !== undefined ? i.maxValue : '';
  $('category').value = i && i.category ? i.category : '';
  $('description').value = i && i.description ? i.description : '';
  showKind();
}

const orNull = v => (v.trim() === '' ? null : v.trim());

async function save(e) {
  e.preventDefault();
  const body = {
    code: orNull($('code').value), name: $('name').value.trim(), valueType: $('value-type').value,
    unit: orNull($('unit').value), direction: $('direction').value, aggregation: $('aggregation').value,
    frequency: $('frequency').value, rollup: $('rollup').value || null,
    minValue: orNull($('min-value').value), maxValue: orNull($('max-value').value),
    category: orNull($('category').value), description: orNull($('description').value),
    formula: kind() === 'ratio' ? { numerator: $('numerator').value || null, denominator: $('denominator').value || null, factor: orNull($('factor').value) } : null,
  };
  const answer = state.editing
    ? await call('PUT', '/indicators/' + encodeURIComponent(state.editing.code), { body: { ...body, code: undefined } })
    : await call('POST', '/indicators', { body });
  if (showProblem($('indicator-form'), answer, $('form-message'))) return;
  message($('form-message'), '已保存：' + answer.body.name, true);
  state.editing = answer.body;
  $('code').value = answer.body.code;
  $('code').readOnly = true;
  load();
}

function start() {
  nav($('nav'));
  signInBar($('auth'), load);
  for (const radio of document.querySelectorAll('input[name="formula-kind"]')) radio.addEventListener('change', showKind);
  $('value-type').addEventListener('change', () => { if ($('value-type').value === 'PERCENT') { $('unit').value = '%'; $('aggregation').value = 'LAST'; } });
  $('indicator-form').addEventListener('submit', save);
  $('new-indicator').addEventListener('click', () => edit(null));
  edit(null);
  load();
}

start();
