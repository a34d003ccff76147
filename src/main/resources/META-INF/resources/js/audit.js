// 审核: the units below a reviewer with what they reported and their state; approve or return each, or many at once;
// the 催报 list of figures missing after their due date.
import { get, call, describe, el, clear, num, signInBar, nav, unitPicker, whoAmI, cardLabels } from './api.js';

const $ = id => document.getElementById(id);
const STATES = { OPEN: '未上报', SUBMITTED: '待审核', APPROVED: '已通过', RETURNED: '已退回' };
const state = { unit: null, period: null, me: {}, reviews: false };

function message(text, ok = false) {
  $('message').className = 'message' + (ok ? ' ok' : '');
  $('message').textContent = text || '';
}

const pct = x => (x === null || x === undefined ? '—' : Math.round(Number(x) * 1000) / 10 + '%');

async function load() {
  const code = state.unit.code();
  state.period = $('period').value;
  if (!code || !state.period) { message('请选择单位和月份。'); return; }
  history.replaceState(null, '', '/review?' + new URLSearchParams({ orgUnit: code, period: state.period }));
  const q = new URLSearchParams({ orgUnit: code, period: state.period, groupBy: 'unit', size: 500 });
  const [status, missing, rules] = await Promise.all([get('/reporting-status?' + q),
    get('/reporting-status/missing?' + new URLSearchParams({ orgUnit: code, period: state.period, size: 500 })),
    get('/validation-results?' + new URLSearchParams({ orgUnit: code, period: state.period, size: 500 }))]);
  const failures = {};
  for (const f of rules.ok ? rules.body.items : []) (failures[f.orgUnitCode] = failures[f.orgUnitCode] || []).push(f);
  const body = clear($('units').tBodies[0]);
  if (!status.ok) { message(describe(status)); return; }
  message('');
  const s = status.body.summary;
  $('summary').textContent = '应报 ' + s.expected + ' 项，已报 ' + s.filled + ' 项' + (s.notApplicable ? '，不适用 ' + s.notApplicable + ' 项' : '') + '（完整率 ' + pct(s.completeness) + '，及时率 ' + pct(s.timeliness) + '），逾期未报 ' + s.missing + ' 项。';
  for (const row of status.body.items) {
    // What the reviewer may do, from the row's state (the API refuses anything else and says why).
    const actions = row.submission === 'SUBMITTED' && state.reviews && row.orgUnitCode !== state.me.orgUnitCode ? ['APPROVE', 'RETURN'] : [];
    const note = el('div', { class: 'message inline', role: 'alert' });
    const act = async (action, reason) => {
      const answer = await call('POST', '/submissions/' + encodeURIComponent(row.orgUnitCode) + '/' + state.period + '/' + action, { body: reason ? { reason } : {} });
      note.className = 'message inline' + (answer.ok ? ' ok' : '');
      note.textContent = answer.ok ? '已' + (action === 'approve' ? '通过' : '退回') : describe(answer);
      if (answer.ok) setTimeout(load, 600);
    };
    const reason = el('input', { class: 'name reason', placeholder: '退回原因', 'aria-label': '退回原因', name: 'reason' });
    const failed = failures[row.orgUnitCode] || [];
    const tr = el('tr', { dataset: { orgUnit: row.orgUnitCode } },
      el('td', {}, actions.includes('APPROVE') ? el('input', { type: 'checkbox', class: 'pick', 'aria-label': '选中 ' + row.name }) : null),
      el('td', {}, el('button', { type: 'button', class: 'link open', 'aria-expanded': 'false', onclick: () => detail(tr, row, failed) }, row.name)),
      el('td', { class: 'n' }, row.expected), el('td', { class: 'n' }, row.filled),
      el('td', { class: 'n' }, row.missing), el('td', {}, pct(row.completeness)),
      el('td', { class: 'n' + (failed.length ? ' field-error' : '') }, failed.length),
      el('td', {}, el('span', { class: 'badge state' }, STATES[row.submission] || row.submission)),
      el('td', {}, actions.includes('APPROVE') ? [el('button', { type: 'button', class: 'approve', onclick: () => act('approve') }, '通过'), ' ',
        reason, el('button', { type: 'button', class: 'secondary return', onclick: () => act('return', reason.value.trim()) }, '退回')] : null, note));
    body.append(tr);
  }
  cardLabels($('units'));
  const missingBody = clear($('missing').tBodies[0]);
  if (missing.ok) {
    for (const m of missing.body.items) {
      missingBody.append(el('tr', {}, el('td', {}, m.path.join(' › ')), el('td', {}, m.indicatorName), el('td', {}, m.dueDate)));
    }
    if (!missing.body.items.length) missingBody.append(el('tr', {}, el('td', { colspan: 3, class: 'muted' }, '没有逾期未报的数据。')));
    cardLabels($('missing'));
  }
}

