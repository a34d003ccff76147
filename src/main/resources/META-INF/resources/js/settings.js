// 设置: alert channels (secrets written once, never shown), subscriptions, report schedules, and what was sent.
import { get, call, describe, el, clear, signInBar, nav, unitPicker, showProblem, cardLabels, whoAmI } from './api.js';

const $ = id => document.getElementById(id);
const state = { units: {}, channels: [] };
const TYPES = { DINGTALK: '钉钉', WECOM: '企业微信', WEBHOOK: 'Webhook', EMAIL: '邮件' };
const EVENTS = { TARGET_STATUS_CHANGED: '目标状态变化（落后、有风险、未完成，或恢复正常）', FIGURES_OVERDUE: '逾期未报（每天一次催报名单）',
  SUBMISSION_SUBMITTED: '下级上报', SUBMISSION_RETURNED: '被退回', SUBMISSION_APPROVED: '审核通过', VALIDATION_FAILED: '未通过校验',
  REPORT_READY: '报告已生成' };
const STATUS = { PENDING: '待发送', SENT: '已送达', FAILED: '失败' };
const MODES = { IMMEDIATE: '立即', DAILY_DIGEST: '每日汇总' };
const PERIODS = { MONTH: '月报', QUARTER: '季报', YEAR: '年报' };

function message(box, text, ok = false) {
  box.className = 'message inline' + (ok ? ' ok' : '');
  box.textContent = text || '';
}

const when = t => (t ? new Date(t).toLocaleString('zh-CN', { hour12: false }) : '—');
const channelName = id => (state.channels.find(c => c.id === id) || {}).name || ('渠道 ' + id);

function removeButton(label, path, what) {
  return el('button', { type: 'button', class: 'secondary remove', onclick: async () => {
    if (!confirm('删除' + what + '？')) return;
    const done = await call('DELETE', path);
    if (!done.ok) message($('message'), describe(done)); else load();
  } }, label);
}

async function load() {
  const [channels, subscriptions, schedules, deliveries] = await Promise.all([get('/alert-channels'),
    get('/alert-subscriptions'), get('/report-schedules'), get('/alert-deliveries?size=20')]);
  if (!channels.ok) {
    message($('message'), channels.status === 401 ? describe(channels) : '只有管理员和规划员可以设置提醒：' + describe(channels));
    return;
  }
  message($('message'), '');
  state.channels = channels.body;
  const rows = clear($('channels').tBodies[0]);
  for (const c of channels.body) {
    const note = el('div', { class: 'message inline', role: 'alert' });
    const test = el('button', { type: 'button', class: 'secondary test', onclick: async () => {
      note.textContent = '正在发送测试消息…';
      const answer = await call('POST', '/alert-channels/' + c.id + '/test');
      if (!answer.ok) { message(note, describe(answer)); return; }
      const t = answer.body.tries[answer.body.tries.length - 1];
      message(note, answer.body.status === 'SENT' ? '已送达' : '未送达：' + (t.httpStatus ? 'HTTP ' + t.httpStatus + ' ' : '') + (t.answer || ''), answer.body.status === 'SENT');
      loadDeliveries();
    } }, '发测试消息');
    rows.append(el('tr', { dataset: { channelId: c.id } }, el('td', {}, c.name, el('div', { class: 'muted' }, c.orgUnitCode)),
      el('td', {}, TYPES[c.type] || c.type, c.hasSecret ? el('div', { class: 'muted' }, '已设密钥') : null),
      el('td', { class: 'url' }, c.url), el('td', {}, test, ' ', removeButton('删除', '/alert-channels/' + c.id, '渠道“' + c.name + '”（其订阅和定期报告一并删除）'), note)));
  }
  cardLabels($('channels'));
  for (const select of [$('subscription-channel'), $('schedule-channel')]) {
    const chosen = select.value;
    clear(select).append(...channels.body.map(c => el('option', { value: c.id }, c.name + '（' + (TYPES[c.type] || c.type) + '）')));
    if (chosen) select.value = chosen;
  }
  const subs = clear($('subscriptions').tBodies[0]);
  for (const s of subscriptions.ok ? subscriptions.body : []) {
    subs.append(el('tr', {}, el('td', {}, s.channelName), el('td', {}, s.orgUnitCode),
      el('td', {}, s.events.map(e => (EVENTS[e] || e).replace(/（.*$/, '')).join('、')),
      el('td', {}, MODES[s.mode] + (s.mode === 'DAILY_DIGEST' || s.events.includes('FIGURES_OVERDUE') ? ' ' + s.digestHour + ' 点' : '')),
      el('td', {}, removeButton('删除', '/alert-subscriptions/' + s.id, '这个订阅'))));
  }
  cardLabels($('subscriptions'));
  const plans = clear($('schedules').tBodies[0]);
  for (const s of schedules.ok ? schedules.body : []) {
    plans.append(el('tr', {}, el('td', {}, s.orgUnitCode), el('td', {}, '每月 ' + s.dayOfMonth + ' 日'),
      el('td', {}, (PERIODS[s.periodType] || s.periodType) + ' · ' + s.format.toUpperCase() + (s.lastPeriod ? '（已发 ' + s.lastPeriod + '）' : '')),
      el('td', {}, channelName(s.channel)), el('td', {}, removeButton('删除', '/report-schedules/' + s.id, '这个定期报告'))));
  }
  cardLabels($('schedules'));
  renderDeliveries(deliveries);
}

