// The panel under the diagram that shows one selected event whole: its fields, the
// events it is linked to (which recvs read a send's bytes, and the other way round),
// and its bytes as visible text and as a hex + ASCII dump.

import { h } from './dom.js';
import { decodeUtf8, hexDumpRows, formatSize } from './bytes.js';
import { renderVisible } from './visible.js';
import { describeRow, formatMs, readFate } from './diagram.js';

// Enough for any realistic lab payload; a bigger one is cut so the page stays fast
// (the downloadable JSON always has everything).
const MAX_SHOWN_BYTES = 256 * 1024;

const FIELDS = ['actor', 'kind', 'protocol', 'conn', 'local', 'remote', 'peer', 'peerConn', 'offset', 'requested', 'size', 'program', 'line'];

/** An empty panel that invites a selection. */
export function renderDetailPlaceholder() {
  return h('section', { class: 'card detail detail-empty', 'aria-label': 'Event details' },
    h('p', { class: 'muted', text: 'Select an arrow or an event in the diagram to see its fields and its bytes.' }));
}

/** The panel for one row of the sequence model; onJump(index) selects another row. */
export function renderDetail(row, model, { onJump }) {
  const e = row.event;
  const fields = h('dl', { class: 'fields' },
    h('dt', { text: 'time' }), h('dd', { text: formatMs(e.atMs) || '—' }),
    FIELDS.filter((f) => e[f] !== undefined && e[f] !== null).flatMap((f) => [h('dt', { text: f }), h('dd', { text: String(e[f]) })]));

  return h('section', { class: 'card detail', 'data-testid': 'event-detail', 'aria-labelledby': 'detail-heading' },
    h('h3', { id: 'detail-heading' }, h('span', { class: `kind-pill kind-${String(e.kind).replace(/[^a-z]/g, '')}`, text: e.kind ?? '?' }), ' ', describeRow(row, model.lanes)),
    fields,
    linked(row, model, onJump),
    row.bytes ? bytesView(row.bytes, e) : textView(e));
}

function linked(row, model, onJump) {
  const others = [...(model.links.get(row.index) ?? [])].sort((a, b) => a - b).map((i) => model.rows[i]);
  const kind = row.event.kind;
  if (kind === 'send') {
    if (others.length === 0) {
      const why = { lost: 'No recv got this datagram: it was lost (nobody was listening at that address, or it was dropped).',
        unread: 'The receiving end never read these bytes: no recv on this connection reached them.',
        external: 'The other end is outside the lab, so its reads are not recorded.',
        pending: 'No recv has reached these bytes yet (the run goes on, or the transcript was cut short).' }[row.delivery] ?? '';
      return h('p', { class: 'linked muted', text: why });
    }
    return h('div', {}, linkList('Read by', others, model, onJump),
      row.delivery === 'partial' ? h('p', { class: 'linked', 'data-testid': 'unread-bytes', text: unreadText(row) }) : null);
  }
  if (kind === 'recv' && others.length > 0) return linkList('Bytes sent by', others, model, onJump);
  return null;
}

// Reads take the stream in order, so the unread part of a send is its end.
function unreadText(row) {
  const first = row.event.offset + row.read;
  const last = row.event.offset + row.bytes.length - 1;
  return `${readFate(row)}: no recv reached the bytes at stream offsets ${first}–${last}.`;
}

function linkList(title, rows, model, onJump) {
  return h('div', { class: 'linked' },
    h('p', { class: 'linked-title', text: `${title}:` }),
    h('ul', {}, rows.map((r) => h('li', {},
      h('button', { type: 'button', class: 'link-button', on: { click: () => onJump(r.index) } },
        `${formatMs(r.event.atMs)} — ${describeRow(r, model.lanes)}`)))));
}

function bytesView(bytes, event) {
  const cut = bytes.length > MAX_SHOWN_BYTES;
  const shown = cut ? bytes.subarray(0, MAX_SHOWN_BYTES) : bytes;
  const { text, valid } = decodeUtf8(shown);
  return h('div', { class: 'bytes' },
    h('h4', { text: `Bytes (${formatSize(bytes.length)})` }),
    cut ? h('p', { class: 'muted', text: `Showing the first ${formatSize(MAX_SHOWN_BYTES)}; the downloaded JSON has them all.` }) : null,
    bytes.length === 0
      ? h('p', { class: 'muted', text: event.kind === 'recv' && event.protocol !== 'udp' ? 'No bytes: recv returned 0, which means the peer closed the connection.' : 'No bytes.' })
      : [
          h('p', { class: 'bytes-caption' }, valid ? 'As text (UTF-8); ' : 'Not valid UTF-8 (� marks bytes that are not); ',
            h('span', { class: 'legend' }, 'spaces are dotted, ', h('span', { class: 'ws-ctl', 'data-symbol': '␍' }), ' is \\r, ',
              h('span', { class: 'ws-ctl', 'data-symbol': '␊' }), ' is \\n, ', h('span', { class: 'ws-ctl', 'data-symbol': '⇥' }), ' is \\t:')),
          h('pre', { class: 'visible-text bytes-text', tabindex: '0', 'aria-label': 'Bytes as text' }, renderVisible(text)),
          h('p', { class: 'bytes-caption', text: 'Hex and ASCII (16 bytes a row; the first column is the offset in hex):' }),
          h('pre', { class: 'hex-dump', 'data-testid': 'hex-dump', tabindex: '0', 'aria-label': 'Hex dump' }, hexDumpRows(shown).join('\n')),
        ]);
}

function textView(event) {
  if (typeof event.text !== 'string') return null;
  return h('div', { class: 'bytes' },
    h('h4', { text: 'Text' }),
    h('pre', { class: 'visible-text', tabindex: '0' }, renderVisible(event.text)));
}
