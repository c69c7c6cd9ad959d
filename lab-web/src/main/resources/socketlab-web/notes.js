// The lab's notes on a run ("Bob called recv(8) once: … the other 3 of the 11 bytes
// Alice sent were never read."), shown whole beside the outcome: they explain the
// run, so they are not left to a cut diagram label or a tooltip.

import { h } from './dom.js';

/** The notes of a transcript as a list, or null when it has none. */
export function renderNotes(transcript) {
  const notes = (Array.isArray(transcript.events) ? transcript.events : [])
    .filter((e) => e.kind === 'note' && typeof e.text === 'string' && e.text.trim());
  if (notes.length === 0) return null;
  return h('section', { class: 'notes', 'data-testid': 'notes', 'aria-labelledby': 'notes-heading' },
    h('h3', { id: 'notes-heading', text: notes.length === 1 ? 'What the lab noticed' : `What the lab noticed (${notes.length})` }),
    h('ul', {}, notes.map((e) => h('li', { 'data-testid': 'note', text: e.text }))));
}
