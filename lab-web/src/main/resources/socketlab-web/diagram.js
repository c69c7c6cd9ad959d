// Draws a transcript as an SVG sequence diagram: one lane per actor, time running
// down (one even step per event, or placed by time: timeline.js), sends as arrows to
// the lane at the other end of their connection, marked when some of their bytes were
// never read. Each row is a focusable button: click, or Tab into the diagram then
// ↑/↓/Home/End to move and Enter/Space to select (one tab stop for the whole diagram,
// so long transcripts do not trap the keyboard).

import { s, h } from './dom.js';
import { preview, formatSize } from './bytes.js';
import { itemKey, itemOfRow, number } from './timeline.js';
import { VirtualWindow } from './virtual.js';

const GUTTER = 78;        // px, the time column
const HEADER = 56;        // px, lane name boxes
const RIGHT_PAD = 40;     // px after the last lane, room for its labels
const LANE_MIN = 112;
const LANE_MAX = 300;
const CHAR_PX = 7.3;      // width of one 12px monospace character, for cutting labels

/** "0.80 ms", "12.4 ms", "1.23 s" */
export function formatMs(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** One-line description of a row, used for aria-labels and the detail heading. */
export function describeRow(row, lanes) {
  const e = row.event;
  const who = e.actor ?? '?';
  switch (e.kind) {
    case 'send': {
      const to = lanes[row.target]?.name ?? e.remote ?? '?';
      const fate = { lost: ' (lost: nobody received it)', unread: ' (never read)', partial: ` (${readFate(row)})`,
        pending: ` (${row.read} read so far)` }[row.delivery] ?? '';
      return `${who} sends ${formatSize(row.bytes.length)} to ${to}${fate}`;
    }
    case 'recv': return `${who} recv(${e.requested ?? '?'}) → ${e.size ?? row.bytes.length}${closedByPeer(row) ? ' (peer closed)' : ''}`;
    case 'listen': return `${who} listens on ${e.local ?? '?'}${e.protocol === 'udp' ? ' (udp)' : ''}`;
    case 'connect': return `${who} connects to ${e.remote ?? '?'}`;
    case 'accept': return `${who} accepts a connection from ${e.remote ?? '?'}`;
    case 'close': return `${who} closes ${e.local ?? 'a socket'}`;
    case 'error': return `${who}: error${e.remote ? ` (${e.remote})` : ''}: ${e.text ?? 'unknown'}`;
    case 'output': return `${who} prints: ${e.text ?? ''}`;
    case 'note': return `Note: ${e.text ?? ''}`;
    default: return `${who}: ${e.kind}`;
  }
}

/** "8 read, 3 never read" for a send whose bytes were partly read. */
export function readFate(row) {
  return `${row.read} read, ${row.bytes.length - row.read} never read`;
}

// The arrow's head, never cut: "11 B", "11 B, never read", "11 B, 8 read, 3 never read".
function sendHead(row) {
  const size = `${row.bytes.length} B`;
  if (row.delivery === 'partial') return `${size}, ${readFate(row)}`;
  if (row.delivery === 'unread') return `${size}, never read`;
  if (row.delivery === 'lost') return `${size}, lost`;
  if (row.delivery === 'pending') return `${size}, ${row.read} read so far`;
  return size;
}

const closedByPeer = (row) => row.event.kind === 'recv' && row.event.protocol !== 'udp' && row.bytes.length === 0;

/**
 * The diagram of a sequence model (sequence.js) as laid out by timeline.js: lane names
 * in a bar that stays at the top of the diagram's scroll box, and only the items near
 * the visible part drawn (virtual.js), so a run of thousands of events stays fast.
 * show() may be called again as a live run grows: the scroll position, the selection
 * and the keyboard focus stay where they were.
 *   onSelect(row, model): the user selected a row; onToggle(groupKey): a collapsed run
 *   was opened (Enter or click on it).
 */
export class SequenceDiagram {
  constructor({ onSelect = () => {}, onToggle = () => {} } = {}) {
    this.onSelect = onSelect;
    this.onToggle = onToggle;
    this.selected = null;      // row index (a row of the model, not an item)
    this.focusItem = 0;
    this.laneBar = s('svg', { class: 'diagram lane-bar', 'aria-hidden': 'true' });
    this.body = s('svg', { class: 'diagram diagram-body', role: 'group' });
    this.backG = s('g', { class: 'lifelines' });
    this.rowsG = s('g', { class: 'rows' });
    this.body.append(this.backG, this.rowsG);
    this.element = h('div', { class: 'diagram-scroll', 'data-testid': 'diagram' },
      h('div', { class: 'lane-bar-holder' }, this.laneBar), this.body);
    this.window = new VirtualWindow(this.element, {
      offset: HEADER,
      draw: (i) => this.drawItem(i),
      keyOf: (i) => itemKey(this.items[i], this.layout, i),
      place: (elements) => { this.rowsG.replaceChildren(...elements); this.markSelection(); },
    });
    this.body.addEventListener('keydown', (event) => this.key(event));
  }

  /** Draws (or redraws) `items` of `model` at `layout`'s places in `width` px. */
  show(model, items, layout, width) {
    this.model = model;
    this.items = items;
    const { lanes } = model;
    const laneW = Math.max(LANE_MIN, Math.min(LANE_MAX, Math.floor((width - GUTTER - RIGHT_PAD) / Math.max(1, lanes.length))));
    // Wider than the lanes need when there is room: the last lane's labels get it.
    const svgW = Math.max(GUTTER + laneW * lanes.length + RIGHT_PAD, Math.floor(width));
    this.geo = { laneW, svgW, laneX: (i) => GUTTER + laneW * i + laneW / 2 };
    const bodyH = layout.total + 16;
    for (const [svg, height] of [[this.laneBar, HEADER], [this.body, bodyH]]) {
      svg.setAttribute('width', svgW);
      svg.setAttribute('height', height);
      svg.setAttribute('viewBox', `0 0 ${svgW} ${height}`);
    }
    this.laneBar.replaceChildren(s('text', { class: 'gutter-title', x: GUTTER - 10, y: HEADER / 2 + 4, 'text-anchor': 'end' }, layout.gaps ? 'time' : ''),
      ...lanes.map((lane) => laneHeader(lane, this.geo, 12)));
    this.body.setAttribute('aria-label', `Sequence diagram: ${lanes.length} lanes, ${items.length} items for ${model.rows.length} events. Use the arrow keys to move between events and Enter to inspect one.`);
    // Only the lifelines are replaced: the rows' group stays, so a focused row keeps its focus.
    this.backG.replaceChildren(
      ...lanes.map((lane) => s('line', { class: lane.external ? 'lifeline external' : 'lifeline', x1: this.geo.laneX(lane.id), x2: this.geo.laneX(lane.id), y1: 0, y2: bodyH })),
      ...(layout.gaps ?? []).map((gap) => s('text', { class: 'time-gap', x: 6, y: layout.tops[gap.at] - 60 }, `⋯ ${formatMs(gap.ms)} later`)));
    this.layout = layout;
    this.focusItem = Math.min(this.focusItem, Math.max(0, items.length - 1));
    // Rows keep their elements while the lanes keep their places (a live run growing).
    const geometry = `${svgW} ${laneW} ${lanes.length}`;
    this.window.reset(layout, { keep: geometry === this.geometry });
    this.geometry = geometry;
    this.markSelection();
    this.element.classList.toggle('diagram-empty', items.length === 0);
  }

  drawItem(i) {
    const item = this.items[i];
    const top = this.layout.tops[i];
    const height = this.layout.heights[i];
    const el = item.type === 'group'
      ? drawGroup(item, this.model, this.geo, top, height)
      : drawRow(item.row, this.model, this.geo, top, height);
    el.setAttribute('tabindex', i === this.focusItem ? '0' : '-1');
    el.addEventListener('click', () => { const at = Number(el.dataset.item); this.setFocusable(at); this.activate(at); el.focus({ preventScroll: true }); });
    el.addEventListener('focus', () => this.setFocusable(Number(el.dataset.item)));
    return el;
  }

  setFocusable(i) {
    this.window.cache.get(this.focusItem)?.setAttribute('tabindex', '-1');
    this.focusItem = i;
    this.window.cache.get(i)?.setAttribute('tabindex', '0');
  }

  activate(i) {
    const item = this.items[i];
    if (item.type === 'group') this.onToggle(item.key);
    else this.select(item.row.index);
  }

  /** Selects model row `index` (drawn as its own item, or inside a collapsed run). */
  select(index, { focus = false } = {}) {
    const row = this.model?.rows[index];
    if (!row) return;
    this.selected = index;
    const i = itemOfRow(this.items, index);
    if (i !== -1) {
      this.window.reveal(i);
      this.setFocusable(i);
      if (focus) this.window.element(i)?.focus({ preventScroll: true });
    }
    this.markSelection();
    this.onSelect(row, this.model);
  }

  focusCurrent() {
    this.window.element(this.focusItem)?.focus({ preventScroll: true });
  }

  markSelection() {
    const related = this.model?.links.get(this.selected) ?? new Set();
    for (const [i, el] of this.window.cache) {
      const item = this.items[i];
      const rows = item.type === 'group' ? item.rows : [item.row];
      const isSelected = rows.some((r) => r.index === this.selected);
      el.setAttribute('tabindex', i === this.focusItem ? '0' : '-1');
      el.classList.toggle('selected', isSelected);
      el.classList.toggle('related', !isSelected && rows.some((r) => related.has(r.index)));
      if (item.type === 'row') el.setAttribute('aria-pressed', String(isSelected));
    }
  }

  key(event) {
    const i = this.focusItem;
    const moves = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: this.items.length - 1, PageDown: i + 10, PageUp: i - 10 };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.max(0, Math.min(this.items.length - 1, moves[event.key]));
      this.window.reveal(next);
      this.setFocusable(next);
      this.window.element(next)?.focus({ preventScroll: true });
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.activate(i);
    }
  }
}

