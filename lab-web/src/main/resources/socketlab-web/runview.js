// One run on screen, live or finished: while it goes on, its events arrive over
// Server-Sent Events and the diagram is redrawn as they come (at most every
// REDRAW_MILLIS), with a Stop button and, for a run whose lab server waits for the
// student's own client (listenPort), a banner saying where to connect; once it has
// ended, the whole transcript: outcome, diagram with the event detail, checks,
// console output and how to reproduce it. The case page, the run page (#/runs/ID)
// and an opened transcript file all show runs through this view.

import { h, replace } from './dom.js';
import { getRun, cancelRun, watchRun, ApiError } from './api.js';
import { WireView } from './wireview.js';
import { renderNotes } from './notes.js';
import { renderOutcome, renderChecks, renderOutput, renderListenBanner, renderLiveStatus } from './results.js';
import { renderReproduce } from './reproduce.js';
import { renderError } from './feedback.js';

// The diagram is redrawn whole; between redraws at least this long, and at least a few
// times as long as the last redraw took, so that a run of thousands of events leaves the
// page responsive.
const REDRAW_MILLIS = 200;
const RETRY_MILLIS = 2000;

/** The transcript's order: by atMs, stably (a send is stamped with the time it began). */
export function inTranscriptOrder(events) {
  // Events mostly arrive in that order already: a pass that sees it spares the sort.
  let sorted = true;
  for (let i = 1; i < events.length && sorted; i++) sorted = (events[i - 1].atMs ?? 0) - (events[i].atMs ?? 0) <= 0;
  if (sorted) return events.slice();
  return events.map((e, i) => [e, i])
    .sort(([a, i], [b, j]) => ((a.atMs ?? 0) - (b.atMs ?? 0)) || i - j)
    .map(([e]) => e);
}

export class RunView {
  /**
   * `signal` aborts when the page goes away; `tags` are the case's tags (they choose
   * the client command of the listen banner); `onDone(transcript)` is called once
   * when a followed run has ended, `onFailure()` when it could not be loaded;
   * `onKnown(run)` when the run's case id and parameters are first known;
   * `runLink` adds a link to the run's own page; `programs` is the case's program panel
   * (programs.js), shown beside the diagram, whose line for the selected event lights up.
   */
  constructor({ signal, tags = [], onKnown = () => {}, onDone = () => {}, onFailure = () => {}, runLink = false, programs = null }) {
    this.signal = signal;
    this.onKnown = onKnown;
    this.tags = tags;
    this.onDone = onDone;
    this.onFailure = onFailure;
    this.runLink = runLink;
    this.programs = programs;
    this.element = h('div', { class: 'run-view' });
    signal.addEventListener('abort', () => this.stopWatching());
  }

  /** Follows run `runId` from its first event: live if it goes on, whole if it has ended. */
  async follow(runId) {
    this.runId = runId;
    this.events = [];
    this.ended = false;
    this.listen = null;
    let soFar;
    try {
      soFar = await getRun(runId, { signal: this.signal });
    } catch (error) {
      if (this.signal.aborted) return;
      this.showFailure(error);
      return;
    }
    if (this.signal.aborted) return;
    this.onKnown(soFar);
    if (soFar.state !== 'running') {
      this.finish(soFar);
      return;
    }
    this.live = { ...soFar, events: [] };
    this.showLive();
    this.watcher = watchRun(runId, {
      onEvent: (event) => { this.events.push(event); this.scheduleRedraw(); },
      onEnd: () => this.fetchFinal(),
      onLost: () => this.fetchFinal(),
    });
  }

  stopWatching() {
    this.watcher?.close();
    this.watcher = null;
    clearTimeout(this.redrawTimer);
  }

