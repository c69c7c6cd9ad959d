// How long the case page keeps the browser's main thread busy drawing long runs: headless Chromium
// over the DevTools protocol opens a running Socket Lab's page, runs cases of thousands of events,
// opens a saved transcript, opens a collapsed run and shows a hidden kind, each with a trace; it
// prints the main-thread task time of each (median of --repeat), split into script, style,
// layout, paint and GC. Figures, not a test. Started by bench/page-render.sh.
//
// usage: node bench/page/render.mjs --url http://127.0.0.1:PORT/ [--repeat N] [--settle MS]
//        [--width PX] [--profile] [--only NAMES] [--json FILE]
// For a closer look at a run's render: BENCH_SLICES=1 lists the trace's slices over 2 ms after the
// request for the final transcript, BENCH_LAYOUTS=1 every style and layout pass of the whole run.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from './cdp.mjs';
import { markEvent, threadSlices, windowFigures, median, profileSelfTimes, profileTotals } from './trace.mjs';

const args = parseArgs(process.argv.slice(2));
const BASE = args.url ?? die('give --url http://127.0.0.1:PORT/');
if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\/?$/.test(BASE)) die('--url must be a loopback address');
const REPEAT = Number(args.repeat ?? 5);
const SETTLE = Number(args.settle ?? 1500);
const WIDTH = Number(args.width ?? 1280);
const ONLY = args.only ? new Set(String(args.only).split(',')) : null;
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'v8.execute', 'loading'];

const { session: cdp, close } = await launch({ width: WIDTH, height: 900 });
// Stopped from outside (Ctrl+C, the script's trap): the browser goes too.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { close().finally(() => process.exit(130)); });
const traceEvents = [];
cdp.on('Tracing.dataCollected', ({ value }) => { for (const e of value) traceEvents.push(e); });
await cdp.send('Page.enable');
await cdp.send('Runtime.enable');
const consoleErrors = [];
cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => consoleErrors.push(exceptionDetails.exception?.description ?? exceptionDetails.text));
cdp.on('Runtime.consoleAPICalled', ({ type, args: a }) => { if (type === 'error') consoleErrors.push(a.map((x) => x.value ?? x.description).join(' ')); });

const results = [];
try {
  const transcriptFile = path.join(os.tmpdir(), `socketlab-bench-transcript-${process.pid}.json`);
  for (let rep = 0; rep < REPEAT; rep++) {
    const profile = args.profile && rep === REPEAT - 1;
    if (want('large-file-get')) {
      const r = await runCase('large-file-get?bufferSize=1', { profile });
      record('large-file-get bufferSize=1: run → result', r.final, r);
      record('large-file-get bufferSize=1: the whole run (live drawing included)', r.whole, r);
      if (rep === 0) fs.writeFileSync(transcriptFile, await (await fetch(new URL(`api/runs/${encodeURIComponent(r.runId)}`, BASE))).text());
      if (want('toggle')) record('large-file-get bufferSize=1: show the console lines (a filter)', await act(() => click('[data-testid=filter-kind][data-kind=output]'), { profile }));
    }
    if (want('scan')) {
      const r = await runCase('port-scanner?ports=1-1024', { profile });
      record('port scan 1-1024: run → result', r.final, r);
      if (want('expand')) record('port scan 1-1024: open the collapsed run of 1,024', await act(() => click('[data-testid=diagram-group]'), { profile }));
      if (want('toggle')) record('port scan 1-1024: show the console lines (a filter)', await act(() => click('[data-testid=filter-kind][data-kind=output]'), { profile }));
    }
    if (want('open') && fs.existsSync(transcriptFile)) {
      record('#/open the saved large-file-get transcript', await openFile(transcriptFile, { profile }));
    }
  }
  fs.rmSync(transcriptFile, { force: true });
} finally {
  await close();
}
report();

function want(name) {
  return !ONLY || ONLY.has(name);
}

