// "What happened on the wire" (of a run view, runview.js): the filters, the diagram (or, on a narrow screen, the
// event list), and the detail of the selected event beside it (a panel that stays in
// view on a wide screen, a sheet from the bottom on a narrow one), which can follow
// the event's whole connection. update() takes a grown transcript (a live run) and
// keeps the filters, the selection and the scroll position.

import { h } from './dom.js';
import { buildSequence } from './sequence.js';
import { SequenceDiagram } from './diagram.js';
import { EventList, LIST_ROW_PX } from './eventlist.js';
import { renderDetail, renderDetailPlaceholder } from './detail.js';
import { renderStream } from './streamview.js';
import { defaultFilters, facets, visibleRows, collapseRuns, layoutItems, number, QUIET_KINDS } from './timeline.js';

/** Below this width the event list replaces the lanes and the detail opens as a sheet. */
const NARROW = '(max-width: 720px)';
/** Below this width (styles.css agrees) the detail is a sheet over the bottom of the screen. */
const SHEET = '(max-width: 899px)';
const ROW_PX = 38;

const KIND_NAMES = { output: 'console lines', note: 'notes', send: 'sends', recv: 'recvs', connect: 'connects', accept: 'accepts',
  listen: 'listens', close: 'closes', error: 'errors' };

