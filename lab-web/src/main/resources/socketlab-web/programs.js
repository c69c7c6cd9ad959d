// The programs a case's actors run, as the handout gives them, shown beside the
// transcript like a debugger's source view: one tab per program, numbered lines, and
// the line that made the selected event highlighted (events carry `program` and
// `line`, see docs/api.md). A program the lab rebuilt from a description or a
// screenshot says so above its code, so it is never mistaken for the handout's text.

import { h } from './dom.js';

/**
 * Builds the panel for `programs` (the case's `programs` array; may be missing).
 * Returns `{ element, highlight(event), follow(events) }`; element is null when there is no program.
 */
export function renderPrograms(programs) {
  const list = Array.isArray(programs) ? programs.filter((p) => p && typeof p.code === 'string') : [];
  if (list.length === 0) return { element: null, highlight() {}, follow() {} };

  const views = list.map((program, i) => programView(program, i));
  const tabs = h('div', { class: 'program-tabs', role: 'tablist', 'aria-label': 'Programs' },
    views.map((v) => v.tab));
  const caption = h('p', { class: 'program-caption muted', 'data-testid': 'program-caption' });
  const element = h('section', { class: 'card programs', 'data-testid': 'programs', 'aria-labelledby': 'programs-heading' },
    h('h3', { id: 'programs-heading', text: list.length > 1 ? 'The programs' : 'The program' }),
    list.length > 1 ? tabs : null,
    views.map((v) => v.panel),
    caption);

  let current = null;
  function show(index) {
    views.forEach((v, i) => {
      const on = i === index;
      v.tab.setAttribute('aria-selected', String(on));
      v.tab.tabIndex = on ? 0 : -1;
      v.panel.hidden = !on;
    });
  }
  // Until the student picks a tab or an event, the pane follows the run: a case whose
  // actor has a buggy and a fixed program opens on the one this run executed.
  let chosen = false;
  views.forEach((v, i) => v.tab.addEventListener('click', () => { chosen = true; show(i); }));
  tabs.addEventListener('keydown', (event) => {
    const at = views.findIndex((v) => v.tab.getAttribute('aria-selected') === 'true');
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    chosen = true;
    const next = (at + step + views.length) % views.length;
    show(next);
    views[next].tab.focus();
  });
  show(0);

  function follow(events) {
    if (chosen || !Array.isArray(events)) return;
    const used = new Set(events.map((e) => e && e.program).filter(Boolean));
    const index = list.findIndex((p) => used.has(p.file));
    if (index >= 0) show(index);
  }

  function highlight(event) {
    if (event) chosen = true;
    if (current) current.classList.remove('current');
    current = null;
    const index = event && typeof event.line === 'number' ? list.findIndex((p) => p.file === event.program) : -1;
    if (index < 0) {
      caption.textContent = event ? 'This event names no program line.' : '';
      return;
    }
    show(index);
    const line = views[index].lines[event.line - 1];
    if (!line) return;
    line.classList.add('current');
    current = line;
    caption.textContent = `${event.actor ?? ''} ${event.kind ?? ''} was made by ${list[index].file} line ${event.line}.`.trim();
    showLine(line);
  }
  return { element, highlight, follow };
}

// Scrolls the program's own box to the line and nothing else: scrollIntoView would also move
// the page and the detail panel, and selecting an event must not scroll away what is read.
function showLine(line) {
  const box = line.closest('.program-source');
  if (!box) return;
  const top = line.offsetTop - box.offsetTop;
  if (top < box.scrollTop) box.scrollTop = top;
  else if (top + line.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = top + line.offsetHeight - box.clientHeight;
}

function programView(program, i) {
  const label = `${program.actor ?? ''} · ${program.file ?? 'program'}`;
  const tab = h('button', { type: 'button', class: 'program-tab', role: 'tab', id: `program-tab-${i}`,
    'aria-controls': `program-panel-${i}`, text: label });
  const texts = program.code.split('\n');
  const lines = texts.map((text, n) => h('span', { class: 'program-line', 'data-line': n + 1 },
    h('span', { class: 'program-gutter', 'aria-hidden': 'true', text: String(n + 1) }),
    h('span', { class: 'program-code', text: text.length ? text : ' ' })));
  const origin = program.reconstructed
    ? h('p', { class: 'program-origin reconstructed', 'data-testid': 'program-reconstructed' },
      h('strong', { text: 'Reconstructed by the lab' }), program.note ? ` — ${program.note}` : '')
    : h('p', { class: 'program-origin', text: program.note ? `As in the handout. ${program.note}` : 'As in the handout.' });
  const panel = h('div', { class: 'program-panel', role: 'tabpanel', id: `program-panel-${i}`,
    'aria-labelledby': `program-tab-${i}`, 'data-file': program.file },
    h('p', { class: 'program-file' }, h('code', { text: program.file }), ` run by ${program.actor} (${program.language})`),
    origin,
    h('pre', { class: `program-source language-${String(program.language).replace(/[^a-z0-9]/g, '')}`, tabindex: '0' }, lines));
  return { tab, panel, lines };
}