// Runs a case from its page: figures for the whole run (from the click) and for the final
// transcript (from the request of GET /api/runs/ID that brought it to the page being quiet).
async function runCase(caseAndQuery, { profile }) {
  await navigate(`#/cases/${caseAndQuery}`, '[data-testid=run-button]');
  await watchOutcome();
  const trace = await traced(async () => {
    await evaluate(`performance.mark('bench:start'); document.querySelector('[data-testid=run-button]').click()`);
    await waitFor(`document.querySelector('[data-testid=outcome]') !== null`);
  }, { profile });
  const runId = await evaluate(`decodeURIComponent((document.querySelector('[data-testid=run-link]')?.getAttribute('href') ?? '').replace('#/runs/', ''))`);
  const { slices, start, shown } = trace;
  const request = lastRunRequest(trace.events, trace.thread, runId);
  if (process.env.BENCH_LAYOUTS) {
    for (const sl of slices.filter((x) => x.ts >= start && /^(Layout|UpdateLayoutTree)$/.test(x.name) && x.dur > 300)) {
      const stack = sl.args?.beginData?.stackTrace?.[0];
      console.log(`${((sl.ts - start) / 1000).toFixed(1).padStart(7)} cpu ${((sl.tdur ?? 0) / 1000).toFixed(1).padStart(5)} ${sl.name} ${stack ? `forced by ${stack.functionName} ${stack.url.replace(/.*\//, '')}:${stack.lineNumber}` : ''}`);
    }
  }
  if (process.env.BENCH_SLICES) {
    for (const sl of slices.filter((x) => x.ts >= (request ?? start) && x.dur > 2000 && !/RunTask/.test(x.name))) {
      console.log(`${((sl.ts - (request ?? start)) / 1000).toFixed(1).padStart(7)} +${(sl.dur / 1000).toFixed(1).padStart(6)} cpu ${((sl.tdur ?? -1000) / 1000).toFixed(1).padStart(6)} ${sl.name} ${JSON.stringify(sl.args?.data ?? sl.args ?? {}).slice(0, 150)}`);
    }
  }
  return {
    runId,
    whole: { ...windowFigures(slices, { from: start, shownAt: shown }), profile: trace.profileTop(start) },
    final: { ...windowFigures(slices, { from: request ?? start, shownAt: shown }), profile: trace.profileTop(request ?? start) },
    ...(await pageFacts()),
  };
}

async function act(action, { profile }) {
  const trace = await traced(async () => {
    await evaluate(`performance.mark('bench:start')`);
    await action();
  }, { profile });
  return { ...windowFigures(trace.slices, { from: trace.start }), profile: trace.profileTop(trace.start), ...(await pageFacts()) };
}

async function openFile(file, { profile }) {
  await navigate('#/open', '[data-testid=transcript-file]');
  await watchOutcome();
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-testid=transcript-file]' });
  const trace = await traced(async () => {
    await evaluate(`performance.mark('bench:start')`);
    await cdp.send('DOM.setFileInputFiles', { nodeId, files: [file] });
    await waitFor(`document.querySelector('[data-testid=outcome]') !== null`);
  }, { profile });
  return { ...windowFigures(trace.slices, { from: trace.start, shownAt: trace.shown }), profile: trace.profileTop(trace.start), ...(await pageFacts()) };
}

// Marks "bench:shown" at the end of the task that put the result's outcome banner in the page
// (a MutationObserver's callback runs at the end of that task), whatever the page's code is.
function watchOutcome() {
  return evaluate(`new MutationObserver((records, observer) => {
    if (document.querySelector('[data-testid=outcome]')) { performance.mark('bench:shown'); observer.disconnect(); }
  }).observe(document.body, { childList: true, subtree: true })`);
}

// An SVG element has no click(): a click event as a mouse would send it.
function click(selector) {
  return evaluate(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) throw new Error('no ${selector.replace(/'/g, '')}'); el.dispatchEvent(new MouseEvent('click', { bubbles: true })); })()`);
}

// Runs `during` with a trace (and a CPU profile) going, then waits SETTLE ms for deferred work.
async function traced(during, { profile }) {
  traceEvents.length = 0;
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await during();
  await sleep(SETTLE);
  const cpu = profile ? (await cdp.send('Profiler.stop')).profile : null;
  const complete = new Promise((resolve) => { const off = cdp.on('Tracing.tracingComplete', () => { off(); resolve(); }); });
  await cdp.send('Tracing.end');
  await complete;
  const events = traceEvents.slice();
  const mark = markEvent(events, 'bench:start') ?? die('the trace has no bench:start mark');
  const shownMark = markEvent(events, 'bench:shown');
  const slices = threadSlices(events, mark.pid, mark.tid);
  return {
    events, slices, thread: { pid: mark.pid, tid: mark.tid }, start: mark.ts, shown: shownMark?.ts ?? mark.ts,
    profileTop: (from) => (cpu ? { self: profileSelfTimes(cpu, { from }).slice(0, 20), total: profileTotals(cpu, { from }).slice(0, 30) } : null),
  };
}

// The main thread's start of the request that fetched the final transcript.
function lastRunRequest(events, { pid, tid }, runId) {
  const wanted = `/api/runs/${encodeURIComponent(runId)}`;
  const sends = events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'ResourceSendRequest'
    && String(e.args?.data?.url ?? '').endsWith(wanted));
  return sends.length ? sends[sends.length - 1].ts : null;
}

