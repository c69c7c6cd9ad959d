// A headless Chromium driven over the DevTools protocol, with no npm packages: Node 20 has no
// WebSocket client, so the few lines of RFC 6455 a DevTools connection needs are here (text
// frames, masked from the client, §5.2-5.3; a message may come in fragments, §5.4).

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Starts headless Chromium at `width`×`height` on a loopback DevTools port; returns {browser, close()}. */
export async function launch({ width = 1280, height = 900, timeoutMillis = 30_000 } = {}) {
  const binary = process.env.CHROMIUM ?? CHROMIUM.find((p) => fs.existsSync(p));
  if (!binary) throw new Error('needs Chromium (apt-get install chromium), or CHROMIUM=path');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'socketlab-bench-'));
  // The same flags as the browser tests (Browser.java): no reaching out to the network.
  const child = spawn(binary, ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-extensions', `--window-size=${width},${height}`, `--user-data-dir=${profile}`,
    '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const browserUrl = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start within ${timeoutMillis} ms: ${seen}`)), timeoutMillis);
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Chromium exited (${code}): ${seen}`)); });
  });
  const { port } = new URL(browserUrl);
  const targets = await getJson(`http://127.0.0.1:${port}/json/list`);
  const page = targets.find((t) => t.type === 'page');
  const session = await connect(page.webSocketDebuggerUrl);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    session,
    // Browser.close ends Chromium itself (the process started may be a wrapper script); the kill is
    // for a browser that does not answer.
    async close() {
      session.close();
      try {
        const browser = await connect(browserUrl, { timeoutMillis: 5000 });
        await browser.send('Browser.close').catch(() => {});
        browser.close();
      } catch { /* gone already */ }
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

function getJson(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => { try { resolve(JSON.parse(body)); } catch (e) { reject(e); } });
    }).on('error', reject);
  });
}

/**
 * A DevTools session over a WebSocket: send(method, params) → result (a Promise, time-limited),
 * on(method, handler) for events.
 */
export function connect(wsUrl, { timeoutMillis = 60_000 } = {}) {
  const url = new URL(wsUrl);
  const key = crypto.randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, headers: {
      Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': key, 'Sec-WebSocket-Version': '13' } });
    req.on('error', reject);
    req.on('upgrade', (res, socket, head) => resolve(new Session(socket, head, timeoutMillis)));
    req.end();
  });
}

class Session {
  constructor(socket, head, timeoutMillis) {
    this.socket = socket;
    this.timeoutMillis = timeoutMillis;
    this.nextId = 1;
    this.pending = new Map();
    this.handlers = new Map();
    this.buffer = head.length ? Buffer.from(head) : Buffer.alloc(0);
    this.fragments = [];
    socket.setNoDelay(true);
    socket.on('data', (chunk) => { this.buffer = Buffer.concat([this.buffer, chunk]); this.readFrames(); });
    socket.on('close', () => { for (const { reject } of this.pending.values()) reject(new Error('DevTools connection closed')); });
    this.readFrames();
  }

  send(method, params = {}) {
    const id = this.nextId++;
    this.write(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new Error(`${method}: no answer in ${this.timeoutMillis} ms`)); }, this.timeoutMillis);
      this.pending.set(id, { resolve: (v) => { clearTimeout(timer); resolve(v); }, reject: (e) => { clearTimeout(timer); reject(e); } });
    });
  }

  on(method, handler) {
    if (!this.handlers.has(method)) this.handlers.set(method, new Set());
    this.handlers.get(method).add(handler);
    return () => this.handlers.get(method).delete(handler);
  }

  close() {
    this.socket.end();
  }

  write(text) {
    const payload = Buffer.from(text, 'utf8');
    const n = payload.length;
    const header = n < 126 ? Buffer.from([0x81, 0x80 | n])
      : n < 65536 ? Buffer.from([0x81, 0x80 | 126, n >> 8, n & 255])
        : Buffer.concat([Buffer.from([0x81, 0x80 | 127]), u64(n)]);
    const mask = crypto.randomBytes(4);
    for (let i = 0; i < n; i++) payload[i] ^= mask[i & 3];
    this.socket.write(Buffer.concat([header, mask, payload]));
  }

  readFrames() {
    for (;;) {
      const b = this.buffer;
      if (b.length < 2) return;
      let len = b[1] & 0x7f;
      let at = 2;
      if (len === 126) { if (b.length < 4) return; len = b.readUInt16BE(2); at = 4; }
      else if (len === 127) { if (b.length < 10) return; len = Number(b.readBigUInt64BE(2)); at = 10; }
      if (b.length < at + len) return;
      const fin = (b[0] & 0x80) !== 0;
      const opcode = b[0] & 0x0f;
      const payload = b.subarray(at, at + len);
      this.buffer = b.subarray(at + len);
      if (opcode === 0x8) { this.socket.end(); return; }
      if (opcode === 0x9) continue; // ping: DevTools does not send them
      if (opcode === 0x1 || opcode === 0x0) {
        this.fragments.push(Buffer.from(payload));
        if (fin) {
          const text = Buffer.concat(this.fragments).toString('utf8');
          this.fragments = [];
          this.dispatch(JSON.parse(text));
        }
      }
    }
  }

  dispatch(message) {
    if (message.id !== undefined) {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.error) p.reject(new Error(`${message.error.message} (${message.error.code})`));
      else p.resolve(message.result);
    } else {
      for (const handler of this.handlers.get(message.method) ?? []) handler(message.params);
    }
  }
}

function u64(n) {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}