export class WireView {
  /** onSelect(row): an event was selected (the program pane lights its line). */
  constructor({ signal, onSelect = () => {} }) {
    this.signal = signal;
    this.onSelect = onSelect;
    this.filters = null;
    this.expanded = new Set();
    this.narrow = window.matchMedia(NARROW);
    this.sheet = window.matchMedia(SHEET);
    this.main = h('div', { class: 'wire-main' });
    this.sheetClose = h('button', { type: 'button', class: 'button small sheet-close', 'aria-label': 'Close the details', on: { click: () => this.closeSheet() } }, '✕');
    this.detailBody = h('div', { class: 'detail-body' }, renderDetailPlaceholder());
    /** Where the case's programs go (runview.js): under the detail, in the same sticky column. */
    this.programsSlot = h('div', { class: 'programs-holder' });
    this.detail = h('aside', { class: 'detail-holder', 'data-testid': 'detail-holder', 'aria-label': 'Event details' }, this.sheetClose, this.detailBody, this.programsSlot);
    this.toolbar = h('div', { class: 'wire-tools', role: 'group', 'aria-label': 'What the diagram shows' });
    this.element = h('section', { class: 'card diagram-card', 'aria-labelledby': 'diagram-heading' },
      h('h3', { id: 'diagram-heading', text: 'What happened on the wire' }),
      legend(),
      this.toolbar,
      h('div', { class: 'wire-grid' }, this.main, this.detail));
    signal.addEventListener('abort', () => document.body.classList.remove('sheet-open'));
    // Escape closes the sheet on a narrow screen (and gives the keyboard back to the list).
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.sheet.matches && this.detail.classList.contains('open')) this.closeSheet();
    }, { signal });
    // Lanes are sized to the room they have: draw again when it changes a lot (a window resized).
    // The room is watched rather than read at each draw: reading it would force a layout of the
    // whole page before every redraw of a live run, and another after it.
    this.room = 0;
    const watcher = new ResizeObserver(([entry]) => {
      this.room = entry.contentRect.width;
      if (this.model && Math.abs(this.room - this.drawnWidth) > 40) this.draw();
    });
    watcher.observe(this.main);
    signal.addEventListener('abort', () => watcher.disconnect());
    this.narrow.addEventListener('change', () => { if (this.model) { this.drawTools(); this.draw(); } }, { signal });
  }

  /** Shows `transcript` (again, when a live run grew): filters, selection and scroll stay. */
  update(transcript) {
    this.transcript = transcript;
    // A run still going (state "running", from the live API) may yet read what was sent.
    this.model = buildSequence(transcript.events, { complete: transcript.state !== 'running' });
    // Until the student changes a filter, the defaults follow the run as it grows (a live run
    // becomes long: its console lines are then hidden).
    if (!this.filters || !this.touched) this.filters = { ...defaultFilters(this.model), ...(this.filters ? pick(this.filters) : {}) };
    this.drawTools();
    this.draw();
    if (this.followed !== undefined) {
      const pre = this.detailBody.querySelector('.stream-body pre');
      const top = pre?.scrollTop ?? 0;
      this.showStream(this.followed);
      const again = this.detailBody.querySelector('.stream-body pre');
      if (again) again.scrollTop = top;
    }
  }

  draw() {
    const narrow = this.narrow.matches;
    if (!this.view || this.view.narrow !== narrow) {
      const selected = this.view?.selected ?? null;
      const options = { onSelect: (row, model) => this.showDetail(row, model), onToggle: (key) => this.toggle(key) };
      this.view = narrow ? new EventList(options) : new SequenceDiagram(options);
      this.view.narrow = narrow;
      this.view.selected = selected;
      this.main.replaceChildren(this.view.element);
      this.element.classList.toggle('narrow', narrow);
    }
    const rows = visibleRows(this.model, this.filters);
    this.items = this.filters.collapse ? collapseRuns(rows, { lanes: this.model.lanes, expanded: this.expanded }) : rows.map((row) => ({ type: 'row', row }));
    const layout = layoutItems(this.items, narrow ? { rowPx: LIST_ROW_PX } : { spacing: this.filters.spacing, rowPx: ROW_PX });
    this.drawnWidth = this.room || this.main.clientWidth;
    // The room less the box's border and its (reserved) scrollbar: no needless sideways scrollbar.
    this.view.show(this.model, this.items, layout, this.drawnWidth - 18);
    this.count.textContent = this.items.length === this.model.rows.length
      ? `${number(this.model.rows.length)} events`
      : `${number(this.items.length)} ${this.items.length === 1 ? 'row' : 'rows'} for ${number(rows.length)} of ${number(this.model.rows.length)} events`;
    if (this.model.rows.length === 0) {
      this.main.replaceChildren(h('p', { class: 'muted', text: this.transcript.state === 'running' ? 'No events yet.' : 'This run recorded no events.' }));
    } else if (this.view.element.parentNode !== this.main) {
      this.main.replaceChildren(this.view.element);
    }
  }

  toggle(key) {
    this.expanded.add(key);
    this.draw();
    this.view.focusCurrent();
  }

  drawTools() {
    const { kinds, actors, conns } = facets(this.model);
    const f = this.filters;
    const kindChips = [...kinds].sort(([a], [b]) => order(a) - order(b)).map(([kind, n]) =>
      h('button', { type: 'button', class: 'chip', 'data-testid': 'filter-kind', 'data-kind': kind, 'aria-pressed': String(!f.hiddenKinds.has(kind)),
        on: { click: () => { this.touched = true; if (f.hiddenKinds.has(kind)) f.hiddenKinds.delete(kind); else f.hiddenKinds.add(kind); this.drawTools(); this.draw(); } } },
      KIND_NAMES[kind] ?? kind, h('span', { class: 'chip-count', text: number(n) })));
    const select = (label, testId, values, current, set) => h('label', { class: 'tool' }, label,
      h('select', { 'data-testid': testId, on: { change: (event) => { set(event.target.value === '' ? null : event.target.value); this.draw(); } } },
        h('option', { value: '', text: 'all' }),
        values.map(([value, n]) => h('option', { value: String(value), selected: String(current) === String(value), text: `${value} (${number(n)})` }))));
    const toggle = (label, testId, on, flip) => h('label', { class: 'tool tool-switch' },
      h('input', { type: 'checkbox', role: 'switch', 'data-testid': testId, checked: on, on: { change: () => { flip(); this.draw(); } } }), label);
    this.count = h('span', { class: 'wire-count', 'data-testid': 'wire-count', role: 'status' });
    this.toolbar.replaceChildren(
      h('div', { class: 'chips', role: 'group', 'aria-label': 'Show these kinds of events' }, kindChips),
      h('div', { class: 'tool-row' },
        actors.size > 1 ? select('Actor', 'filter-actor', [...actors], f.actor, (v) => { f.actor = v; }) : null,
        conns.size > 1 ? select('Connection', 'filter-conn', [...conns], f.conn, (v) => { f.conn = v === null ? null : Number(v); }) : null,
        toggle('Collapse repeats', 'collapse-toggle', f.collapse, () => { f.collapse = !f.collapse; this.expanded.clear(); }),
        this.narrow.matches ? null : toggle('Space by time', 'time-toggle', f.spacing === 'time', () => { f.spacing = f.spacing === 'time' ? 'even' : 'time'; }),
        this.count));
  }

  showDetail(row, model) {
    this.followed = undefined;
    const conn = row.event.conn;
    const tcp = typeof conn === 'number' && (row.event.protocol ?? 'tcp') !== 'udp' && model.rows.some((r) => r.event.conn === conn && (r.event.kind === 'send' || r.event.kind === 'recv'));
    const panel = renderDetail(row, model, { onJump: (i) => this.view.select(i, { focus: true }) });
    if (tcp) {
      panel.querySelector('h3')?.after(h('p', { class: 'follow' },
        h('button', { type: 'button', class: 'button small', 'data-testid': 'follow-stream', on: { click: () => this.showStream(conn) } }, `Follow connection ${conn}`),
        ' — its whole byte stream, both directions, with where each recv cut it.'));
    }
    this.detailBody.replaceChildren(panel);
    this.openSheet();
    this.onSelect(row);
  }

  showStream(conn) {
    this.followed = conn;
    const heading = this.detailBody.querySelector('#stream-heading');
    const panel = renderStream(this.model, conn, { onClose: () => this.view.select(this.view.selected) });
    this.detailBody.replaceChildren(panel);
    this.openSheet();
    if (!heading) panel.querySelector('h3').focus({ preventScroll: true });
  }

  openSheet() {
    this.detail.classList.add('open');
    document.body.classList.toggle('sheet-open', this.sheet.matches);
  }

  closeSheet() {
    this.detail.classList.remove('open');
    document.body.classList.remove('sheet-open');
    this.view?.focusCurrent();
  }
}