async function pageFacts() {
  return evaluate(`({ count: document.querySelector('[data-testid=wire-count]')?.textContent ?? '',
    nodes: document.getElementsByTagName('*').length })`);
}

async function navigate(hash, readySelector) {
  await cdp.send('Page.navigate', { url: 'about:blank' });
  await waitFor('document.readyState === "complete"');
  await cdp.send('Page.navigate', { url: new URL(hash, BASE).href });
  await waitFor(`document.querySelector(${JSON.stringify(readySelector)}) !== null`);
}

async function evaluate(expression) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
  if (exceptionDetails) throw new Error(`page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

// Polls every 100 ms (each poll is a task of well under a millisecond on the page's thread).
async function waitFor(expression, timeoutMillis = 60_000) {
  const until = Date.now() + timeoutMillis;
  while (Date.now() < until) {
    if (await evaluate(expression)) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${expression}`);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function record(name, figures, facts = figures) {
  let row = results.find((r) => r.name === name);
  if (!row) { row = { name, runs: [], facts }; results.push(row); }
  row.runs.push(figures);
  if (figures.profile) row.profile = figures.profile;
}

function report() {
  const f = (v) => (v === null || v === undefined ? '-' : v.toFixed(1));
  console.log(`# page render, median of ${REPEAT} repetitions (min-max), ms of the page's main thread: CPU time, then wall time;`);
  console.log(`# window ${WIDTH} px; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (1/5/15 min) on ${os.cpus().length} cpus`);
  console.log('| measure | main thread, CPU | wall | first screen, CPU | wall | longest task, CPU | wall | tasks (> 50 ms) | script | style | layout | paint | gc | what the page shows |');
  console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- |');
  for (const row of results) {
    const m = (key) => f(median(row.runs.map((r) => r[key])));
    const range = (key) => { const v = row.runs.map((r) => r[key]).filter((x) => typeof x === 'number'); return v.length > 1 ? ` (${f(Math.min(...v))}-${f(Math.max(...v))})` : ''; };
    console.log(`| ${row.name} | ${m('cpu')}${range('cpu')} | ${m('total')} | ${m('firstScreenCpu')}${range('firstScreenCpu')} | ${m('firstScreen')} | ${m('longestCpu')} | ${m('longest')} | ${m('tasks')} (${m('over50')}) | ${m('script')} | ${m('style')} | ${m('layout')} | ${m('paint')} | ${m('gc')} | ${row.facts.count}, ${row.facts.nodes} elements |`);
  }
  for (const row of results.filter((r) => r.profile)) {
    console.log(`\n## self time by function (last repetition), ${row.name}`);
    for (const { fn, ms } of row.profile.self) console.log(`${ms.toFixed(1).padStart(7)} ms  ${fn}`);
    console.log(`\n## time with callees, the page's own functions, ${row.name}`);
    for (const { fn, ms } of row.profile.total) console.log(`${ms.toFixed(1).padStart(7)} ms  ${fn}`);
  }
  if (consoleErrors.length) console.log(`\n# page errors:\n${consoleErrors.join('\n')}`);
  if (args.json) fs.writeFileSync(args.json, JSON.stringify(results, null, 2));
}

function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i++) {
    const m = /^--([a-z]+)$/.exec(list[i]);
    if (!m) die(`unknown argument ${list[i]}`);
    if (m[1] === 'profile') out.profile = true;
    else out[m[1]] = list[++i];
  }
  return out;
}

function die(message) {
  console.error(`page bench: ${message}`);
  process.exit(2);
}