// A run of alike events drawn as one: the first one's marker, doubled, and the count.
function drawGroup(item, model, geo, top, height) {
  const first = item.rows[0];
  const y = top + height / 2;
  const kind = String(first.event.kind ?? 'unknown').replace(/[^a-z]/g, '');
  const g = s('g', {
    class: `row group kind-${kind}`, role: 'button', 'aria-expanded': 'false',
    'data-testid': 'diagram-group', 'data-kind': kind, 'data-count': item.rows.length, 'data-index': first.index,
    'aria-label': `${formatMs(first.event.atMs)}: ${item.label}. Press Enter to show them one by one.`,
  });
  g.append(s('rect', { class: 'hit', x: 2, y: top + 1, width: geo.svgW - 4, height: height - 2, rx: 4 }));
  g.append(s('text', { class: 'time', x: GUTTER - 10, y: y + 4, 'text-anchor': 'end' }, formatMs(first.event.atMs)));
  const x = first.lane === undefined ? GUTTER + 8 : geo.laneX(first.lane);
  const to = first.target ?? first.source;
  if ((first.event.kind === 'send' || first.event.kind === 'recv') && to !== undefined && first.lane !== undefined) {
    const from = first.event.kind === 'send' ? x : geo.laneX(to);
    const end = first.event.kind === 'send' ? geo.laneX(to) : x;
    // The count and what is alike go first; the part that differs (offsets, ports) is cut last.
    const [head, ...rest] = item.label.split(', ');
    g.append(...arrow(from, end, y, [`▸ ${head.replace(/ to .*$/, '')}`, rest.join(', ')], 'group-line', 'received'));
  } else {
    g.append(sideLabel(`▸ ${item.label}`, x, y, geo, 'label-group'));
  }
  g.append(s('rect', { class: 'group-stack', x: x - 9, y: y - 9, width: 14, height: 14, rx: 2 }));
  g.append(s('rect', { class: 'group-stack', x: x - 5, y: y - 5, width: 14, height: 14, rx: 2 }));
  return g;
}

