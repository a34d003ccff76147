// The one way the pages talk to Zhibiao: the public API, with the token from sessionStorage (never a URL or a
// cookie). Every answer comes back as {status, ok, body, headers}; problems keep their code, detail and field errors.
const TOKEN_KEY = 'zhibiao.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signIn(value) {
  sessionStorage.setItem(TOKEN_KEY, value.trim());
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

export async function call(method, path, { body, headers = {}, raw = false, contentType } = {}) {
  // The pages always ask for Chinese: problems come back with Chinese titles, details and field messages.
  const h = { Accept: 'application/json, application/problem+json', 'Accept-Language': 'zh-CN', ...headers };
  const t = token();
  if (t) h.Authorization = 'Bearer ' + t;
  let payload = body;
  if (body !== undefined && !(body instanceof Blob) && !(body instanceof ArrayBuffer) && typeof body !== 'string') {
    payload = JSON.stringify(body);
    h['Content-Type'] = 'application/json';
  } else if (contentType) {
    h['Content-Type'] = contentType;
  }
  const response = await fetch('/api/v1' + path, { method, headers: h, body: payload });
  if (raw && response.ok) return { status: response.status, ok: true, blob: await response.blob(), headers: response.headers };
  const text = response.status === 204 || response.status === 304 ? '' : await response.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = { detail: text }; }
  return { status: response.status, ok: response.ok, body: parsed, headers: response.headers };
}

export const get = (path, options) => call('GET', path, options);

/** A problem answer as one readable Chinese line: the API answers the pages in Chinese (Accept-Language). */
export function describe(answer) {
  const p = answer.body || {};
  if (answer.status === 401 && !token()) return '请先登录：在右上角输入访问令牌';
  const lead = p.title || ('出错了（' + answer.status + '）');
  return lead + (p.detail ? '：' + p.detail : '');
}

/**
 * Shows a problem where it belongs: each field error beside the control named like its field (name="parentCode"),
 * the rest in the box next to the button that sent it. Returns true when there was something to show.
 */
export function showProblem(form, answer, box) {
  clearProblems(form);
  if (answer.ok) return false;
  const p = answer.body || {};
  const placed = new Set();
  for (const error of p.errors || []) {
    const control = error.field && form.querySelector('[name="' + CSS.escape(error.field) + '"]');
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      const note = el('div', { class: 'field-error problem-note', role: 'alert' }, error.message);
      (control.closest('label') || control).after(note);
      placed.add(error);
    }
  }
  const rest = (p.errors || []).filter(e => !placed.has(e)).map(e => (e.field ? e.field + '：' : '') + e.message);
  if (!placed.size || rest.length) box.textContent = describe(answer) + (rest.length && placed.size ? '（' + rest.join('；') + '）' : '');
  box.className = 'message inline';
  return true;
}

export function clearProblems(form) {
  for (const note of form.querySelectorAll('.problem-note')) note.remove();
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

/** Org-unit type names as a bureau says them. */
export const TYPES = { PROVINCE: '省', PREFECTURE: '市州', COUNTY: '县', DISTRICT: '区', TOWNSHIP: '学区',
  SCHOOL: '学校', KINDERGARTEN: '幼儿园', TEACHING_POINT: '教学点' };

/**
 * A unit picker: a search field that lists the units whose name or code contains what is typed (names first, codes as
 * secondary text) and keeps the chosen unit's code in input.dataset.code. onPick(unit) is called with the unit chosen.
 */
export function unitPicker(input, { onPick, types } = {}) {
  const list = el('ul', { class: 'picker-list', role: 'listbox', hidden: true });
  input.setAttribute('autocomplete', 'off');
  input.setAttribute('role', 'combobox');
  input.after(list);
  let timer = null;
  let items = [];
  let active = -1;
  const close = () => { list.hidden = true; active = -1; };
  const choose = unit => {
    input.value = unit.name;
    input.dataset.code = unit.code;
    close();
    if (onPick) onPick(unit);
  };
  const render = () => {
    clear(list);
    items.forEach((u, i) => list.append(el('li', { role: 'option', class: i === active ? 'active' : null,
      dataset: { code: u.code }, onmousedown: e => { e.preventDefault(); choose(u); } },
    u.name, el('span', { class: 'muted' }, ' ' + (TYPES[u.type] || u.type) + ' · ' + u.code))));
    if (!items.length) list.append(el('li', { class: 'muted' }, '没有找到单位'));
    list.hidden = false;
  };
  const search = async () => {
    const q = new URLSearchParams({ q: input.value.trim(), size: 20 });
    const answer = await get('/org-units?' + q);
    items = answer.ok ? answer.body.items.filter(u => !types || types.includes(u.type)) : [];
    active = -1;
    render();
  };
  input.addEventListener('input', () => { delete input.dataset.code; clearTimeout(timer); timer = setTimeout(search, 150); });
  input.addEventListener('focus', () => { if (!input.dataset.code) search(); });
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', e => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = Math.max(0, Math.min(items.length - 1, active + (e.key === 'ArrowDown' ? 1 : -1)));
      render();
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      choose(items[active]);
    } else if (e.key === 'Escape') close();
  });
  return {
    /** Shows a unit by its code (its name once read). */
    async set(code) {
      if (!code) { input.value = ''; delete input.dataset.code; return; }
      input.dataset.code = code;
      const answer = await get('/org-units/' + encodeURIComponent(code));
      input.value = answer.ok ? answer.body.name : code;
    },
    code: () => input.dataset.code || null,
  };
}

