// 填报: a clerk's monthly form. The rows, last period's and last year's figures come from /observations/form;
// every save is a PUT the API validates, and its problems are shown beside the field they name.
import { get, call, describe, el, clear, num, signInBar, nav, unitPicker, whoAmI, cardLabels } from './api.js';

const $ = id => document.getElementById(id);
const state = { orgUnit: null, month: null, rows: [], seq: 0, picker: null };

function message(text, ok = false) {
  $('message').className = 'message' + (ok ? ' ok' : '');
  $('message').textContent = text || '';
}

function defaultMonth() {
  const d = new Date();
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');
}

/** The unit of the form: the one in the address, else the signed-in clerk's own. */
async function units() {
  if (!state.orgUnit) {
    const me = await whoAmI();
    if (me && me.orgUnitCode) state.orgUnit = me.orgUnitCode;
  }
  await state.picker.set(state.orgUnit);
}

async function load() {
  state.orgUnit = state.picker.code() || state.orgUnit;
  state.month = $('month').value.trim();
  if (!state.orgUnit || !state.month) return;
  history.replaceState(null, '', '/entry?' + new URLSearchParams({ orgUnit: state.orgUnit, period: state.month }));
  const seq = ++state.seq;
  const answer = await get('/observations/form?' + new URLSearchParams({ orgUnit: state.orgUnit, period: state.month }));
  if (seq !== state.seq) return; // a later load (another unit, a new sign-in) has the say
  const body = clear($('rows').tBodies[0]);
  if (!answer.ok) {
    message(answer.status === 404 ? '找不到单位 ' + state.orgUnit + '，或它不在您的令牌可见范围内。' : describe(answer));
    return;
  }
  message('');
  submission();
  state.rows = answer.body.rows;
  $('org-unit').value = answer.body.orgUnitName;
  if (!state.rows.length) body.append(el('tr', {}, el('td', { colspan: 7, class: 'muted' }, '这个月没有需要填报的指标。')));
  for (const row of state.rows) body.append(rowOf(row));
  cardLabels($('rows'));
}

/** The rule failures of an answer (a 422 problem's, a WARN list, a dry run's conflicts) as one line of Chinese. */
function ruleText(failures, blocked) {
  return failures.map(f => (blocked ? '未通过校验：' : '校验提示：') + (f.message || f.rule)
    + (f.left !== undefined && f.left !== null ? `（${num(f.left, 4)} 对 ${num(f.right, 4)}）` : '')).join('；');
}

/**
 * Checks a typed value against the rules without storing it: the batch endpoint's dry run with the one row answers
 * exactly what a save would (a BLOCK rule's refusal, a WARN rule's warning, a value out of range).
 */
async function preview(row, tr) {
  const input = tr.querySelector('input.value');
  const value = input.value.trim();
  const note = tr.querySelector('.field-error, .warning');
  if (value === '' || tr.querySelector('input.na').checked) return;
  const seq = (tr.dataset.seq = String(Number(tr.dataset.seq || 0) + 1));
  const answer = await call('POST', '/observations/batch?dryRun=true&atomic=false', { body: { observations: [
    { indicatorCode: row.indicatorCode, orgUnitCode: state.orgUnit, period: row.period, value }] } });
  if (tr.dataset.seq !== seq || input.value.trim() !== value || !answer.ok) return;
  const conflicts = answer.body.conflicts || [];
  const blocked = conflicts.filter(c => c.code !== 'validation_rule_warning' && c.code !== 'outlier');
  const warned = conflicts.filter(c => c.code === 'validation_rule_warning');
  note.className = blocked.length ? 'field-error' : 'warning';
  note.textContent = blocked.length ? blocked.map(c => c.message).join('；')
    : warned.length ? warned.map(c => c.message).join('；') : '';
}

