// Renders text with its invisible characters made visible: spaces get a faint dot
// (CSS), CR/LF/TAB and other controls a symbol drawn by CSS from data-symbol. The
// real characters stay in the DOM, so what is copied (or read by a test) is exactly
// the original string; only what is seen changes.

import { h } from './dom.js';
import { segments } from './bytes.js';

/**
 * Returns a DocumentFragment showing `text`. When `markFrom` is a number, the text
 * from that index on is wrapped in <mark> (used to point at where expected and
 * actual values start to differ).
 */
export function renderVisible(text, { markFrom = null } = {}) {
  const fragment = document.createDocumentFragment();
  if (markFrom === null || markFrom >= text.length) {
    fragment.append(...spans(text));
  } else {
    fragment.append(...spans(text.slice(0, markFrom)));
    fragment.append(h('mark', { class: 'diff' }, spans(text.slice(markFrom))));
  }
  return fragment;
}

function spans(text) {
  return segments(text).map((seg) => {
    if (seg.kind === 'text') return document.createTextNode(seg.value);
    if (seg.kind === 'space') return h('span', { class: 'ws-space', text: seg.value });
    return h('span', {
      class: seg.value === '\n' ? 'ws-ctl ws-newline' : 'ws-ctl',
      'data-symbol': seg.symbol,
      title: seg.name,
      text: seg.value,
    });
  });
}

/** Index of the first UTF-16 unit where a and b differ, or null when equal. */
export function firstDifference(a, b) {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // Never split a surrogate pair: back up to the start of the character.
  if (i > 0 && /[\ud800-\udbff]/.test(a[i - 1] ?? '')) i--;
  return i;
}
