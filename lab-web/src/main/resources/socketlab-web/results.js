// The verdict of a run: the outcome banner, the checks (expected vs actual, with
// whitespace visible and the first difference marked) and the console output.

import { h } from './dom.js';
import { describeOutcome, outcomeKey } from './outcome.js';
import { renderVisible, firstDifference } from './visible.js';
import { formatMs } from './diagram.js';
import { copyButton, shellQuote } from './reproduce.js';
import { whenIdle } from './idle.js';

// The first toLocaleString() of a page loads the browser's locale data, tens of milliseconds the
// first time and nothing after: done while the page waits for a run, not when its result comes.
whenIdle(() => new Date(0).toLocaleString(), { timeout: 5000 });

/** "#/runs/ID": the page of one run, which can be reloaded and shared. */
export function runHref(runId) {
  return `#/runs/${encodeURIComponent(runId)}`;
}

/** The banner: outcome in icon + words, what it means, duration and when; `runLink` adds a link to the run's page. */
export function renderOutcome(transcript, { runLink = false } = {}) {
  const { icon, label } = describeOutcome(transcript.outcome);
  const checks = Array.isArray(transcript.checks) ? transcript.checks : [];
  const failed = checks.filter((c) => !c.passed).length;
  let summary;
  if (transcript.outcome === 'error') summary = h('span', { class: 'outcome-error', 'data-testid': 'outcome-error', text: transcript.error || 'The case stopped with an error.' });
  else if (transcript.outcome === 'failed') summary = `${failed} of ${checks.length} ${checks.length === 1 ? 'check' : 'checks'} failed.`;
  else if (transcript.outcome === 'passed') summary = checks.length ? `All ${checks.length} ${checks.length === 1 ? 'check' : 'checks'} passed.` : 'The run completed.';
  const started = transcript.startedAt ? new Date(transcript.startedAt) : null;
  return h('div', {
    class: `outcome outcome-${outcomeKey(transcript.outcome)}`, 'data-testid': 'outcome', 'data-outcome': outcomeKey(transcript.outcome),
    tabindex: '-1', role: 'status',
  },
  h('span', { class: 'outcome-icon', 'aria-hidden': 'true', text: icon }),
  h('div', { class: 'outcome-body' },
    h('p', { class: 'outcome-title' }, h('strong', { text: label }), ' ', summary),
    h('p', { class: 'outcome-meta' },
      typeof transcript.durationMs === 'number' ? h('span', { 'data-testid': 'duration', text: `took ${formatMs(transcript.durationMs)}` }) : null,
      started && !Number.isNaN(started.getTime()) ? h('span', {}, 'started ', h('time', { datetime: transcript.startedAt, text: started.toLocaleString() })) : null,
      transcript.runId ? h('span', {}, 'run ', h('code', { text: transcript.runId })) : null,
      runLink && transcript.runId ? h('a', { href: runHref(transcript.runId), 'data-testid': 'run-link', text: 'This run’s own page (to share or reopen)' }) : null)));
}