function rowOf(row) {
  const na = !!(row.current && row.current.notApplicable);
  const value = el('input', { class: 'small value', name: 'value-' + row.indicatorCode, inputmode: 'decimal',
    value: row.current && !na ? row.current.value : '', 'aria-label': row.indicatorName + ' 数值' });
  const comment = el('input', { class: 'name comment', name: 'comment-' + row.indicatorCode,
    value: row.current && row.current.comment ? row.current.comment : '', 'aria-label': row.indicatorName + ' 备注',
    placeholder: na ? '不适用的原因（必填）' : '' });
  const notApplicable = el('input', { type: 'checkbox', class: 'na', name: 'na-' + row.indicatorCode,
    'aria-label': row.indicatorName + ' 不适用' });
  notApplicable.checked = na;
  value.disabled = na;
  notApplicable.addEventListener('change', () => {
    value.disabled = notApplicable.checked;
    comment.placeholder = notApplicable.checked ? '不适用的原因（必填）' : '';
    if (notApplicable.checked) comment.focus();
  });
  value.addEventListener('input', () => { clearTimeout(tr.previewTimer); tr.previewTimer = setTimeout(() => preview(row, tr), 500); });
  const note = el('div', { class: 'field-error', role: 'status' });
  const tr = el('tr', { dataset: { indicator: row.indicatorCode } },
    el('td', {}, row.indicatorName, el('div', { class: 'muted' }, row.indicatorCode + (row.unit ? ' · ' + row.unit : ''))),
    el('td', {}, row.period),
    el('td', { class: 'n previous' }, row.previous ? num(row.previous.value, 4) : '—'),
    el('td', { class: 'n last-year' }, row.lastYear ? num(row.lastYear.value, 4) : '—'),
    el('td', {}, value, el('label', { class: 'na-choice' }, notApplicable, ' 不适用'), note),
    el('td', {}, comment),
    el('td', {}, el('button', { type: 'button', class: 'secondary save', onclick: () => save(row, tr) }, '保存')));
  return tr;
}

async function save(row, tr) {
  const value = tr.querySelector('input.value').value.trim();
  const comment = tr.querySelector('input.comment').value.trim();
  const na = tr.querySelector('input.na').checked;
  const note = tr.querySelector('.field-error, .warning');
  // A save answers for the row: a check still waiting or on its way would only repeat (or blank) what it says.
  clearTimeout(tr.previewTimer);
  tr.dataset.seq = String(Number(tr.dataset.seq || 0) + 1);
  note.className = 'field-error';
  note.textContent = '';
  if (na && !comment) { note.textContent = '请在备注中写明不适用的原因'; return false; }
  if (value === '' && !na) return true;
  const current = row.current || {};
  const unchanged = row.current && (na ? current.notApplicable && (current.comment || '') === comment
    : !current.notApplicable && String(current.value) === value && (current.comment || '') === comment);
  if (unchanged) return true;
  const headers = row.current ? { 'If-Match': '"' + row.current.revision + '"' } : {};
  const body = na ? { notApplicable: true, comment } : { value };
  if (comment && !na) body.comment = comment;
  const path = '/observations/' + encodeURIComponent(row.indicatorCode) + '/' + encodeURIComponent(state.orgUnit) + '/' + encodeURIComponent(row.period);
  const answer = await call('PUT', path, { body, headers });
  if (answer.ok) {
    row.current = answer.body;
    const flags = answer.body.flags || [];
    const warnings = answer.body.warnings || [];
    note.className = flags.length || warnings.length ? 'warning' : 'field-error';
    note.textContent = answer.body.notApplicable ? '已标为不适用'
      : warnings.length ? '已保存。' + ruleText(warnings, false)
        : flags.includes('OUTLIER') ? '已保存，但与以往数据相差很大，请核对' : '已保存';
    return true;
  }
  note.textContent = answer.status === 412
    ? '别人刚改过这个数（现为新版本），已刷新；请核对后再保存'
    : answer.status === 422 && answer.body && answer.body.failures ? ruleText(answer.body.failures, true) + '。未保存。'
      : describe(answer);
  if (answer.status === 412) {
    const fresh = await get(path);
    if (fresh.ok) { row.current = fresh.body; tr.querySelector('input.value').value = fresh.body.value; }
  }
  return false;
}

async function saveAll(e) {
  e.preventDefault();
  let failed = 0;
  for (const tr of $('rows').tBodies[0].rows) {
    const row = state.rows.find(r => r.indicatorCode === tr.dataset.indicator);
    if (row && !(await save(row, tr))) failed++;
  }
  message(failed ? failed + ' 项未保存，见各行提示。' : '已全部保存。', !failed);
  blockers();
}

