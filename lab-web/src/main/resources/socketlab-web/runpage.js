// The page of one run, #/runs/ID: the run live while it goes on, whole once it has
// ended, for as long as the server keeps it; it survives a reload and can be shared.
// And #/open, which opens a downloaded transcript file and shows it the same way,
// without asking the server for anything but the case's tags.

import { h, replace } from './dom.js';
import { getCase } from './api.js';
import { toQuery } from './params.js';
import { RunView } from './runview.js';
import { renderPrograms } from './programs.js';
import { renderError } from './feedback.js';

/** Shows run `runId` in `main`. */
export function showRunPage(main, { runId, backHref, signal, focusHeading }) {
  document.title = 'Run · Socket Lab';
  const heading = h('h1', { tabindex: '-1', 'data-testid': 'run-title', text: 'Run' });
  const caseLine = h('p', { class: 'case-meta' }, h('span', {}, 'run ', h('code', { text: runId })));
  const view = new RunView({ signal, onKnown: (run) => describeCase(run, { heading, caseLine, view, signal }) });
  replace(main, crumbs(backHref), h('header', { class: 'case-head' }, heading, caseLine), view.element);
  if (focusHeading) heading.focus();
  view.follow(runId);
}

/** Shows the page that opens a transcript file in `main`. */
export function showOpenPage(main, { backHref, signal, focusHeading }) {
  document.title = 'Open a transcript · Socket Lab';
  const heading = h('h1', { tabindex: '-1', text: 'Open a transcript' });
  const holder = h('div', { class: 'opened' });
  const input = h('input', { type: 'file', id: 'transcript-file', accept: '.json,application/json', 'data-testid': 'transcript-file' });
  const caseLine = h('p', { class: 'case-meta' });
  input.addEventListener('change', () => { if (input.files?.[0]) open(input.files[0]); });
  const drop = h('div', { class: 'card drop-zone' },
    h('label', { for: 'transcript-file', text: 'A transcript file (the JSON that “Download the transcript” saves, or that the API and run --json print):' }),
    input,
    h('p', { class: 'muted', text: 'Or drop the file here. It is read in this browser only; nothing is uploaded.' }));
  drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('dragging'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('dragging');
    if (event.dataTransfer?.files?.[0]) open(event.dataTransfer.files[0]);
  });
  replace(main, crumbs(backHref), h('header', { class: 'case-head' }, heading, caseLine), drop, holder);
  if (focusHeading) heading.focus();

  async function open(file) {
    let transcript;
    try {
      transcript = JSON.parse(await file.text());
    } catch {
      replace(holder, renderError(`“${file.name}” is not JSON.`, { title: 'Cannot open this file' }));
      return;
    }
    const problem = transcriptProblem(transcript);
    if (problem) {
      replace(holder, renderError(problem, { title: `“${file.name}” is not a Socket Lab transcript` }));
      return;
    }
    if (signal.aborted) return;
    const view = new RunView({ signal });
    replace(holder, view.element);
    view.showTranscript(transcript);
    describeCase(transcript, { heading, caseLine, view, signal, prefix: 'Transcript' });
  }
}

/** Why a parsed file cannot be shown as a transcript, or null when it can. */
export function transcriptProblem(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'It does not hold a JSON object.';
  if (!Array.isArray(value.events)) return 'It has no "events" list.';
  if (typeof value.caseId !== 'string') return 'It has no "caseId".';
  if (value.events.some((e) => !e || typeof e !== 'object')) return 'Some of its events are not objects.';
  return null;
}

function crumbs(backHref) {
  return h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: backHref, text: '← All cases' }));
}

// Names the case in the heading, links to it with the run's parameter values, and gives
// the view the case's tags (they choose the client command of the listen banner).
async function describeCase(run, { heading, caseLine, view, signal, prefix = 'Run' }) {
  if (!run?.caseId) return;
  const href = `#/cases/${encodeURIComponent(run.caseId)}${paramsQuery(run.params)}`;
  let title = run.caseId;
  try {
    const detail = await getCase(run.caseId, { signal });
    title = detail.title ?? title;
    view.setTags(Array.isArray(detail.tags) ? detail.tags : []);
    view.setPrograms(renderPrograms(detail.programs));
  } catch {
    // The case may be gone (a plugin was removed, another server): the run is still shown.
  }
  if (signal.aborted) return;
  heading.textContent = `${prefix} of “${title}”`;
  document.title = `${prefix} of ${title} · Socket Lab`;
  replace(caseLine,
    run.runId ? h('span', {}, 'run ', h('code', { text: run.runId })) : null,
    h('a', { href, 'data-testid': 'case-link', text: 'Open the case with these parameters' }));
}

function paramsQuery(params) {
  if (!params || typeof params !== 'object') return '';
  const q = toQuery(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]));
  return q ? `?${q}` : '';
}