  /** Cancels the followed run (the Stop button). */
  async stop() {
    if (!this.runId || this.ended) return;
    this.stopButton.disabled = true;
    this.statusLine.textContent = 'Stopping…';
    try {
      await cancelRun(this.runId);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) this.statusLine.textContent = error.message;
    }
  }

  async fetchFinal() {
    if (this.ended) return;
    this.stopWatching();
    let transcript;
    try {
      transcript = await getRun(this.runId, { signal: this.signal });
    } catch (error) {
      if (this.signal.aborted) return;
      this.showFailure(error);
      return;
    }
    if (this.signal.aborted) return;
    if (transcript.state === 'running') {
      // The stream was refused or lost while the run goes on (too many streams, a proxy, a
      // sleeping laptop): watch again in a moment.
      setTimeout(() => { if (!this.signal.aborted) this.follow(this.runId); }, RETRY_MILLIS);
      return;
    }
    this.finish(transcript);
  }

  finish(transcript) {
    this.ended = true;
    this.showTranscript(transcript);
    this.onDone(transcript);
  }

  showFailure(error) {
    this.ended = true;
    this.onFailure(error);
    const gone = error instanceof ApiError && error.status === 404;
    replace(this.element, renderError(error.message, {
      title: gone ? 'This run is not kept any more' : 'Could not load the run',
      extra: gone ? h('p', { text: 'The server keeps the most recent runs only, and forgets them all when it restarts. Run the case again, or open a downloaded transcript file.' }) : null,
    }));
  }

  showLive() {
    this.stopButton = h('button', { type: 'button', class: 'button stop', 'data-testid': 'stop-button', on: { click: () => this.stop() } },
      h('span', { 'aria-hidden': 'true', text: '■ ' }), 'Stop');
    this.statusLine = h('span', { class: 'live-count', 'data-testid': 'live-count', text: 'Waiting for the first event…' });
    this.bannerHolder = h('div', { class: 'banner-holder' });
    replace(this.element,
      renderLiveStatus(this.live, { stopButton: this.stopButton, statusLine: this.statusLine, runLink: this.runLink }),
      this.bannerHolder,
      this.layout(this.live));
    this.redraw();
  }

  scheduleRedraw() {
    if (this.redrawTimer) return;
    const delay = Math.max(REDRAW_MILLIS, 4 * (this.lastDrawMillis ?? 0));
    this.redrawTimer = setTimeout(() => { this.redrawTimer = null; this.redraw(); }, delay);
  }

  redraw() {
    if (this.ended || !this.live) return;
    const began = performance.now();
    const events = inTranscriptOrder(this.events);
    const transcript = { ...this.live, events, output: events.filter((e) => e.kind === 'output').map((e) => String(e.text ?? '')) };
    this.transcript = transcript;
    this.statusLine.textContent = `${events.length} ${events.length === 1 ? 'event' : 'events'} so far`;
    this.showBanner(transcript);
    this.drawDiagram();
    replace(this.outputHolder, renderOutput(transcript.output));
    this.lastDrawMillis = performance.now() - began;
  }

  // With listenPort set the lab's server waits for the student's own client; its
  // listen event comes first and names the port.
  showBanner(transcript) {
    const wanted = transcript.params?.listenPort;
    if (this.listen || wanted === undefined || wanted === null || wanted === '') return;
    this.listen = transcript.events.find((e) => e.kind === 'listen');
    if (this.listen) replace(this.bannerHolder, renderListenBanner(this.listen, this.tags));
  }

  /** The case's tags, which choose the banner's client command (curl for HTTP, nc -u for UDP). */
  setTags(tags) {
    this.tags = tags;
    if (this.listen && !this.ended) replace(this.bannerHolder, renderListenBanner(this.listen, this.tags));
  }

  /** Shows the case's programs beside the diagram (when they are known only after the run). */
  setPrograms(programs) {
    this.programs = programs;
    if (this.programsHolder) replace(this.programsHolder, programs?.element ?? null);
  }

  /** Shows a finished transcript whole (from the server or from a file). */
  showTranscript(transcript) {
    this.ended = true;
    this.live = null;
    this.transcript = transcript;
    const banner = renderOutcome(transcript, { runLink: this.runLink });
    replace(this.element, banner, renderNotes(transcript), this.layout(transcript), renderReproduce(transcript));
    this.drawDiagram();
    return banner;
  }

  // Checks before the diagram: on a phone the verdict is what the student came for (on a
  // wide screen checks and console sit side by side above the diagram, styles.css).
  layout(transcript) {
    // The same wire view from the first live event to the final transcript: the student's
    // filters, selection and scroll position survive the end of the run.
    this.wire ??= new WireView({ signal: this.signal, onSelect: (row) => this.programs?.highlight(row.event) });
    this.outputHolder = h('div', { class: 'output-holder' }, renderOutput(transcript.output));
    // The programs sit under the event detail, beside the diagram, so the highlighted line is in view.
    this.programsHolder = this.wire.programsSlot;
    replace(this.programsHolder, this.programs?.element ?? null);
    return h('div', { class: 'results-grid' },
      transcript.state === 'running' ? null : renderChecks(transcript.checks), this.wire.element, this.outputHolder);
  }

  // The wire view keeps its filters, selection and scroll position as a live run grows.
  drawDiagram() {
    if (this.wire && this.transcript) this.wire.update(this.transcript);
    this.programs?.follow?.(this.transcript?.events);
  }
}