function laneHeader(lane, geo, y) {
  const w = geo.laneW - 24;
  const x = geo.laneX(lane.id) - w / 2;
  return s('g', { class: lane.external ? 'lane-head external' : 'lane-head' },
    s('title', {}, lane.external ? `${lane.name}: a peer outside the lab (not an actor in this case)` : `Actor: ${lane.name}`),
    s('rect', { x, y, width: w, height: 32, rx: 6 }),
    s('text', { x: x + w / 2, y: y + 21, 'text-anchor': 'middle' }, cut(lane.name, Math.floor((w - 12) / 8))));
}

function cut(text, maxChars) {
  const chars = Array.from(String(text));
  return chars.length <= maxChars ? chars.join('') : chars.slice(0, Math.max(1, maxChars - 1)).join('') + '…';
}

// A label next to a marker: to the right, or to the left when the right has no room.
function sideLabel(text, x, y, geo, cls) {
  const right = geo.svgW - x - 18;
  const left = x - GUTTER - 18;
  const toLeft = left > right * 1.5;
  const max = Math.max(4, Math.floor((toLeft ? left : right) / CHAR_PX));
  const shown = cut(text, max);
  return s('text', { class: `label ${cls ?? ''}`, x: toLeft ? x - 14 : x + 14, y: y + 4, 'text-anchor': toLeft ? 'end' : 'start' },
    shown !== text ? s('title', {}, text) : null, shown);
}

