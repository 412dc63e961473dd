// The classroom demo: four chat panes, each a real browser client of its own server (fetch for the two
// polling servers, WebSocket for the third, EventSource for the fourth), all in one room. Plain browser APIs, no libraries, no build step.
// Message text is only ever rendered with textContent, never as HTML.
'use strict';

const TIMELINE_WINDOW_MS = 20000;
const MAX_SHOWN_MESSAGES = 200;
const METRICS_EVERY_MS = 500;
const RETRY_MS = 1000;

const DESCRIPTIONS = {
  'short-polling': {
    title: 'Short polling',
    how: 'Asks "anything new?" every interval; the server answers at once, usually with nothing.',
    legend: 'tick = one poll (grey: came back empty, red: had messages), blue = a send',
  },
  'long-polling': {
    title: 'Long polling',
    how: 'Asks once; the server holds the request until a message arrives or the timeout runs out.',
    legend: 'bar = one held request (filled while waiting), blue = a send',
  },
  'websocket': {
    title: 'WebSocket',
    how: 'One connection stays open; the server pushes each message as a frame the moment it exists.',
    legend: 'dot = one frame (green: pushed to us, blue: sent by us)',
  },
  'sse': {
    title: 'Server-Sent Events',
    how: 'One response that never ends; the server writes each message as an event. Sends are POSTs; the '
      + 'browser reconnects by itself and resumes after the last id it saw.',
    legend: 'dot = one event pushed to us, blue = a send',
  },
};

const session = Array.from(crypto.getRandomValues(new Uint8Array(6)), b => (b % 36).toString(36)).join('');
const $ = id => document.getElementById(id);

/** One chat pane: its transport, its messages, its meters and its timeline. */
class Pane {
  constructor(transport, config) {
    this.transport = transport;
    this.clientId = `demo-${session}-${transport}`;
    this.room = config.room;
    this.after = config.lastId;
    this.base = `${location.protocol}//${location.hostname}:${config.ports[transport]}`;
    this.seen = new Set();
    this.delays = { last: null, sum: 0, count: 0 };
    this.events = [];

    const d = DESCRIPTIONS[transport];
    this.el = $('pane-template').content.firstElementChild.cloneNode(true);
    this.el.id = `pane-${transport}`;
    this.el.dataset.transport = transport;
    this.el.querySelector('.title').textContent = d.title;
    this.el.querySelector('.where').textContent = `port ${config.ports[transport]}`;
    this.el.querySelector('.how').textContent = d.how;
    this.el.querySelector('.legend').textContent = d.legend;
    this.list = this.el.querySelector('.messages');
    this.canvas = this.el.querySelector('.timeline');
    const input = this.el.querySelector('.composer .text');
    this.el.querySelector('.composer').addEventListener('submit', event => {
      event.preventDefault();
      if (input.value !== '') {
        this.send(input.value);
        input.value = '';
      }
    });
  }

  url(path, query) {
    const tagged = query ? `${query}&client=${this.clientId}` : `client=${this.clientId}`;
    return `${this.base}/rooms/${encodeURIComponent(this.room)}/${path}?${tagged}`;
  }

  outgoing(text) {
    const from = `${$('name').value.trim() || 'someone'} (${DESCRIPTIONS[this.transport].title})`;
    return JSON.stringify({ from: from.slice(0, 64), text, stamp: Date.now() });
  }

  /** Sends through this pane's own transport: a POST for the polling servers. */
  async send(text) {
    const start = performance.now();
    this.events.push({ kind: 'send', start });
    try {
      // A string body goes as text/plain: a "simple" cross-origin request, so no CORS preflight.
      const response = await fetch(this.url('messages', ''), { method: 'POST', body: this.outgoing(text) });
      if (!response.ok) {
        showError(`${this.transport}: sending failed with ${response.status}`);
      }
    } catch (e) {
      showError(`${this.transport}: sending failed (${e.message})`);
    }
  }

  /** Shows newly delivered messages with the delay each took to get here. */
  receive(messages) {
    const now = Date.now();
    for (const m of messages) {
      if (m.error !== undefined) {
        continue;
      }
      this.after = Math.max(this.after, m.id);
      if (this.seen.has(m.id)) {
        continue;
      }
      this.seen.add(m.id);
      const li = document.createElement('li');
      li.className = 'message';
      li.dataset.id = m.id;
      const from = document.createElement('span');
      from.className = 'from';
      from.textContent = m.from;
      const text = document.createElement('span');
      text.className = 'text';
      text.textContent = m.text;
      const delay = document.createElement('span');
      delay.className = 'delay';
      if (typeof m.stamp === 'number') {
        const ms = Math.max(0, now - m.stamp);
        this.delays.last = ms;
        this.delays.sum += ms;
        this.delays.count += 1;
        delay.textContent = `+${ms} ms`;
      }
      li.append(from, text, delay);
      this.list.append(li);
      while (this.list.children.length > MAX_SHOWN_MESSAGES) {
        this.seen.delete(Number(this.list.firstElementChild.dataset.id));
        this.list.firstElementChild.remove();
      }
      this.list.scrollTop = this.list.scrollHeight;
    }
    this.showDelays();
  }