async function template() {
  const q = new URLSearchParams({ orgUnit: state.orgUnit || '', period: $('month').value.trim() });
  const answer = await call('GET', '/observations/template?' + q, { raw: true, headers: { Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json' } });
  if (!answer.ok) { message(describe(answer)); return; }
  const link = el('a', { href: URL.createObjectURL(answer.blob), download: q.get('orgUnit') + '-' + q.get('period') + '.xlsx' });
  document.body.append(link);
  link.click();
  link.remove();
}

async function upload() {
  const file = $('upload').files[0];
  if (!file) return;
  const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  // Rows that pass are kept even when others are refused: a clerk fixes the refused rows and uploads again.
  const answer = await call('POST', '/observations/batch?atomic=false', { body: file, contentType: type });
  $('upload').value = '';
  const panel = $('import-panel');
  panel.hidden = false;
  const rows = clear($('import-rows').tBodies[0]);
  if (!answer.ok && !(answer.body && answer.body.received !== undefined)) { $('import-summary').textContent = describe(answer); return; }
  const s = answer.body;
  $('import-summary').textContent = `收到 ${s.received} 行：新增 ${s.created}，更新 ${s.updated}，未变 ${s.unchanged}，拒绝 ${s.rejected}，提示 ${s.flagged}`;
  for (const c of s.conflicts || []) rows.append(el('tr', { class: 'conflict' }, el('td', { class: 'n' }, c.index + 1), el('td', {}, c.field || ''), el('td', {}, c.message || '')));
  cardLabels($('import-rows'));
  await load();
}

const STATES = { OPEN: '未上报', SUBMITTED: '已上报，等待审核', APPROVED: '已审核通过', RETURNED: '已退回' };

/** The month's submission: its state, the reviewer's reason when it came back, and the 上报 button. */
async function submission() {
  const box = $('submission-message');
  box.textContent = '';
  const answer = await get('/submissions/' + encodeURIComponent(state.orgUnit) + '/' + encodeURIComponent(state.month));
  if (!answer.ok) { $('submission').hidden = true; return; }
  $('submission').hidden = false;
  const s = answer.body;
  $('submission-state').textContent = STATES[s.state] || s.state;
  $('submit-month').hidden = !s.allowedActions.includes('SUBMIT');
  const returned = s.state === 'RETURNED' && s.history.length ? s.history[s.history.length - 1] : null;
  if (returned) message('本月数据被退回：' + (returned.reason || '') + '（' + returned.by + '）。修改后请重新上报。');
  const held = s.state === 'SUBMITTED' || s.state === 'APPROVED';
  for (const input of document.querySelectorAll('#rows input')) {
    input.readOnly = held;
    if (input.type === 'checkbox') input.disabled = held;
  }
  if (!$('submit-month').hidden) blockers();
  else clear($('blockers'));
}

/** What still keeps the month from being submitted: empty rows, and BLOCK rules failing at this unit. */
async function blockers() {
  const list = clear($('blockers'));
  if ($('submit-month').hidden) return;
  const empty = state.rows.filter(r => !r.current).map(r => r.indicatorName);
  const rules = await get('/validation-results?' + new URLSearchParams({ orgUnit: state.orgUnit, period: state.month, severity: 'BLOCK', size: 200 }));
  const failing = rules.ok ? rules.body.items.filter(r => r.orgUnitCode === state.orgUnit) : [];
  if (!empty.length && !failing.length) return;
  list.append(el('div', { class: 'muted' }, '上报前还需处理：'));
  const items = el('ul', {});
  if (empty.length) items.append(el('li', {}, '未填：' + empty.join('、') + '（确实没有的，勾选“不适用”并写明原因）'));
  for (const f of failing) items.append(el('li', {}, '未通过校验：' + f.message + `（${num(f.left, 4)} 对 ${num(f.right, 4)}）`));
  list.append(items);
}

async function submitMonth() {
  const box = $('submission-message');
  const answer = await call('POST', '/submissions/' + encodeURIComponent(state.orgUnit) + '/' + encodeURIComponent(state.month) + '/submit');
  box.className = 'message inline' + (answer.ok ? ' ok' : '');
  box.textContent = answer.ok ? '已上报，等待审核。' : describe(answer);
  if (answer.ok) submission();
}

async function start() {
  nav($('nav'));
  state.picker = unitPicker($('org-unit'), { onPick: u => { state.orgUnit = u.code; load(); } });
  const q = new URLSearchParams(location.search);
  state.orgUnit = q.get('orgUnit');
  $('month').value = q.get('period') || defaultMonth();
  signInBar($('auth'), async () => { await units(); await load(); });
  await units();
  $('pick').addEventListener('submit', e => { e.preventDefault(); load(); });
  $('form').addEventListener('submit', saveAll);
  $('submit-month').addEventListener('click', submitMonth);
  $('template').addEventListener('click', template);
  $('upload').addEventListener('change', upload);
  await load();
}

start();