/** Downloads an API file (a template) with the token, under the given name. */
export async function download(path, name) {
  const answer = await call('GET', path, { raw: true, headers: { Accept: '*/*' } });
  if (!answer.ok) return answer;
  const a = el('a', { href: URL.createObjectURL(answer.blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  return answer;
}

/** Who is signed in ({name, role, orgUnitCode}), or null. */
export async function whoAmI() {
  if (!token()) return null;
  const answer = await get('/tokens/current');
  return answer.ok ? answer.body : null;
}

export const ROLES = { ADMIN: '管理员', PLANNER: '规划员', REVIEWER: '审核员', CLERK: '填报员', VIEWER: '查看者' };

/** Builds an element without ever parsing markup: names and plan text are always text. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** Numbers as the API sends them (strings or numbers), shown without float noise. */
export function num(value, digits = 2) {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return n.toLocaleString('zh-CN', { maximumFractionDigits: digits });
}

/**
 * Server-sent events over fetch, so that the token goes in a header (EventSource cannot send one). Calls onEvent
 * for every event and reconnects with Last-Event-ID after a drop. Returns a function that stops it.
 */
/**
 * Follows a server-sent event stream: from now on at first, then on every reconnect from the last event id it holds,
 * so nothing is replayed twice and nothing is missed. An `end` event saying `signed_out`, or a 401, stops it and calls
 * onEnd; onOpen is called whenever the stream is connected; `shutdown` and `too_slow` reconnect; a 429 (too many boards open) waits longer before trying again.
 */
export function follow(path, onEvent, { onEnd, onOpen } = {}) {
  let stopped = false;
  let lastId = null;
  let controller = null;
  (async function loop() {
    while (!stopped) {
      controller = new AbortController();
      const h = { Accept: 'text/event-stream' };
      if (token()) h.Authorization = 'Bearer ' + token();
      if (lastId) h['Last-Event-ID'] = lastId;
      try {
        const response = await fetch('/api/v1' + path, { headers: h, signal: controller.signal });
        if (response.status === 401) { stopped = true; if (onEnd) onEnd({ reason: 'signed_out' }); return; }
        if (!response.ok) { await new Promise(r => setTimeout(r, response.status === 429 ? 30000 : 5000)); continue; }
        if (onOpen) onOpen();
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = { id: null, type: 'message', data: '' };
            for (const line of block.split('\n')) {
              if (line.startsWith('id:')) event.id = line.slice(3).trim();
              else if (line.startsWith('event:')) event.type = line.slice(6).trim();
              else if (line.startsWith('data:')) event.data += line.slice(5).trim();
            }
            if (event.id) lastId = event.id;
            if (event.type === 'end') {
              let info = {};
              try { info = JSON.parse(event.data || '{}'); } catch (e) { info = {}; }
              if (info.reason === 'signed_out') { stopped = true; if (onEnd) onEnd(info); return; }
              continue;
            }
            if (event.data || event.type !== 'message') onEvent(event);
          }
        }
      } catch (e) {
        if (stopped) return;
      }
      await new Promise(r => setTimeout(r, 1000));
    }
  })();
  return () => { stopped = true; if (controller) controller.abort(); };
}

/** The sign-in bar every page shows: a token field, or who is signed in and a sign-out button. */
export function signInBar(container, onChange) {
  clear(container);
  if (token()) {
    const who = el('span', { class: 'who', id: 'signed-in' }, '已登录');
    container.append(who,
      el('button', { type: 'button', id: 'sign-out', class: 'secondary', onclick: () => { signOut(); signInBar(container, onChange); onChange(); } }, '退出'));
    whoAmI().then(me => { if (me) who.textContent = '已登录：' + me.name + '（' + (ROLES[me.role] || me.role) + '）'; });
  } else {
    const input = el('input', { type: 'password', id: 'token', placeholder: '粘贴访问令牌', autocomplete: 'off', 'aria-label': '访问令牌' });
    const form = el('form', { class: 'sign-in', onsubmit: e => { e.preventDefault(); if (input.value.trim()) { signIn(input.value); signInBar(container, onChange); onChange(); } } },
      input, el('button', { type: 'submit', id: 'sign-in' }, '登录'));
    container.append(form, el('span', { class: 'hint' }, '未登录时只显示公开数据'));
  }
}

const PAGES = [['/board', '看板'], ['/entry', '填报'], ['/review', '审核'], ['/plans/review', '规划'], ['/setup/units', '组织机构'],
  ['/setup/indicators', '指标库'], ['/setup/targets', '目标'], ['/reports', '报告'], ['/setup/tokens', '令牌'], ['/settings', '设置']];

/** The navigation every page shows, the current page marked. */
export function nav(container) {
  clear(container);
  for (const [href, label] of PAGES) {
    container.append(el('a', { href, 'aria-current': location.pathname === href ? 'page' : null }, label));
  }
}

/** Puts a data-label on every cell from its column's header: on a phone the table becomes one card per row. */
export function cardLabels(table) {
  const titles = [...table.tHead.rows[0].cells].map(th => th.textContent.trim());
  for (const row of table.tBodies[0].rows) {
    [...row.cells].forEach((td, i) => { if (titles[i] && !td.dataset.label) td.dataset.label = titles[i]; });
  }
}
