// Draws only the items of a long list that are near the visible part of their scroll
// box, so a 4,000-event run costs what the ~30 items on screen cost. Items keep their
// element while they stay in the window, so focus and hover survive scrolling.

import { windowOf } from './timeline.js';

const OVERSCAN_PX = 600;

export class VirtualWindow {
  /**
   * scroller: the element that scrolls; offset: px from its content top to item 0;
   * draw(i): the element for item i; place(elements): puts the window's elements in;
   * keyOf(i): a key that is the same for an item drawn the same (its element is then kept).
   */
  constructor(scroller, { offset, draw, place, keyOf }) {
    this.scroller = scroller;
    this.offset = offset;
    this.draw = draw;
    this.place = place;
    this.keyOf = keyOf;
    this.layout = { tops: [], heights: [], total: 0 };
    this.cache = new Map();       // item index → element, for the items in the window
    this.byKey = new Map();       // keyOf(i) → element, for the same items
    this.range = { from: 0, to: 0 };
    this.lastTop = 0;
    let queued = false;
    scroller.addEventListener('scroll', () => {
      this.lastTop = scroller.scrollTop;
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; this.refresh(); });
    }, { passive: true });
  }

  /**
   * A new layout. With `keep`, an item whose key is unchanged keeps its element (a live run
   * that grew: what the student points at or has focused stays); else all are drawn again.
   */
  reset(layout, { keep = false } = {}) {
    this.layout = layout;
    // A box moved to a new place in the page (a live run that ended) comes back scrolled to the top.
    if (this.lastTop > 0 && this.scroller.scrollTop !== this.lastTop && this.scroller.isConnected) this.scroller.scrollTop = this.lastTop;
    this.cache.clear();
    if (!keep) this.byKey.clear();
    this.range = { from: -1, to: -1 };
    this.refresh();
  }

  refresh() {
    const top = this.scroller.scrollTop - this.offset;
    // Before the box is laid out (clientHeight 0), draw a screenful rather than nothing.
    const height = this.scroller.clientHeight || 800;
    const { from, to } = windowOf(this.layout, top - OVERSCAN_PX, top + height + OVERSCAN_PX);
    if (from === this.range.from && to === this.range.to) return;
    this.range = { from, to };
    const next = new Map();
    const nextByKey = new Map();
    const elements = [];
    for (let i = from; i < to; i++) {
      const key = this.keyOf(i);
      const el = this.byKey.get(key) ?? this.draw(i);
      el.dataset.item = i;
      next.set(i, el);
      nextByKey.set(key, el);
      elements.push(el);
    }
    this.cache = next;
    this.byKey = nextByKey;
    // Only what changed is touched, so an element that stays keeps focus and hover.
    const current = this.placed ?? [];
    if (current.length !== elements.length || current.some((el, k) => el !== elements[k])) this.place(elements);
    this.placed = elements;
  }

  /** The element of item i, drawing the window around it first when it is off screen. */
  element(i) {
    if (!this.cache.has(i)) this.reveal(i);
    return this.cache.get(i);
  }

  /** Scrolls the box (only the box, never the page) just enough to show item i. */
  reveal(i) {
    const top = this.layout.tops[i] + this.offset;
    const bottom = top + this.layout.heights[i];
    const box = this.scroller;
    if (top - this.offset < box.scrollTop) box.scrollTop = top - this.offset;
    else if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight + 8;
    this.refresh();
  }
}