function arrowHead(x, y, towardsRight, cls = 'head') {
  const d = towardsRight ? `M${x},${y} l-9,-5 v10 z` : `M${x},${y} l9,-5 v10 z`;
  return s('path', { class: cls, d });
}

// A horizontal arrow between lanes with a label above it; self-sends loop to the right.
function arrow(x1, x2, y, label, cls, ending) {
  const parts = [s('circle', { class: 'arrow-start', cx: x1, cy: y, r: 3 })];
  if (x1 === x2) {
    parts.push(s('path', { class: `arrow-line ${cls}`, d: `M${x1},${y - 8} h40 v16 h-31` }), arrowHead(x1 + 2, y + 8, false));
    parts.push(s('text', { class: 'arrow-label', x: x1 + 48, y: y + 4 }, label));
    return parts;
  }
  const right = x2 > x1;
  const end = right ? x2 - 2 : x2 + 2;
  parts.push(s('line', { class: `arrow-line ${cls}`, x1, x2: ending === 'lost' ? end : end + (right ? -8 : 8), y1: y, y2: y }));
  if (ending === 'lost') parts.push(s('path', { class: 'lost-mark', d: `M${end - 6},${y - 6} l12,12 m0,-12 l-12,12` }));
  else parts.push(arrowHead(end, y, right));
  const maxChars = Math.max(6, Math.floor((Math.abs(x2 - x1) - 18) / CHAR_PX));
  const lx = (x1 + x2) / 2;
  const shown = labelParts(label, maxChars);
  parts.push(s('text', { class: 'arrow-label', x: lx, y: y - 7, 'text-anchor': 'middle' },
    shown.full ? s('title', {}, shown.full) : null,
    s('tspan', { class: 'arrow-size' }, shown.head), shown.tail ? s('tspan', { class: 'arrow-bytes' }, shown.tail) : null));
  return parts;
}

// label is [head, tail]: head (e.g. "11 B") always shows, tail is cut to fit.
function labelParts([head, tail], maxChars) {
  if (!tail) return { head };
  const room = maxChars - head.length - 1;
  const full = `${head} ${tail}`;
  if (room < 3) return { head, tail: '', full };
  const shown = cut(tail, room);
  return { head, tail: ' ' + shown, full: shown === tail ? null : full };
}

