// "Follow stream": one TCP connection's bytes, both directions in the order they were
// sent, one colour per direction, as text or hex, with a mark where each recv ended
// (where the program's reads cut the stream), and an HTTP message shown parsed.

import { h, replace } from './dom.js';
import { decodeUtf8, hexDumpRows, formatSize } from './bytes.js';
import { renderVisible } from './visible.js';
import { followStream, splitAtCuts } from './stream.js';
import { parseHttpMessage } from './http.js';
import { number } from './timeline.js';

// A bigger stream is cut so the page stays fast (the downloaded JSON has it all).
const MAX_SHOWN_BYTES = 256 * 1024;

/** The stream panel for connection `conn`; onClose() goes back to the event detail. */
export function renderStream(model, conn, { onClose, mode = 'text' }) {
  const stream = followStream(model, conn);
  const body = h('div', { class: 'stream-body' });
  const modes = [['text', 'Text'], ['hex', 'Hex'], ['http', 'HTTP']];
  const http = stream.directions.map((d) => parseHttpMessage(d.bytes));
  const buttons = modes.filter(([m]) => m !== 'http' || http.some(Boolean)).map(([m, label]) =>
    h('button', { type: 'button', class: 'chip', 'data-testid': `stream-mode-${m}`, 'aria-pressed': String(m === mode), on: { click: () => show(m) } }, label));
  const show = (m) => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.testid === `stream-mode-${m}`));
    replace(body, m === 'hex' ? hexView(stream) : m === 'http' ? httpView(stream, http) : textView(stream));
  };
  show(mode);
  return h('section', { class: 'card detail stream', 'data-testid': 'stream', 'data-conn': conn, 'aria-labelledby': 'stream-heading' },
    h('div', { class: 'stream-head' },
      h('h3', { id: 'stream-heading', tabindex: '-1', text: `Connection ${conn}: the whole stream` }),
      h('button', { type: 'button', class: 'button small', 'data-testid': 'stream-close', on: { click: onClose } }, 'Back to the event')),
    h('ul', { class: 'stream-legend' }, stream.directions.map((d, i) =>
      h('li', { class: `dir-${i % 2}` }, h('span', { class: 'swatch', 'aria-hidden': 'true' }),
        `${d.from} → ${d.to}: ${formatSize(d.bytes.length)}, ${number(d.cuts.length)} ${d.cuts.length === 1 ? 'recv' : 'recvs'}`))),
    h('p', { class: 'bytes-caption' }, 'Pieces in the order they were sent. ', h('span', { class: 'recv-cut', 'aria-hidden': 'true' }),
      ' marks where a recv returned: the next recv started there.'),
    h('div', { class: 'chips', role: 'group', 'aria-label': 'Show the stream as' }, buttons),
    body);
}

function slices(stream, visit) {
  let shown = 0;
  for (const piece of stream.pieces) {
    if (shown >= MAX_SHOWN_BYTES) return true;
    const dir = stream.directions[piece.dir];
    for (const part of splitAtCuts(piece.start, piece.end, dir.cuts)) {
      visit(piece, part, dir.bytes.subarray(part.start, part.end));
      shown += part.end - part.start;
    }
  }
  return false;
}

function textView(stream) {
  const pre = h('pre', { class: 'visible-text stream-text', 'data-testid': 'stream-text', tabindex: '0', 'aria-label': 'The stream as text' });
  let open = null;
  const cut = slices(stream, (piece, part, bytes) => {
    if (!open || open.piece !== piece) {
      open = { piece, el: h('span', { class: `stream-piece dir-${piece.dir % 2}`, 'data-testid': 'stream-chunk', 'data-dir': piece.dir, 'data-offset': piece.start, title: `${stream.directions[piece.dir].from} → ${stream.directions[piece.dir].to}, offsets ${piece.start}–${piece.end - 1}` }) };
      pre.append(open.el);
    }
    open.el.append(renderVisible(decodeUtf8(bytes).text));
    if (part.cutAfter) open.el.append(cutMark(part.cutAfter));
  });
  return [pre, cut ? shortened() : null];
}

function cutMark(read) {
  const got = read.end - read.start;
  return h('span', { class: 'recv-cut', 'data-testid': 'recv-cut', 'data-offset': read.end, title: `recv(${read.requested ?? '?'}) → ${got} ended here, at offset ${read.end}` });
}

function hexView(stream) {
  const lines = [];
  const cut = slices(stream, (piece, part, bytes) => {
    const dir = stream.directions[piece.dir];
    if (part.start === piece.start) lines.push(h('span', { class: `hex-title dir-${piece.dir % 2}`, text: `${dir.from} → ${dir.to}, offsets ${piece.start}–${piece.end - 1}\n` }));
    lines.push(h('span', { class: `dir-${piece.dir % 2}`, text: hexDumpRows(bytes, part.start).join('\n') + '\n' }));
    if (part.cutAfter) lines.push(h('span', { class: 'hex-cut', text: `── recv(${part.cutAfter.requested ?? '?'}) → ${part.cutAfter.end - part.cutAfter.start} ended at offset ${part.end} ──\n` }));
  });
  return [h('pre', { class: 'hex-dump stream-hex', 'data-testid': 'stream-hex', tabindex: '0', 'aria-label': 'The stream as hex' }, lines), cut ? shortened() : null];
}

function httpView(stream, messages) {
  return stream.directions.map((d, i) => {
    const m = messages[i];
    if (!m) return h('p', { class: 'muted', text: `${d.from} → ${d.to}: not an HTTP message.` });
    const { text } = decodeUtf8(m.body.subarray(0, MAX_SHOWN_BYTES));
    return h('div', { class: `http-message dir-${i % 2}`, 'data-testid': 'http-message' },
      h('h4', { text: `${d.from} → ${d.to}: ${m.kind}` }),
      h('p', {}, h('code', { class: 'http-start', text: m.startLine })),
      m.fields.length ? h('dl', { class: 'fields' }, m.fields.flatMap(([name, value]) => [h('dt', { text: name }), h('dd', { text: value })])) : null,
      h('p', { class: 'bytes-caption', text: `Body: ${formatSize(m.body.length)}${m.bodyNote ? ` — ${m.bodyNote}` : ''}` }),
      m.body.length ? h('pre', { class: 'visible-text bytes-text', tabindex: '0' }, renderVisible(text)) : null,
      m.rest > 0 ? h('p', { class: 'muted', text: `${formatSize(m.rest)} more follow this message on the connection.` }) : null);
  });
}

function shortened() {
  return h('p', { class: 'muted', text: `Showing the first ${formatSize(MAX_SHOWN_BYTES)}; the downloaded JSON has every byte.` });
}
