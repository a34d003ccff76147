// 组织机构: the tree with search, a form to add, rename, move or close a unit, and the roster import.
import { get, call, describe, el, clear, signInBar, nav, unitPicker, showProblem, clearProblems, download, TYPES, cardLabels } from './api.js';

const $ = id => document.getElementById(id);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const state = { page: 0, editing: null, parent: null };

function message(box, text, ok = false) {
  box.className = 'message inline' + (ok ? ' ok' : '');
  box.textContent = text || '';
}

async function loadTree(reset = true) {
  if (reset) { state.page = 0; clear($('tree')); }
  const q = new URLSearchParams({ page: state.page, size: 200 });
  if ($('search').value.trim()) q.set('q', $('search').value.trim());
  if ($('type-filter').value) q.set('type', $('type-filter').value);
  const answer = await get('/org-units?' + q);
  if (!answer.ok) { message($('message'), describe(answer)); return; }
  message($('message'), answer.body.total ? '' : '还没有单位：在右侧新建第一个（如本县教育局），或导入学校名录。');
  for (const unit of answer.body.items) {
    const depth = unit.path.length - 1;
    $('tree').append(el('li', { class: 'depth-' + Math.min(depth, 6) + (unit.closedAt ? ' closed' : ''), dataset: { code: unit.code } },
      el('button', { type: 'button', class: 'link', onclick: () => edit(unit) }, unit.name),
      el('span', { class: 'muted' }, ' ' + (TYPES[unit.type] || unit.type) + ' · ' + unit.code),
      unit.closedAt ? el('span', { class: 'badge' }, unit.closedAt + ' 撤并') : null));
  }
  const shown = (state.page + 1) * 200;
  $('more').hidden = shown >= answer.body.total;
}

function edit(unit, focus = true) {
  state.editing = unit;
  clearProblems($('unit-form'));
  message($('form-message'), '');
  $('form-title').textContent = unit ? '修改：' + unit.name : '新建单位';
  $('name').value = unit ? unit.name : '';
  $('code').value = unit ? unit.code : '';
  $('code').readOnly = !!unit;
  $('type').value = unit ? unit.type : 'SCHOOL';
  state.parent.set(unit ? unit.parentCode : null);
  $('opened-at').value = unit && unit.openedAt ? unit.openedAt : '';
  $('closed-at').value = unit && unit.closedAt ? unit.closedAt : '';
  $('new-child').hidden = !unit;
  if (focus) $('name').focus();
}

async function save(e) {
  e.preventDefault();
  const body = {
    name: $('name').value.trim(), type: $('type').value,
    parentCode: state.parent.code() || ($('parent').value.trim() ? $('parent').value.trim() : null),
    openedAt: $('opened-at').value.trim() || null, closedAt: $('closed-at').value.trim() || null,
  };
  let answer;
  if (state.editing) {
    answer = await call('PUT', '/org-units/' + encodeURIComponent(state.editing.code), { body });
  } else {
    body.code = $('code').value.trim();
    answer = await call('POST', '/org-units', { body });
  }
  if (showProblem($('unit-form'), answer, $('form-message'))) return;
  message($('form-message'), (state.editing ? '已保存：' : '已新建：') + answer.body.name, true);
  state.editing = answer.body;
  $('code').readOnly = true;
  $('new-child').hidden = false;
  loadTree();
}

function newChild() {
  const parent = state.editing;
  edit(null);
  state.parent.set(parent.code);
  const deeper = { PROVINCE: 'PREFECTURE', PREFECTURE: 'COUNTY', COUNTY: 'TOWNSHIP', DISTRICT: 'TOWNSHIP', TOWNSHIP: 'SCHOOL', SCHOOL: 'TEACHING_POINT', KINDERGARTEN: 'TEACHING_POINT' };
  $('type').value = deeper[parent.type] || 'SCHOOL';
}

async function roster(dryRun) {
  const file = $('roster-file').files[0];
  const box = $('roster-message');
  const result = clear($('roster-result'));
  if (!file) { message(box, '请先选择名录文件（xlsx 或 csv）。'); return; }
  const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv; charset=utf-8' : XLSX;
  message(box, dryRun ? '正在检查…' : '正在导入…', true);
  const q = new URLSearchParams({ dryRun, atomic: $('atomic').checked });
  const answer = await call('POST', '/org-units/batch?' + q, { body: file, contentType: type });
  if (!answer.body || answer.body.received === undefined) { message(box, describe(answer)); return; }
  const s = answer.body;
  const verdict = s.status === 'ERROR' ? '有错误，整份未导入' : dryRun ? '检查完毕（未写入）' : s.rejected ? '已导入，部分行未通过' : '已全部导入';
  message(box, verdict + '：共 ' + s.received + ' 行，新增 ' + s.created + '，修改 ' + s.updated + '，不变 ' + s.unchanged + '，未通过 ' + s.rejected, s.status !== 'ERROR');
  box.id = 'roster-message';
  if (s.conflicts.length) {
    const table = el('table', { id: 'roster-conflicts', class: 'cards' },
      el('thead', {}, el('tr', {}, el('th', {}, '行'), el('th', {}, '列'), el('th', {}, '内容'), el('th', {}, '原因'))));
    const body = el('tbody');
    // Rows are counted from 1 under the header, as a spreadsheet shows them (row 2 is the first data row).
    for (const c of s.conflicts) body.append(el('tr', { class: 'conflict' }, el('td', { class: 'n' }, c.index + 2),
      el('td', {}, c.field || ''), el('td', {}, c.value || ''), el('td', {}, c.message)));
    table.append(body);
    result.append(el('p', { class: 'muted' }, '行号是 Excel 中的行号（表头为第 1 行）。'), table);
    cardLabels(table);
  }
  if (!dryRun && s.status !== 'ERROR') loadTree();
}

function start() {
  nav($('nav'));
  for (const [code, label] of Object.entries(TYPES)) {
    $('type').append(el('option', { value: code }, label));
    $('type-filter').append(el('option', { value: code }, label));
  }
  state.parent = unitPicker($('parent'));
  signInBar($('auth'), () => loadTree());
  let timer = null;
  $('search').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => loadTree(), 200); });
  $('type-filter').addEventListener('change', () => loadTree());
  $('find').addEventListener('submit', e => { e.preventDefault(); loadTree(); });
  $('more').addEventListener('click', () => { state.page++; loadTree(false); });
  $('unit-form').addEventListener('submit', save);
  $('new-unit').addEventListener('click', () => edit(null));
  $('new-child').addEventListener('click', newChild);
  $('template').addEventListener('click', async () => {
    const answer = await download('/org-units/template', '学校名录模板.xlsx');
    if (!answer.ok) message($('roster-message'), describe(answer));
  });
  $('dry-run').addEventListener('click', () => roster(true));
  $('import').addEventListener('click', () => roster(false));
  edit(null, false);
  loadTree();
}

start();
