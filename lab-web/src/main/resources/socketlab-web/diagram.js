// Draws a transcript as an SVG sequence diagram: one lane per actor, time running
// down one uniform row per event (the real time is in the left gutter), sends as
// arrows to the lane at the other end of their connection, marked when some of their
// bytes were never read. Each row is a focusable button: click,
// or Tab into the diagram then ↑/↓/Home/End to move and Enter/Space to select
// (one tab stop for the whole diagram, so long transcripts do not trap the keyboard).

import { s, h } from './dom.js';
import { buildSequence } from './sequence.js';
import { preview, formatSize } from './bytes.js';

const GUTTER = 78;        // px, the time column
const HEADER = 56;        // px, lane name boxes
const ROW = 38;           // px per event
const RIGHT_PAD = 56;     // px after the last lane, room for its labels
const LANE_MIN = 170;
const LANE_MAX = 300;
const CHAR_PX = 7.3;      // width of one 12px monospace character, for cutting labels
const HEADERS_AGAIN_AFTER_ROWS = 14;

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
    case 'error': return `${who}: error: ${e.text ?? 'unknown'}`;
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
 * Renders the diagram. Returns {element, select(index)}; onSelect(row, model) is called
 * when the user selects a row. `width` is the space available, used to size lanes.
 */
export function renderDiagram(transcript, { width = 800, onSelect = () => {} } = {}) {
  // A run still going (state "running", from the live API) may yet read what was sent.
  const model = buildSequence(transcript.events, { complete: transcript.state !== 'running' });
  const { lanes, rows } = model;
  const laneW = Math.max(LANE_MIN, Math.min(LANE_MAX, Math.floor((width - GUTTER - RIGHT_PAD) / Math.max(1, lanes.length))));
  const svgW = GUTTER + laneW * lanes.length + RIGHT_PAD;
  const footer = rows.length > HEADERS_AGAIN_AFTER_ROWS;
  const svgH = HEADER + rows.length * ROW + (footer ? HEADER : 16);
  const geo = { laneW, svgW, laneX: (i) => GUTTER + laneW * i + laneW / 2, rowY: (r) => HEADER + r * ROW + ROW / 2 };

  const svg = s('svg', {
    class: 'diagram', 'data-testid': 'diagram', role: 'group', width: svgW, height: svgH, viewBox: `0 0 ${svgW} ${svgH}`,
    'aria-label': `Sequence diagram: ${lanes.length} lanes, ${rows.length} events. Use the arrow keys to move between events and Enter to inspect one.`,
  });
  svg.append(s('text', { class: 'gutter-title', x: GUTTER - 10, y: HEADER / 2 + 4, 'text-anchor': 'end' }, 'time'));
  for (const lane of lanes) {
    const x = geo.laneX(lane.id);
    svg.append(s('line', { class: lane.external ? 'lifeline external' : 'lifeline', x1: x, x2: x, y1: HEADER - 10, y2: svgH - (footer ? HEADER - 10 : 8) }));
  }
  for (const lane of lanes) svg.append(laneHeader(lane, geo, 10));
  if (footer) for (const lane of lanes) svg.append(laneHeader(lane, geo, svgH - HEADER + 10));

  const rowEls = rows.map((row) => drawRow(row, model, geo));
  svg.append(s('g', { class: 'rows' }, rowEls));

  let focusIndex = 0;
  let selected = null;
  const setFocusable = (i) => {
    rowEls[focusIndex]?.setAttribute('tabindex', '-1');
    focusIndex = i;
    rowEls[focusIndex]?.setAttribute('tabindex', '0');
  };
  const select = (i, { focus = false } = {}) => {
    if (!rows[i]) return;
    for (const el of svg.querySelectorAll('.selected, .related')) {
      el.classList.remove('selected', 'related');
      el.setAttribute('aria-pressed', 'false');
    }
    rowEls[i].classList.add('selected');
    rowEls[i].setAttribute('aria-pressed', 'true');
    for (const j of model.links.get(i) ?? []) rowEls[j].classList.add('related');
    setFocusable(i);
    selected = i;
    if (focus) rowEls[i].focus();
    onSelect(rows[i], model);
  };
  rowEls.forEach((el, i) => {
    el.setAttribute('tabindex', i === 0 ? '0' : '-1');
    el.addEventListener('click', () => { select(i); el.focus({ preventScroll: true }); });
    el.addEventListener('focus', () => setFocusable(i));
  });
  svg.addEventListener('keydown', (event) => {
    const moves = { ArrowDown: focusIndex + 1, ArrowUp: focusIndex - 1, Home: 0, End: rows.length - 1, PageDown: focusIndex + 10, PageUp: focusIndex - 10 };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, moves[event.key]));
      setFocusable(next);
      rowEls[next].focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(focusIndex);
    }
  });

  const element = h('div', { class: 'diagram-scroll' }, rows.length ? svg : h('p', { class: 'muted', text: 'This run recorded no events.' }));
  // select(index, {focus}) is how the detail panel's links and a redraw reselect a row.
  return { element, select, model, get selected() { return selected; } };
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

function drawRow(row, model, geo) {
  const e = row.event;
  const y = geo.rowY(row.index);
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
  g.append(s('rect', { class: 'hit', x: 2, y: y - ROW / 2 + 1, width: geo.svgW - 4, height: ROW - 2, rx: 4 }));
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
      g.append(sideLabel(`error: ${e.text ?? 'unknown'}${e.remote ? ` (${e.remote})` : ''}`, x, y, geo, 'label-error'));
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
