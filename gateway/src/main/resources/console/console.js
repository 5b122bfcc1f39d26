'use strict';
// The console: plain DOM, every value written with textContent so nothing a plugin reports can become markup.
const $ = (selector) => document.querySelector(selector);
const KEY = 'llmrecon.gateway.key';
const REFRESH_MS = 2000;
let configTarget = null;

function headers(extra) {
  const h = Object.assign({}, extra);
  const key = sessionStorage.getItem(KEY);
  if (key) h.Authorization = 'Bearer ' + key;
  return h;
}

async function failure(response) {
  if (response.status === 401) $('#auth').hidden = false;
  try {
    const body = await response.json();
    if (body && body.error && body.error.message) return new Error(body.error.message);
  } catch (e) {
    // not JSON: the status line says enough
  }
  return new Error(response.status + ' ' + response.statusText);
}

async function api(method, path, body, contentType) {
  const response = await fetch('/console/api/' + path, {
    method, body, headers: headers(Object.assign({ 'X-LLMrecon-Console': '1' },
      contentType ? { 'Content-Type': contentType } : {})) });
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? null : response.json();
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (className) td.className = className;
  return td;
}

function action(td, label, run) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'link';
  b.textContent = label;
  b.addEventListener('click', () => run().then(refresh).catch(show));
  td.appendChild(b);
}

function show(error) {
  $('#status').textContent = error ? error.message : '';
}

function renderPlugins(plugins) {
  const body = $('#plugins tbody');
  body.replaceChildren();
  for (const p of plugins) {
    const row = body.insertRow();
    row.dataset.name = p.name;
    if (p.providerType) row.dataset.type = p.providerType;
    cell(row, p.name, 'name');
    cell(row, p.providerType);
    cell(row, p.version);
    cell(row, p.state, 'state state-' + p.state);
    cell(row, p.reason, 'reason');
    const actions = cell(row, '');
    const name = encodeURIComponent(p.name);
    action(actions, 'reload', () => api('POST', 'plugins/' + name + '/reload'));
    action(actions, 'remove', () => api('DELETE', 'plugins/' + name));
  }
}

function millis(value) {
  return value + ' ms';
}

function renderTargets(targets) {
  const body = $('#targets tbody');
  body.replaceChildren();
  for (const t of targets) {
    const row = body.insertRow();
    row.dataset.name = t.name;
    cell(row, t.name, 'name');
    cell(row, t.type);
    cell(row, t.source);
    const state = t.available ? 'available' : 'unavailable';
    cell(row, t.available ? state + (t.circuit ? ' (circuit ' + t.circuit + ')' : '') : t.reason,
      'state state-' + state);
    const m = t.metrics;
    cell(row, m ? m.requests : '');
    cell(row, m ? m.errors : '');
    cell(row, m ? m.retries : '');
    cell(row, m ? m.promptTokens + ' / ' + m.completionTokens : '');
    cell(row, m ? [m.latencyP50Ms, m.latencyP95Ms, m.latencyP99Ms].map(millis).join(' / ') : '');
    cell(row, m && m.cost ? m.cost.amount.toFixed(4) + ' ' + m.cost.currency : '');
    action(cell(row, ''), 'configure', () => openConfig(t.name));
  }
}

async function openConfig(target) {
  configTarget = target;
  $('#config-target').textContent = target;
  $('#config-error').textContent = '';
  $('#config-section').hidden = false;
  const body = $('#config tbody');
  body.replaceChildren();
  for (const e of await api('GET', 'targets/' + encodeURIComponent(target) + '/config')) {
    const row = body.insertRow();
    row.dataset.key = e.key;
    cell(row, e.key);
    cell(row, e.value, e.secret ? 'secret' : '');
    cell(row, e.source);
  }
}

async function saveConfig(event) {
  event.preventDefault();
  $('#config-error').textContent = '';
  const value = $('#config-value').value;
  try {
    await api('POST', 'targets/' + encodeURIComponent(configTarget) + '/config',
      JSON.stringify({ key: $('#config-key').value, value: value === '' ? null : value }), 'application/json');
    $('#config-value').value = '';
    await openConfig(configTarget);
  } catch (error) {
    $('#config-error').textContent = error.message;
  }
}

async function upload(event) {
  event.preventDefault();
  const file = $('#upload-file').files[0];
  const status = $('#upload-status');
  if (!file) {
    status.textContent = 'choose a jar first';
    return;
  }
  status.textContent = 'deploying ' + file.name;
  try {
    const result = await api('POST', 'plugins?file=' + encodeURIComponent(file.name), file,
      'application/java-archive');
    status.textContent = 'deployed ' + result.file + '; its state shows above';
    await refresh();
  } catch (error) {
    status.textContent = error.message;
  }
}

async function refreshModels() {
  const response = await fetch('/v1/models', { headers: headers({}) });
  if (!response.ok) throw await failure(response);
  const select = $('#chat-model');
  const chosen = select.value;
  const ids = (await response.json()).data.map((m) => m.id);
  if (ids.join('\n') === Array.from(select.options, (o) => o.value).join('\n')) return;
  select.replaceChildren(...ids.map((id) => new Option(id, id, false, id === chosen)));
}

// Reads the gateway's server-sent events as they arrive: each "data:" line is one chunk, "[DONE]" ends.
async function chat(event) {
  event.preventDefault();
  const output = $('#chat-output');
  const error = $('#chat-error');
  output.textContent = '';
  output.dataset.chunks = '0';
  output.dataset.done = 'false';
  error.textContent = '';
  $('#chat-send').disabled = true;
  try {
    const response = await fetch('/v1/chat/completions', {
      method: 'POST',
      headers: headers({ 'Content-Type': 'application/json', Accept: 'text/event-stream' }),
      body: JSON.stringify({ model: $('#chat-model').value, stream: true,
        messages: [{ role: 'user', content: $('#chat-input').value }] }) });
    if (!response.ok) throw await failure(response);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of block.split('\n')) {
          if (!line.startsWith('data:')) continue;
          const data = line.slice(5).trim();
          if (data === '[DONE]') continue;
          const chunk = JSON.parse(data);
          if (chunk.error) throw new Error(chunk.error.message);
          const delta = chunk.choices && chunk.choices[0] && chunk.choices[0].delta;
          if (delta && delta.content) {
            output.textContent += delta.content;
            output.dataset.chunks = String(Number(output.dataset.chunks) + 1);
          }
        }
      }
    }
  } catch (e) {
    error.textContent = e.message;
  } finally {
    output.dataset.done = 'true';
    $('#chat-send').disabled = false;
  }
}

async function refresh() {
  try {
    const [plugins, targets] = await Promise.all([api('GET', 'plugins'), api('GET', 'targets')]);
    renderPlugins(plugins);
    renderTargets(targets);
    await refreshModels();
    show(null);
  } catch (error) {
    show(error);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('#auth').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $('#auth-key').value);
    $('#auth-key').value = '';
    $('#auth').hidden = true;
    refresh();
  });
  $('#upload').addEventListener('submit', upload);
  $('#config-form').addEventListener('submit', saveConfig);
  $('#chat').addEventListener('submit', chat);
  refresh();
  setInterval(refresh, REFRESH_MS);
});
