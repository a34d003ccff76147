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
  const h = { Accept: 'application/json, application/problem+json', ...headers };
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

/** A problem answer as one readable Chinese line, with the API's own detail. */
export function describe(answer) {
  const p = answer.body || {};
  const lead = {
    400: '输入有误', 401: '请先登录（令牌无效或已过期）', 403: '无权操作', 404: '未找到（或不在您的权限范围内）',
    409: '冲突', 412: '数据已被他人修改，请刷新后再保存', 413: '文件过大', 415: '文件格式不支持', 423: '该期间已锁定',
  }[answer.status] || ('出错了（' + answer.status + '）');
  const fields = (p.errors || []).map(e => (e.field ? e.field + '：' : '') + e.message).join('；');
  return lead + (p.detail ? '：' + p.detail : '') + (fields ? '（' + fields + '）' : '');
}

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
    container.append(el('span', { class: 'who', id: 'signed-in' }, '已登录'),
      el('button', { type: 'button', id: 'sign-out', onclick: () => { signOut(); signInBar(container, onChange); onChange(); } }, '退出'));
  } else {
    const input = el('input', { type: 'password', id: 'token', placeholder: '访问令牌（zb_…）', autocomplete: 'off', 'aria-label': '访问令牌' });
    const form = el('form', { class: 'sign-in', onsubmit: e => { e.preventDefault(); if (input.value.trim()) { signIn(input.value); signInBar(container, onChange); onChange(); } } },
      input, el('button', { type: 'submit', id: 'sign-in' }, '登录'));
    container.append(form, el('span', { class: 'hint' }, '未登录时只显示公开数据'));
  }
}