/** Opens a unit's month under its row: each figure beside last period's and last year's, then the rules it fails. */
async function detail(tr, row, failed) {
  const open = tr.nextElementSibling && tr.nextElementSibling.classList.contains('detail');
  if (open) { tr.nextElementSibling.remove(); tr.querySelector('button.open').setAttribute('aria-expanded', 'false'); return; }
  const answer = await get('/observations/form?' + new URLSearchParams({ orgUnit: row.orgUnitCode, period: state.period }));
  const cell = el('td', { colspan: 9 });
  if (!answer.ok) cell.append(describe(answer));
  else {
    const figures = el('table', { class: 'figures cards' }, el('thead', {}, el('tr', {}, el('th', {}, '指标'), el('th', { class: 'n' }, '本期'),
      el('th', { class: 'n' }, '上期'), el('th', { class: 'n' }, '去年同期'), el('th', {}, '备注'))), el('tbody'));
    for (const r of answer.body.rows) {
      const c = r.current;
      figures.tBodies[0].append(el('tr', {}, el('td', {}, r.indicatorName + (r.unit ? '（' + r.unit + '）' : '')),
        el('td', { class: 'n' }, !c ? '—' : c.notApplicable ? '不适用' : num(c.value, 4)),
        el('td', { class: 'n' }, r.previous ? num(r.previous.value, 4) : '—'),
        el('td', { class: 'n' }, r.lastYear ? num(r.lastYear.value, 4) : '—'), el('td', {}, c && c.comment ? c.comment : '')));
    }
    if (!answer.body.rows.length) figures.tBodies[0].append(el('tr', {}, el('td', { colspan: 5, class: 'muted' }, '这个单位本月没有要填的指标（数据来自下级单位）。')));
    cell.append(figures);
    cardLabels(figures);
    cell.append(el('p', { class: failed.length ? 'field-error' : 'muted' }, failed.length
      ? '未通过校验：' + failed.map(f => (f.severity === 'WARN' ? '（提示）' : '') + f.message + `（${num(f.left, 4)} 对 ${num(f.right, 4)}）`).join('；')
      : '校验规则全部通过。'));
  }
  tr.after(el('tr', { class: 'detail' }, cell));
  tr.querySelector('button.open').setAttribute('aria-expanded', 'true');
}

async function approveSelected() {
  const units = [...document.querySelectorAll('#units tbody tr')].filter(tr => tr.querySelector('input.pick:checked')).map(tr => tr.dataset.orgUnit);
  if (!units.length) { $('batch-message').textContent = '请先勾选要通过的单位。'; return; }
  const answer = await call('POST', '/submissions/batch', { body: { action: 'APPROVE', period: state.period, orgUnits: units } });
  if (!answer.ok) { $('batch-message').textContent = describe(answer); return; }
  const failed = answer.body.filter(r => !r.ok);
  $('batch-message').textContent = '已通过 ' + (answer.body.length - failed.length) + ' 个单位' + (failed.length ? '；' + failed.length + ' 个未通过：' + failed.map(r => r.message).join('；') : '');
  load();
}

async function start() {
  nav($('nav'));
  state.unit = unitPicker($('org-unit'));
  const q = new URLSearchParams(location.search);
  const d = new Date();
  d.setMonth(d.getMonth() - 1);
  $('period').value = q.get('period') || d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');
  signInBar($('auth'), async () => { const m = await whoAmI(); state.me = m || {}; state.reviews = !!m && (m.role === 'REVIEWER' || m.role === 'ADMIN'); load(); });
  const me = await whoAmI();
  state.me = me || {};
  state.reviews = !!me && (me.role === 'REVIEWER' || me.role === 'ADMIN');
  await state.unit.set(q.get('orgUnit') || (me && me.orgUnitCode) || null);
  $('pick').addEventListener('submit', e => { e.preventDefault(); load(); });
  $('approve-selected').addEventListener('click', approveSelected);
  load();
}

start();
