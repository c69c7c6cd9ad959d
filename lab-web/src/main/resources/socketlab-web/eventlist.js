// The transcript on a narrow screen: one line per event, top to bottom, "who → whom:
// what" in words instead of lanes that would not fit. Same items, selection, keyboard
// and virtual drawing as the diagram (diagram.js), so either can stand in for the other.

import { h } from './dom.js';
import { describeRow, formatMs } from './diagram.js';
import { preview } from './bytes.js';
import { itemKey, itemOfRow } from './timeline.js';
import { VirtualWindow } from './virtual.js';

/** The row height of the list, for timeline.layoutItems. */
export const LIST_ROW_PX = 66;

export class EventList {
  constructor({ onSelect = () => {}, onToggle = () => {} } = {}) {
    this.onSelect = onSelect;
    this.onToggle = onToggle;
    this.selected = null;
    this.focusItem = 0;
    this.inner = h('div', { class: 'event-list-inner', role: 'group' });
    this.element = h('div', { class: 'event-list', 'data-testid': 'event-list' }, this.inner);
    this.window = new VirtualWindow(this.element, {
      offset: 0,
      draw: (i) => this.drawItem(i),
      keyOf: (i) => itemKey(this.items[i], this.layout, i),
      place: (elements) => { this.inner.replaceChildren(...elements); this.markSelection(); },
    });
    this.inner.addEventListener('keydown', (event) => this.key(event));
  }

  show(model, items, layout) {
    this.model = model;
    this.items = items;
    this.layout = layout;
    this.inner.style.height = `${layout.total}px`;
    this.inner.setAttribute('aria-label', `${items.length} items for ${model.rows.length} events. Use the arrow keys to move and Enter to inspect one.`);
    this.focusItem = Math.min(this.focusItem, Math.max(0, items.length - 1));
    this.window.reset(layout, { keep: true });
    this.markSelection();
  }

  drawItem(i) {
    const item = this.items[i];
    const row = item.type === 'group' ? item.rows[0] : item.row;
    const e = row.event;
    const kind = String(e.kind ?? 'unknown').replace(/[^a-z]/g, '');
    const text = item.type === 'group' ? `▸ ${item.label}` : describeRow(row, this.model.lanes);
    const bytes = item.type === 'row' && row.bytes && row.bytes.length ? preview(row.bytes, 80) : null;
    const el = h('div', {
      class: `list-item kind-${kind}${item.type === 'group' ? ' group' : ''}${row.delivery ? ` delivery-${row.delivery}` : ''}`,
      role: 'button', tabindex: i === this.focusItem ? '0' : '-1',
      'data-testid': item.type === 'group' ? 'list-group' : 'list-event', 'data-index': row.index, 'data-kind': kind,
      'aria-label': `${formatMs(e.atMs)}: ${text}`,
    },
    h('span', { class: 'list-time', text: formatMs(e.atMs) }),
    h('span', { class: 'list-text', text }),
    bytes ? h('span', { class: 'list-bytes', text: bytes }) : null);
    el.style.top = `${this.layout.tops[i]}px`;
    el.style.height = `${this.layout.heights[i] - 4}px`;
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
      el.setAttribute('aria-pressed', String(isSelected));
    }
  }

  key(event) {
    const i = this.focusItem;
    const moves = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: this.items.length - 1, PageDown: i + 8, PageUp: i - 8 };
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