function drawRow(row, model, geo, top, height) {
  const e = row.event;
  const y = top + height / 2;
  const kind = String(e.kind ?? 'unknown').replace(/[^a-z]/g, '');
  const g = s('g', {
    class: `row kind-${kind}`, role: 'button', 'aria-pressed': 'false',
    'data-index': row.index, 'data-kind': kind,
    'data-testid': e.kind === 'send' ? 'diagram-arrow' : 'diagram-event',
    'data-size': e.kind === 'send' ? row.bytes.length : null,
    'data-conn': typeof e.conn === 'number' ? e.conn : null,
    'data-delivery': row.delivery ?? null,
    'aria-label': `${formatMs(e.atMs)}: ${describeRow(row, model.lanes)}`,
  });
  g.append(s('rect', { class: 'hit', x: 2, y: top + 1, width: geo.svgW - 4, height: height - 2, rx: 4 }));
  g.append(s('text', { class: 'time', x: GUTTER - 10, y: y + 4, 'text-anchor': 'end' }, formatMs(e.atMs)));
  const x = row.lane === undefined ? null : geo.laneX(row.lane);

  switch (e.kind) {
    case 'send': {
      g.classList.add(`delivery-${row.delivery}`);
      const dashed = row.delivery === 'unread' || row.delivery === 'lost';
      g.append(...arrow(x, geo.laneX(row.target), y, [sendHead(row), preview(row.bytes, 200)], dashed ? 'dashed' : '', row.delivery));
      break;
    }
    case 'recv': {
      const size = e.size ?? row.bytes.length;
      const partial = typeof e.requested === 'number' && size < e.requested;
      const closed = closedByPeer(row);
      if (partial) g.classList.add('partial');
      if (closed) g.classList.add('peer-closed');
      if (row.source !== undefined) {
        g.append(...arrow(geo.laneX(row.source), x, y, [`${size} B`, preview(row.bytes, 200)], 'incoming', 'received'));
      }
      g.append(s('rect', { class: 'recv-box', x: x - 6, y: y - 11, width: 12, height: 22, rx: 2 }));
      const text = `recv(${e.requested ?? '?'}) → ${size}${closed ? ' · peer closed' : ''}`;
      g.append(row.source !== undefined ? s('text', { class: 'label', x: x + 14, y: y + 16 }, text) : sideLabel(text, x, y, geo));
      break;
    }
    case 'listen':
      g.append(s('rect', { class: 'mark mark-listen', x: x - 7, y: y - 7, width: 14, height: 14, rx: 3 }));
      g.append(sideLabel(`listen ${e.local ?? ''}${e.protocol === 'udp' ? ' (udp)' : ''}`, x, y, geo));
      break;
    case 'connect':
      if (row.target !== undefined) {
        g.append(...arrow(x, geo.laneX(row.target), y, ['connect', e.remote ?? ''], 'dotted', 'received'));
      } else {
        g.append(s('circle', { class: 'mark mark-connect', cx: x, cy: y, r: 6 }));
        g.append(sideLabel(`connect → ${e.remote ?? '?'}`, x, y, geo));
      }
      break;
    case 'accept':
      g.append(s('path', { class: 'mark mark-accept', d: `M${x},${y - 8} l8,8 l-8,8 l-8,-8 z` }));
      if (row.source !== undefined) {
        // A client outside the lab: its connect is not recorded, so the accept draws it; the label goes below the arrow.
        g.append(...arrow(geo.laneX(row.source), x, y, ['connect', e.remote ?? ''], 'dotted', 'received'));
        g.append(s('text', { class: 'label', x: x + 14, y: y + 16 }, 'accept'));
      } else {
        g.append(sideLabel(`accept ← ${e.remote ?? '?'}`, x, y, geo));
      }
      break;
    case 'close':
      g.append(s('rect', { class: 'mark mark-close', x: x - 7, y: y - 7, width: 14, height: 14 }));
      g.append(s('path', { class: 'mark-close-x', d: `M${x - 4},${y - 4} l8,8 m0,-8 l-8,8` }));
      g.append(sideLabel('close', x, y, geo));
      break;
    case 'error':
      g.append(s('path', { class: 'mark mark-error', d: `M${x},${y - 9} l9,16 h-18 z` }));
      g.append(s('text', { class: 'mark-error-bang', x, y: y + 5, 'text-anchor': 'middle' }, '!'));
      g.append(sideLabel(`error${e.remote ? ` ${e.remote}` : ''}: ${e.text ?? 'unknown'}`, x, y, geo, 'label-error'));
      break;
    case 'output':
      g.append(s('circle', { class: 'mark mark-output', cx: x, cy: y, r: 3 }));
      g.append(sideLabel(`› ${e.text ?? ''}`, x, y, geo, 'label-output'));
      break;
    default: // note, and any kind this page does not know yet
      if (x === null) g.append(sideLabel(`${e.kind === 'note' ? '' : e.kind + ': '}${e.text ?? ''}`, GUTTER - 4, y, geo, 'label-note'));
      else {
        g.append(s('circle', { class: 'mark mark-note', cx: x, cy: y, r: 3 }));
        g.append(sideLabel(`${e.kind === 'note' ? 'note' : e.kind}: ${e.text ?? ''}`, x, y, geo, 'label-note'));
      }
  }
  return g;
}
