// What the sequence diagram (diagram.js) and the narrow screen's event list (eventlist.js)
// share: the items of a transcript (a model row, or a collapsed run of alike rows) drawn by
// a VirtualWindow, one item focusable at a time (one tab stop for the whole view, so long
// transcripts do not trap the keyboard), the selected row and the rows related to it, and
// the keys: ↑/↓/Home/End/PageUp/PageDown to move, Enter/Space to select or open a run.

import { itemOfRow } from './timeline.js';

export class ItemView {
  /**
   *   onSelect(row, model): the user selected a row; onToggle(groupKey): a collapsed run
   *   was opened (Enter or click on it). pageStep: the items PageUp/PageDown move by.
   *   pressGroups: whether a collapsed run, like a row, says aria-pressed.
   * The subclass sets this.window (a VirtualWindow), this.model, this.items.
   */
  constructor({ onSelect = () => {}, onToggle = () => {} } = {}, { pageStep, pressGroups }) {
    this.onSelect = onSelect;
    this.onToggle = onToggle;
    this.pageStep = pageStep;
    this.pressGroups = pressGroups;
    this.selected = null;      // row index (a row of the model, not an item)
    this.focusItem = 0;
  }

  /** Makes a drawn item's element select (or open) its item on click, and take the tab stop on focus. */
  listen(el) {
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
      if (item.type === 'row' || this.pressGroups) el.setAttribute('aria-pressed', String(isSelected));
    }
  }

  key(event) {
    const i = this.focusItem;
    const step = this.pageStep;
    const moves = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: this.items.length - 1, PageDown: i + step, PageUp: i - step };
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