async function loadDeliveries() {
  renderDeliveries(await get('/alert-deliveries?size=20'));
}

function renderDeliveries(answer) {
  const body = clear($('deliveries').tBodies[0]);
  for (const d of answer.ok ? answer.body.items : []) {
    const last = d.tries[d.tries.length - 1];
    body.append(el('tr', { dataset: { status: d.status } }, el('td', {}, when(d.createdAt)), el('td', {}, channelName(d.channel)),
      el('td', {}, d.title), el('td', { class: d.status === 'FAILED' ? 'warning' : null }, STATUS[d.status] || d.status),
      el('td', {}, d.attempts + ' 次', last ? el('div', { class: 'muted' }, (last.httpStatus ? 'HTTP ' + last.httpStatus + ' ' : '') + (last.answer || '')) : null)));
  }
  cardLabels($('deliveries'));
}

function submit(formId, path, body, box, after) {
  $(formId).addEventListener('submit', async e => {
    e.preventDefault();
    const answer = await call('POST', path, { body: body() });
    if (showProblem($(formId), answer, $(box))) return;
    message($(box), '已保存', true);
    if (after) after();
    load();
  });
}

async function start() {
  nav($('nav'));
  state.units.channel = unitPicker($('channel-unit'));
  state.units.subscription = unitPicker($('subscription-unit'));
  state.units.schedule = unitPicker($('schedule-unit'));
  for (const [event, label] of Object.entries(EVENTS)) {
    $('events').append(el('label', { class: 'check' }, el('input', { type: 'checkbox', value: event, checked: event === 'TARGET_STATUS_CHANGED' }), ' ' + label));
  }
  const mine = async () => {
    const me = await whoAmI();
    if (me && me.orgUnitCode) for (const picker of Object.values(state.units)) await picker.set(me.orgUnitCode);
  };
  signInBar($('auth'), async () => { await mine(); load(); });
  await mine();
  submit('channel-form', '/alert-channels', () => ({ name: $('channel-name').value.trim() || null, type: $('channel-type').value,
    orgUnitCode: state.units.channel.code(), url: $('channel-url').value.trim() || null, secret: $('channel-secret').value || null }),
  'channel-message', () => { $('channel-secret').value = ''; $('channel-url').value = ''; });
  submit('subscription-form', '/alert-subscriptions', () => ({ channel: Number($('subscription-channel').value) || null,
    orgUnitCode: state.units.subscription.code(), events: [...$('events').querySelectorAll('input:checked')].map(i => i.value),
    mode: $('subscription-mode').value, digestHour: $('subscription-hour').value === '' ? null : Number($('subscription-hour').value) }),
  'subscription-message');
  submit('schedule-form', '/report-schedules', () => ({ orgUnitCode: state.units.schedule.code(),
    dayOfMonth: $('schedule-day').value === '' ? null : Number($('schedule-day').value), periodType: $('schedule-type').value,
    format: $('schedule-format').value, channel: Number($('schedule-channel').value) || null }), 'schedule-message');
  load();
}

start();
