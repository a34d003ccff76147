// 令牌: create a token for a person (the secret shown once, with a copy button), list them, revoke one.
import { get, call, describe, el, clear, signInBar, nav, unitPicker, showProblem, clearProblems, cardLabels, ROLES } from './api.js';

const $ = id => document.getElementById(id);
const state = { unit: null, names: new Map() };

function message(box, text, ok = false) {
  box.className = 'message inline' + (ok ? ' ok' : '');
  box.textContent = text || '';
}

const when = t => (t ? new Date(t).toLocaleString('zh-CN', { hour12: false }) : '—');

async function unitName(code) {
  if (!code) return '全部单位';
  if (!state.names.has(code)) {
    const answer = await get('/org-units/' + encodeURIComponent(code));
    state.names.set(code, answer.ok ? answer.body.name : code);
  }
  return state.names.get(code);
}

async function load() {
  const answer = await get('/tokens?size=500');
  const body = clear($('tokens').tBodies[0]);
  if (!answer.ok) { message($('message'), answer.status === 403 ? '只有管理员可以管理令牌。' : describe(answer)); return; }
  message($('message'), '');
  for (const t of answer.body.items) {
    const status = t.revokedAt ? '已吊销' : t.expiresAt && new Date(t.expiresAt) < new Date() ? '已过期' : '有效';
    const revoke = t.revokedAt ? null : el('button', { type: 'button', class: 'secondary revoke', onclick: async () => {
      if (!confirm('吊销令牌“' + t.name + '”？使用它的人将立即无法登录。')) return;
      const done = await call('DELETE', '/tokens/' + t.id);
      if (!done.ok) message($('message'), describe(done)); else load();
    } }, '吊销');
    body.append(el('tr', { dataset: { tokenId: t.id } }, el('td', {}, t.name), el('td', {}, ROLES[t.role] || t.role),
      el('td', {}, await unitName(t.orgUnitCode)), el('td', {}, when(t.lastUsedAt)), el('td', {}, status), el('td', {}, revoke)));
  }
  cardLabels($('tokens'));
}

async function create(e) {
  e.preventDefault();
  clearProblems($('token-form'));
  $('secret').hidden = true;
  const expires = $('expires').value;
  const body = {
    name: $('name').value.trim(), role: $('role').value, orgUnitCode: state.unit.code(),
    // The end of the chosen day in China.
    expiresAt: expires ? expires + 'T23:59:59+08:00' : null,
  };
  const answer = await call('POST', '/tokens', { body });
  if (showProblem($('token-form'), answer, $('form-message'))) return;
  message($('form-message'), '已生成：' + answer.body.name, true);
  $('secret-value').textContent = answer.body.token;
  $('secret').hidden = false;
  $('copied').textContent = '';
  load();
}

function start() {
  nav($('nav'));
  state.unit = unitPicker($('org-unit'));
  signInBar($('auth'), load);
  $('token-form').addEventListener('submit', create);
  $('copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('secret-value').textContent);
      $('copied').textContent = '已复制';
    } catch (err) {
      const range = document.createRange();
      range.selectNodeContents($('secret-value'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      $('copied').textContent = '已选中，请按 Ctrl+C 复制';
    }
  });
  load();
}

start();
