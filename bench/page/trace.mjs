// Main-thread time from a Chromium trace (the JSON events of Tracing.dataCollected): the renderer's
// top-level tasks in a window, what they spent on script, style, layout, paint and GC, and how much
// of it came before the first frame that showed the result. Pure: events in, figures out.

const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const GROUPS = {
  style: /^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation)$/,
  layout: /^(Layout|UpdateLayout)$/,
  paint: /^(PrePaint|Paint|Layerize|Commit|UpdateLayer|UpdateLayerTree|PaintImage|CompositeLayers)$/,
  gc: /^(MinorGC|MajorGC|V8\.GC.*|BlinkGC\..*|ThreadState::.*GC.*)$/,
};
const FRAME = /^(Paint|Commit)$/;

/** The main thread (pid, tid) of the page: the one that recorded the user-timing mark `mark`. */
export function markEvent(events, mark) {
  return events.find((e) => e.name === mark && String(e.cat).includes('blink.user_timing')) ?? null;
}

/** The thread's complete events ({name, ts, dur} in µs), B/E pairs joined, sorted by start. */
export function threadSlices(events, pid, tid) {
  const out = [];
  const open = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X') out.push({ name: e.name, ts: e.ts, dur: e.dur ?? 0, tdur: e.tdur, args: e.args });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      for (let i = open.length - 1; i >= 0; i--) {
        if (open[i].name === e.name || e.name === undefined) { const b = open.splice(i, 1)[0]; out.push({ name: b.name, ts: b.ts, dur: e.ts - b.ts, args: b.args }); break; }
      }
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

// The outermost of the slices `pick` selects (a slice inside another one counted is not counted again).
function outermost(slices, pick) {
  const out = [];
  let end = -Infinity;
  for (const s of slices) {
    if (!pick(s)) continue;
    if (s.ts < end) continue;
    out.push(s);
    end = s.ts + s.dur;
  }
  return out;
}

/**
 * Figures for the tasks that end after `from` and start before `to` (µs, trace clock), in ms:
 * {total, longest, firstScreen} in wall time (what the page's user waits), {cpu, longestCpu,
 * firstScreenCpu, script, style, layout, paint, gc} in the main thread's own CPU time (on a
 * machine others are using, wall time also counts the moments the thread waited for a core),
 * and over50 (tasks longer than 50 ms of wall time) and tasks (their number).
 * firstScreen: the task time from `from` through the first task, starting at or after `shownAt`,
 * that painted a frame (what it takes until the result is on screen).
 */
export function windowFigures(slices, { from, to = Infinity, shownAt = from }) {
  const inWindow = (s) => s.ts + s.dur > from && s.ts < to;
  const tasks = outermost(slices, (s) => TASK.has(s.name)).filter(inWindow);
  const within = slices.filter((s) => inWindow(s) && tasks.some((t) => s.ts >= t.ts && s.ts < t.ts + t.dur));
  const ms = (us) => us / 1000;
  const cpuOf = (s) => s.tdur ?? s.dur;
  const sum = (list, clock = cpuOf) => list.reduce((a, s) => a + clock(s), 0);
  const parts = {};
  for (const [group, re] of Object.entries(GROUPS)) parts[group] = sum(outermost(within, (s) => re.test(s.name)));
  let first = null;
  for (let i = 0; i < tasks.length && first === null; i++) {
    const t = tasks[i];
    if (t.ts + t.dur >= shownAt && within.some((s) => FRAME.test(s.name) && s.ts >= Math.max(t.ts, shownAt) && s.ts < t.ts + t.dur)) first = i;
  }
  const upTo = first === null ? null : tasks.slice(0, first + 1);
  const cpu = sum(tasks);
  return {
    total: ms(sum(tasks, (t) => t.dur)),
    cpu: ms(cpu),
    longest: ms(Math.max(0, ...tasks.map((t) => t.dur))),
    longestCpu: ms(Math.max(0, ...tasks.map(cpuOf))),
    over50: tasks.filter((t) => t.dur > 50_000).length,
    tasks: tasks.length,
    style: ms(parts.style),
    layout: ms(parts.layout),
    paint: ms(parts.paint),
    gc: ms(parts.gc),
    script: ms(cpu - parts.style - parts.layout - parts.paint - parts.gc),
    firstScreen: upTo === null ? null : ms(sum(upTo, (t) => t.dur)),
    firstScreenCpu: upTo === null ? null : ms(sum(upTo)),
  };
}

/** The median of numbers (nulls left out), or null. */
export function median(values) {
  const list = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (list.length === 0) return null;
  const mid = list.length >> 1;
  return list.length % 2 ? list[mid] : (list[mid - 1] + list[mid]) / 2;
}

/**
 * Self time per function of a CPU profile (Profiler.stop's `profile`) for the samples taken in
 * [from, to) (µs, the trace clock): [{fn, ms}] largest first.
 */
export function profileSelfTimes(profile, { from = -Infinity, to = Infinity } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const next = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
    if (t < from || t >= to) continue;
    const { callFrame } = byId.get(profile.samples[i]);
    const file = callFrame.url ? callFrame.url.replace(/^.*\//, '') : '';
    const fn = `${callFrame.functionName || '(anonymous)'}${file ? ` ${file}:${callFrame.lineNumber + 1}` : ''}`;
    self.set(fn, (self.get(fn) ?? 0) + next);
  }
  return [...self].map(([fn, us]) => ({ fn, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
}

/**
 * Time per function with what it called (inclusive), for the page's own functions (files
 * matching `files`), samples in [from, to): [{fn, ms}] largest first.
 */
export function profileTotals(profile, { from = -Infinity, to = Infinity, files = /socketlab-web|\.js$/ } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const next = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
    if (t < from || t >= to) continue;
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const { callFrame } = byId.get(id);
      if (!callFrame.url || !files.test(callFrame.url)) continue;
      const fn = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.replace(/^.*\//, '')}:${callFrame.lineNumber + 1}`;
      if (seen.has(fn)) continue;
      seen.add(fn);
      total.set(fn, (total.get(fn) ?? 0) + next);
    }
  }
  return [...total].map(([fn, us]) => ({ fn, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
}