// The filters other than the kinds, kept when the kind defaults are worked out again.
function pick({ actor, conn, collapse, spacing }) {
  return { actor, conn, collapse, spacing };
}

function order(kind) {
  const i = ['listen', 'connect', 'accept', 'send', 'recv', 'close', 'error', ...QUIET_KINDS].indexOf(kind);
  return i === -1 ? 50 : i;
}

function legend() {
  return h('details', { class: 'legend-box' },
    h('summary', { text: 'How to read this diagram' }),
    h('ul', {},
      h('li', { text: 'One column (lane) per actor, in the order they first act; time runs down, the left column is milliseconds since the run started. “Space by time” places each event by its time, so a long wait looks long.' }),
      h('li', { text: 'An arrow is a send: it points to the other end of its connection and is labelled with the byte count and the first bytes (\\r \\n shown as escapes). “11 B, 8 read, 3 never read” means the receiver read only part of it; a red dashed arrow’s bytes were never read.' }),
      h('li', { text: 'A small box on a lane is a recv: “recv(8) → 8” asked for up to 8 bytes and got 8. It is highlighted when it got fewer than it asked for; → 0 means the peer closed the connection.' }),
      h('li', { text: 'A dashed arrow ending in ✕ is a datagram nobody received; a lane with a dashed outline is a peer outside the lab.' }),
      h('li', { text: 'A doubled box (“7 × recv(4096) → 4096”) stands for a run of alike events: select it to see them one by one. The buttons above hide kinds of events (console lines are also in the Console panel).' }),
      h('li', { text: 'Click an event, or Tab into the diagram and use ↑ ↓ then Enter, to see its bytes in full and as a hex dump; “Follow connection” shows the whole stream.' })));
}
