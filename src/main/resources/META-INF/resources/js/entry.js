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

function rowOf(row) {
  const value = el('input', { class: 'small value', name: 'value-' + row.indicatorCode, inputmode: 'decimal',
    value: row.current ? row.current.value : '', 'aria-label': row.indicatorName + ' 数值' });
  const comment = el('input', { class: 'name comment', name: 'comment-' + row.indicatorCode,
    value: row.current && row.current.comment ? row.current.comment : '', 'aria-label': row.indicatorName + ' 备注' });
  const note = el('div', { class: 'field-error', role: 'status' });
  const tr = el('tr', { dataset: { indicator: row.indicatorCode } },
    el('td', {}, row.indicatorName, el('div', { class: 'muted' }, row.indicatorCode + (row.unit ? ' · ' + row.unit : ''))),
    el('td', {}, row.period),
    el('td', { class: 'n previous' }, row.previous ? num(row.previous.value, 4) : '—'),
    el('td', { class: 'n last-year' }, row.lastYear ? num(row.lastYear.value, 4) : '—'),
    el('td', {}, value, note),
    el('td', {}, comment),
    el('td', {}, el('button', { type: 'button', class: 'secondary save', onclick: () => save(row, tr) }, '保存')));
  return tr;
}

async function save(row, tr) {
  const value = tr.querySelector('input.value').value.trim();
  const comment = tr.querySelector('input.comment').value.trim();
  const note = tr.querySelector('.field-error');
  note.className = 'field-error';
  note.textContent = '';
  if (value === '') return true;
  const unchanged = row.current && String(row.current.value) === value && (row.current.comment || '') === comment;
  if (unchanged) return true;
  const headers = row.current ? { 'If-Match': '"' + row.current.revision + '"' } : {};
  const body = { value };
  if (comment) body.comment = comment;
  const path = '/observations/' + encodeURIComponent(row.indicatorCode) + '/' + encodeURIComponent(state.orgUnit) + '/' + encodeURIComponent(row.period);
  const answer = await call('PUT', path, { body, headers });
  if (answer.ok) {
    row.current = answer.body;
    const flags = answer.body.flags || [];
    note.className = flags.length ? 'warning' : 'field-error';
    note.textContent = flags.includes('OUTLIER') ? '已保存，但与以往数据相差很大，请核对' : '已保存';
    return true;
  }
  note.textContent = answer.status === 412
    ? '别人刚改过这个数（现为新版本），已刷新；请核对后再保存'
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
  for (const input of document.querySelectorAll('#rows input')) input.readOnly = held;
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