  showDelays() {
    const meter = name => this.el.querySelector(`[data-meter="${name}"]`);
    meter('lastDelay').textContent = this.delays.last === null ? '–' : `${this.delays.last} ms`;
    meter('averageDelay').textContent =
      this.delays.count === 0 ? '–' : `${Math.round(this.delays.sum / this.delays.count)} ms`;
  }

  resetLocal() {
    this.delays = { last: null, sum: 0, count: 0 };
    this.events = [];
    this.showDelays();
  }

  showMetrics(client, server) {
    const set = (name, value) => {
      this.el.querySelector(`[data-meter="${name}"]`).textContent = value.toLocaleString('en-US');
    };
    for (const name of ['requests', 'emptyResponses', 'bytesIn', 'bytesOut', 'openConnections']) {
      set(name, client ? client[name] : 0);
    }
    set('serverConnections', server.openConnections);
    set('serverBytesOut', server.bytesWritten);
  }

  draw() {
    const ctx = this.canvas.getContext('2d');
    const width = this.canvas.clientWidth || this.canvas.width;
    if (this.canvas.width !== width) {
      this.canvas.width = width;
    }
    const height = this.canvas.height;
    const now = performance.now();
    const x = t => width - ((now - t) / TIMELINE_WINDOW_MS) * width;
    this.events = this.events.filter(e => (e.end ?? now) > now - TIMELINE_WINDOW_MS);
    ctx.clearRect(0, 0, width, height);
    const accent = getComputedStyle(this.el).getPropertyValue('--accent').trim();
    for (const e of this.events) {
      if (e.kind === 'send') {
        ctx.fillStyle = '#2e86c1';
        ctx.fillRect(x(e.start) - 1, 2, 3, height - 4);
      } else if (e.kind === 'tick') {
        ctx.fillStyle = e.empty ? '#aab7b8' : accent;
        ctx.fillRect(x(e.start) - 1, 10, 2, height - 20);
      } else if (e.kind === 'hold') {
        const end = e.end ?? now;
        ctx.fillStyle = e.end === undefined ? accent : (e.empty ? '#d5d8dc' : accent);
        ctx.globalAlpha = e.end === undefined ? 0.35 : 0.8;
        ctx.fillRect(x(e.start), 16, Math.max(2, x(end) - x(e.start)), height - 32);
        ctx.globalAlpha = 1;
      } else if (e.kind === 'frame') {
        ctx.fillStyle = e.outgoing ? '#2e86c1' : accent;
        ctx.beginPath();
        ctx.arc(x(e.start), e.outgoing ? height / 3 : (2 * height) / 3, 4, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
  }
}

/** Short polling: a GET every interval, answered at once. */
class ShortPollingPane extends Pane {
  async start() {
    for (;;) {
      const event = { kind: 'tick', start: performance.now() };
      try {
        const response = await fetch(this.url('messages', `after=${this.after}`), { cache: 'no-store' });
        const body = await response.json();
        if (response.status === 410) {
          this.after = body.oldest - 1;
        } else if (response.ok) {
          event.empty = body.length === 0;
          this.receive(body);
        }
        this.events.push(event);
        await sleep(Number($('poll-interval').value));
      } catch (e) {
        showError(`short polling: ${e.message}; retrying`);
        await sleep(RETRY_MS);
      }
    }
  }
}

/** Long polling: a GET the server holds until a message arrives or the timeout runs out; then at once again. */
class LongPollingPane extends Pane {
  async start() {
    for (;;) {
      const event = { kind: 'hold', start: performance.now() };
      this.events.push(event);
      try {
        const wait = Number($('long-poll-timeout').value) * 1000;
        const response = await fetch(this.url('messages', `after=${this.after}&wait=${wait}`),
          { cache: 'no-store' });
        const body = await response.json();
        event.end = performance.now();
        if (response.status === 410) {
          this.after = body.oldest - 1;
        } else if (response.ok) {
          event.empty = body.length === 0;
          this.receive(body);
        } else {
          await sleep(RETRY_MS);
        }
      } catch (e) {
        event.end = performance.now();
        showError(`long polling: ${e.message}; retrying`);
        await sleep(RETRY_MS);
      }
    }
  }
}

/** WebSocket: one connection; each message arrives as a frame. */
class WebSocketPane extends Pane {
  start() {
    const socket = new WebSocket(this.url('ws', `after=${this.after}`).replace(/^http/, 'ws'));
    this.socket = socket;
    socket.onmessage = event => {
      this.events.push({ kind: 'frame', start: performance.now() });
      this.receive([JSON.parse(event.data)]);
    };
    socket.onclose = () => {
      showError('websocket: connection closed; reconnecting');
      setTimeout(() => this.start(), RETRY_MS);
    };
  }

  send(text) {
    if (this.socket.readyState !== WebSocket.OPEN) {
      showError('websocket: not connected yet');
      return;
    }
    this.events.push({ kind: 'frame', start: performance.now(), outgoing: true });
    this.socket.send(this.outgoing(text));
  }
}

/** Server-Sent Events: a browser EventSource; it reconnects by itself, sending Last-Event-ID to resume. */
class EventSourcePane extends Pane {
  start() {
    const source = new EventSource(this.url('events', `after=${this.after}`));
    source.onmessage = event => {
      this.events.push({ kind: 'frame', start: performance.now() });
      this.receive([JSON.parse(event.data)]);
    };
    source.addEventListener('gap', event => showError(`sse: ${JSON.parse(event.data).message}`));
    source.onerror = () => {
      if (source.readyState === EventSource.CONNECTING) {
        showError('sse: the stream ended; the browser reconnects with Last-Event-ID');
      }
    };
  }
}

const PANE_TYPES = {
  'short-polling': ShortPollingPane,
  'long-polling': LongPollingPane,
  'websocket': WebSocketPane,
  'sse': EventSourcePane,
};

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

function showError(text) {
  const el = $('demo-error');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => { el.hidden = true; }, 5000);
}

function formatBytes(n) {
  return n < 0 ? 'n/a' : `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Reads the server's own counters (the admin port: reading them adds no bytes to the panes' meters). */
async function refreshMetrics(panes, previous) {
  try {
    const metrics = await (await fetch('/metrics', { cache: 'no-store' })).json();
    const clients = metrics.demoClients || {};
    for (const pane of panes) {
      pane.showMetrics(clients[pane.clientId], metrics.transports[pane.transport]);
    }
    // Counts the refreshes, so that a test can wait for meters read after what it did.
    document.body.dataset.meterReads = Number(document.body.dataset.meterReads || 0) + 1;
    const p = metrics.process;
    $('load-threads').textContent = p.liveThreads;
    $('load-heap').textContent = formatBytes(p.heapUsedBytes);
    $('load-rss').textContent = formatBytes(p.residentBytes);
    if (previous && p.uptimeMillis > previous.uptimeMillis && p.cpuTimeNanos >= 0) {
      const busy = (p.cpuTimeNanos - previous.cpuTimeNanos) / 1e6 / (p.uptimeMillis - previous.uptimeMillis);
      $('load-cpu').textContent = `${Math.round((100 * busy) / p.availableProcessors)} % of ${p.availableProcessors} cores`;
    }
    return p;
  } catch (e) {
    showError(`metrics: ${e.message}`);
    return previous;
  }
}

async function refreshCrowd(response) {
  const status = await (response || await fetch('/demo/crowd', { cache: 'no-store' })).json();
  if (status.error) {
    showError(status.message);
    return;
  }
  const c = status.connected;
  $('crowd-status').textContent = status.clientsPerTransport === 0 ? 'no crowd'
    : `${status.clientsPerTransport} per transport; connected: ${c['short-polling']} / ${c['long-polling']} / ${c.websocket} / ${c.sse}`;
}

function wireControls(panes) {
  const show = (input, output, unit) => {
    const update = () => { $(output).textContent = `${$(input).value} ${unit}`; };
    $(input).addEventListener('input', update);
    update();
  };
  show('poll-interval', 'poll-interval-value', 'ms');
  show('long-poll-timeout', 'long-poll-timeout-value', 's');

  let talker = null;
  let spoken = 0;
  $('auto-talker').addEventListener('change', event => {
    clearInterval(talker);
    if (event.target.checked) {
      talker = setInterval(() => {
        spoken += 1;
        panes[spoken % panes.length].send(`automatic message #${spoken}`);
      }, 1000);
    }
  });

  $('crowd-start').addEventListener('click', async () => {
    const size = Math.max(0, Math.min(2000, Number($('crowd-size').value) || 0));
    refreshCrowd(await fetch(`/demo/crowd?clients=${size}`, { method: 'POST' }));
  });
  $('crowd-stop').addEventListener('click', async () => {
    await fetch('/demo/crowd', { method: 'DELETE' });
    refreshCrowd();
  });
  $('reset').addEventListener('click', async () => {
    await fetch('/metrics/reset', { method: 'POST' });
    panes.forEach(pane => pane.resetLocal());
  });
}

async function main() {
  const config = await (await fetch('/demo/config', { cache: 'no-store' })).json();
  // One pane per running server (the launcher's --transports may leave one out).
  const panes = Object.keys(config.ports).map(transport => new PANE_TYPES[transport](transport, config));
  const container = document.querySelector('.panes');
  panes.forEach(pane => container.append(pane.el));
  wireControls(panes);
  panes.forEach(pane => pane.start());

  let previous = null;
  const tick = async () => {
    previous = await refreshMetrics(panes, previous);
    setTimeout(tick, METRICS_EVERY_MS);
  };
  tick();
  setInterval(() => refreshCrowd().catch(e => showError(`crowd: ${e.message}`)), 2000);
  const draw = () => {
    panes.forEach(pane => pane.draw());
    requestAnimationFrame(draw);
  };
  requestAnimationFrame(draw);
  document.body.dataset.ready = 'true';
}

main().catch(e => showError(`the demo could not start: ${e.message}`));
