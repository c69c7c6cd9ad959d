// The case page: what the case is about (rendered description), its parameter form,
// Run (and Stop), and the run drawn live as its events arrive, then its result
// (outcome, diagram with the event detail panel, checks, console output, how to
// reproduce it, and a link to the run's own page). The URL always says which case and
// which parameter values are on screen, so it can be bookmarked or shared.

import { h, replace } from './dom.js';
import { getCase, startRun, ApiError } from './api.js';
import { renderMarkdown } from './markdown.js';
import { buildField, parseQueryValue, toQuery } from './params.js';
import { RunView } from './runview.js';
import { renderLoading, renderError } from './feedback.js';
import { rememberRun } from './lastruns.js';
import { whenIdle } from './idle.js';
import { renderPrograms } from './programs.js';

// The last run of each case in this tab, so going back to a case with the same
// parameter values shows its result again instead of an empty page.
const sessionRuns = new Map();

/**
 * Shows case `id` in `main`. `query` (URLSearchParams) holds parameter values from
 * the URL; `signal` aborts when the user navigates away; `focusHeading` moves focus
 * to the title once loaded (after a navigation, for screen readers).
 */
export async function showCasePage(main, { id, query, backHref, signal, focusHeading }) {
  const crumbs = h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: backHref, text: '← All cases' }));
  document.title = 'Loading… · Socket Lab';
  replace(main, crumbs, renderLoading('Loading the case…'));
  let detail;
  try {
    detail = await getCase(id);
  } catch (error) {
    if (signal.aborted) return;
    const missing = error instanceof ApiError && error.status === 404;
    document.title = 'Case not found · Socket Lab';
    replace(main, crumbs, renderError(error.message, {
      title: missing ? `There is no case “${id}”` : 'Could not load the case',
      retry: missing ? null : () => showCasePage(main, { id, query, backHref, signal, focusHeading }),
    }));
    return;
  }
  if (signal.aborted) return;
  document.title = `${detail.title ?? id} · Socket Lab`;
  const page = new CasePage(detail, query, signal);
  replace(main, crumbs, page.element);
  page.restoreSessionRun();
  if (focusHeading) page.heading.focus();
}

class CasePage {
  constructor(detail, query, signal) {
    this.detail = detail;
    this.id = String(detail.id);
    this.signal = signal;
    this.running = false;
    const params = Array.isArray(detail.params) ? detail.params : [];
    this.fields = params.map((p) => buildField(p, parseQueryValue(p, query.get(p.name))));
    this.heading = h('h1', { 'data-testid': 'case-title', tabindex: '-1', text: detail.title ?? this.id });
    this.results = h('div', { class: 'results', id: 'results' });
    // The handout's programs: under the case until a run is shown, then beside its diagram.
    this.programs = renderPrograms(detail.programs);
    this.programsHome = h('div', { class: 'programs-home' }, this.programs.element);
    this.element = h('article', { class: 'case-page' },
      this.header(),
      h('div', { class: 'case-top' }, this.scenario(), this.form()),
      this.programsHome,
      this.results);
  }

  header() {
    const d = this.detail;
    const tags = Array.isArray(d.tags) ? d.tags : [];
    return h('header', { class: 'case-head' },
      this.heading,
      d.summary ? h('p', { class: 'case-summary', text: d.summary }) : null,
      h('p', { class: 'case-meta' },
        h('code', { class: 'case-id', text: this.id }),
        d.source ? h('span', { text: d.source }) : null,
        d.group ? h('span', { text: d.group }) : null,
        d.origin && d.origin !== 'built-in' ? h('span', { class: 'origin', text: `plugin: ${d.origin}` }) : null),
      tags.length ? h('ul', { class: 'tags', 'aria-label': 'Tags' },
        tags.map((t) => h('li', {}, h('a', { class: 'tag', href: `#/?${toQuery([['tags', t]])}`, text: t })))) : null);
  }

  scenario() {
    const body = h('div', { class: 'markdown', 'data-testid': 'case-description' });
    if (typeof this.detail.description === 'string' && this.detail.description.trim()) body.append(renderMarkdown(this.detail.description, { headingLevel: 3 }));
    else body.append(h('p', { class: 'muted', text: 'This case has no description.' }));
    return h('section', { class: 'card scenario', 'aria-labelledby': 'scenario-heading' }, h('h2', { id: 'scenario-heading', text: 'The case' }), body);
  }