/** The banner of a run that goes on: a spinner, how many events so far, Stop. */
export function renderLiveStatus(run, { stopButton, statusLine, runLink = false }) {
  return h('div', { class: 'outcome outcome-running', 'data-testid': 'live-status', 'data-outcome': 'running', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    h('div', { class: 'outcome-body' },
      h('p', { class: 'outcome-title' }, h('strong', { text: 'Running' }), ' ', statusLine),
      h('p', { class: 'outcome-meta' },
        run.runId ? h('span', {}, 'run ', h('code', { text: run.runId })) : null,
        runLink && run.runId ? h('a', { href: runHref(run.runId), 'data-testid': 'run-link', text: 'This run’s own page' }) : null)),
    stopButton);
}

/**
 * "Listening on 127.0.0.1:PORT — run your client now", with a command to copy: curl
 * for an HTTP case, nc -u for UDP, nc for TCP (chosen by the case's tags). The
 * address comes from the run's first listen event.
 */
export function renderListenBanner(listen, tags) {
  const local = String(listen.local ?? '');
  const port = local.slice(local.lastIndexOf(':') + 1);
  const host = '127.0.0.1';
  const tagList = Array.isArray(tags) ? tags : [];
  const udp = listen.protocol === 'udp' || tagList.includes('udp');
  const http = !udp && tagList.includes('http');
  const command = http ? `curl -v ${shellQuote(`http://${host}:${port}/`)}` : udp ? `nc -u ${host} ${port}` : `nc ${host} ${port}`;
  return h('section', { class: 'listen-banner', 'data-testid': 'listen-banner', role: 'status' },
    h('p', { class: 'listen-title' }, h('strong', { text: `Listening on ${host}:${port}` }), ' — run your client now'),
    h('p', { class: 'muted', text: http
      ? 'The lab’s server waits for your HTTP client (curl, a browser, your own program). Everything it sends and gets appears below as it happens.'
      : `The lab’s server waits for your ${udp ? 'UDP' : 'TCP'} client (your own program, or nc). Everything it sends and gets appears below as it happens.` }),
    h('div', { class: 'command-row' },
      h('pre', { class: 'command-text', tabindex: '0' }, h('code', { 'data-testid': 'listen-command', text: command })),
      copyButton(command, 'the client command')));
}

/** The checks, failures first in the page order the case gave them. */
export function renderChecks(checks) {
  const list = Array.isArray(checks) ? checks : [];
  const passed = list.filter((c) => c.passed).length;
  return h('section', { class: 'card checks', 'aria-labelledby': 'checks-heading' },
    h('h3', { id: 'checks-heading' }, 'Checks ', h('span', { class: 'count', text: list.length ? `${passed} of ${list.length} passed` : 'none' })),
    list.length === 0
      ? h('p', { class: 'muted', text: 'This run recorded no checks.' })
      : h('ul', { class: 'check-list' }, list.map(renderCheck)));
}

function renderCheck(check) {
  const ok = check.passed === true;
  return h('li', { class: ok ? 'check check-passed' : 'check check-failed', 'data-testid': 'check', 'data-passed': String(ok) },
    h('p', { class: 'check-head' },
      h('span', { class: 'check-icon', 'aria-hidden': 'true', text: ok ? '✓' : '✗' }),
      h('span', { class: 'check-status', text: ok ? 'Passed' : 'Failed' }),
      h('span', { class: 'check-name', text: String(check.name ?? '') })),
    typeof check.message === 'string' && check.message ? h('p', { class: 'check-message', text: check.message }) : null,
    ok ? null : comparison(check));
}

// Expected and actual side by side; whitespace is made visible and the text from the
// first differing character on is marked in both, with the position said in words.
function comparison(check) {
  const has = (v) => v !== undefined && v !== null;
  if (!has(check.expected) && !has(check.actual)) return null;
  const expected = asText(check.expected);
  const actual = asText(check.actual);
  const at = has(check.expected) && has(check.actual) ? firstDifference(expected, actual) : null;
  return h('div', { class: 'compare' },
    side('Expected', 'check-expected', expected, has(check.expected), at),
    side('Actual', 'check-actual', actual, has(check.actual), at),
    at === null ? null : h('p', { class: 'compare-note', text: differenceInWords(expected, actual, at) }));
}

function side(title, testId, text, present, at) {
  return h('figure', { class: 'compare-side' },
    h('figcaption', { text: title }),
    present
      ? h('pre', { class: 'visible-text', 'data-testid': testId, tabindex: '0' }, renderVisible(text, { markFrom: at }))
      : h('p', { class: 'muted', 'data-testid': testId, text: '(not given)' }));
}

function asText(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function differenceInWords(expected, actual, at) {
  const position = `They differ from character ${at + 1}`;
  if (actual.length < expected.length && expected.startsWith(actual)) return `Actual stops early: ${expected.length - actual.length} characters missing at the end.`;
  if (actual.length > expected.length && actual.startsWith(expected)) return `Actual has ${actual.length - expected.length} extra characters at the end.`;
  return `${position} (marked).`;
}

/** The console output, exactly as the case printed it. */
export function renderOutput(lines) {
  const list = Array.isArray(lines) ? lines.map(String) : [];
  return h('section', { class: 'card output', 'aria-labelledby': 'output-heading' },
    h('h3', { id: 'output-heading' }, 'Console output ', h('span', { class: 'count', text: `${list.length} ${list.length === 1 ? 'line' : 'lines'}` })),
    h('pre', { class: 'console', 'data-testid': 'output', tabindex: '0', 'aria-labelledby': 'output-heading' }, list.join('\n')));
}