  form() {
    this.errorBox = h('div', { class: 'form-error' });
    this.runButton = h('button', { type: 'submit', class: 'button primary', 'data-testid': 'run-button' }, h('span', { 'aria-hidden': 'true', text: '▶ ' }), 'Run');
    this.runStatus = h('span', { class: 'run-status', role: 'status' });
    const reset = h('button', { type: 'button', class: 'button', on: { click: () => this.reset() } }, 'Reset to defaults');
    const form = h('form', { class: 'param-form', novalidate: true, 'aria-labelledby': 'params-heading' },
      this.fields.length ? this.fields.map((f) => f.element) : h('p', { class: 'muted', text: 'This case has no parameters.' }),
      this.errorBox,
      h('div', { class: 'form-actions' }, this.runButton, this.fields.length ? reset : null, this.runStatus));
    form.addEventListener('submit', (event) => { event.preventDefault(); this.run(); });
    form.addEventListener('input', () => this.syncUrl());
    form.addEventListener('change', () => this.syncUrl());
    return h('section', { class: 'card params' }, h('h2', { id: 'params-heading', text: 'Parameters' }), form);
  }

  query() {
    return toQuery(this.fields.map((f) => [f.param.name, f.raw()]));
  }

  // replaceState: typing should not fill the back button with one entry per key.
  syncUrl() {
    const q = this.query();
    history.replaceState(history.state, '', `#/cases/${encodeURIComponent(this.id)}${q ? '?' + q : ''}`);
  }

  reset() {
    for (const f of this.fields) f.set(f.param.default);
    this.clearError();
    this.syncUrl();
  }

  clearError() {
    this.errorBox.replaceChildren();
    for (const f of this.fields) f.input.removeAttribute('aria-invalid');
  }

  showError(title, message, field) {
    this.errorBox.replaceChildren(renderError(message, { title }));
    if (field) {
      field.input.setAttribute('aria-invalid', 'true');
      field.input.focus();
    }
  }

  async run() {
    if (this.running) return;
    this.clearError();
    const values = {};
    for (const f of this.fields) {
      const { value, error } = f.read();
      if (error) { this.showError('Check this parameter', error, f); return; }
      values[f.param.name] = value;
    }
    this.syncUrl();
    this.setRunning(true);
    let started;
    try {
      started = await startRun(this.id, values, { signal: this.signal });
    } catch (error) {
      if (this.signal.aborted) return;
      this.setRunning(false);
      const rejected = error instanceof ApiError && error.status === 400;
      const title = rejected ? 'The server rejected the parameters' : error.kind === 'unreachable' ? 'Cannot reach the server' : 'The run failed';
      // A 400 about a value names its parameter in {"parameter"}: point at that field.
      const named = error.parameter;
      this.showError(title, error.message, rejected && named ? this.fields.find((f) => f.param.name === named) : null);
      return;
    }
    if (this.signal.aborted) return;
    const query = this.query();
    const view = this.newView((transcript) => {
      this.setRunning(false);
      // The catalogue's badge can wait until the run is on screen (a first use of localStorage is slow).
      whenIdle(() => rememberRun(transcript));
      sessionRuns.set(this.id, { query, transcript });
      this.banner()?.focus();
    });
    this.view = view;
    view.follow(started.runId);
    // The run is drawn below the form: bring it (and a listen banner) into view.
    this.results.scrollIntoView({ block: 'start' });
  }

  newView(onDone) {
    const tags = Array.isArray(this.detail.tags) ? this.detail.tags : [];
    const onFailure = () => {
      this.setRunning(false);
      if (this.programs.element) this.programsHome.append(this.programs.element);
    };
    const view = new RunView({ signal: this.signal, tags, onDone, onFailure, runLink: true, programs: this.programs });
    replace(this.results, h('h2', { class: 'results-heading', text: 'Result' }), view.element);
    return view;
  }

  banner() {
    return this.results.querySelector('[data-testid=outcome]');
  }

  setRunning(running) {
    this.running = running;
    this.runButton.disabled = running;
    this.runButton.lastChild.textContent = running ? 'Running…' : 'Run';
    this.runStatus.replaceChildren(running ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : '', running ? 'Running the case on real sockets…' : '');
  }

  restoreSessionRun() {
    const last = sessionRuns.get(this.id);
    if (last && last.query === this.query()) this.newView(() => {}).showTranscript(last.transcript);
  }
}
