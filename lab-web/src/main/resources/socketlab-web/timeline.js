// What of a sequence model is on screen, and where: the filters (kinds, actor,
// connection), runs of alike events collapsed into one expandable item, and each
// item's vertical place, either one even step per item or placed by its time
// (`atMs`). Pure: no DOM, so long runs can be reasoned about and tested in Node.

/** Kinds that repeat what other panels show: hidden by default in a long run. */
export const QUIET_KINDS = ['output', 'note'];
/** A run with more events than this starts with console lines and notes hidden. */
export const LONG_RUN_EVENTS = 60;
/** This many alike events in a row, or more, are drawn as one item. */
export const MIN_RUN = 3;

/**
 * The filters a transcript starts with: quiet kinds hidden in a long run that has socket events
 * to show instead (a run that only prints keeps its lines), nothing else.
 */
export function defaultFilters(model) {
  const long = model.rows.length > LONG_RUN_EVENTS;
  const sockets = model.rows.some((r) => !QUIET_KINDS.includes(r.event.kind));
  return { hiddenKinds: new Set(long && sockets ? QUIET_KINDS : []), actor: null, conn: null, collapse: true, spacing: 'even' };
}

/** How many rows of each kind, actor and connection there are (for the filter controls). */
export function facets(model) {
  // Once per model: the filter controls are drawn again at each change of a filter.
  if (counted.has(model)) return counted.get(model);
  const kinds = new Map();
  const actors = new Map();
  const conns = new Map();
  for (const row of model.rows) {
    const e = row.event;
    count(kinds, String(e.kind));
    count(actors, String(e.actor ?? '?'));
    if (typeof e.conn === 'number' && (e.protocol ?? 'tcp') !== 'udp') count(conns, e.conn);
  }
  const result = { kinds, actors, conns };
  counted.set(model, result);
  return result;
}

const counted = new WeakMap();

function count(map, key) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The rows that pass the filters, in time order. */
export function visibleRows(model, filters) {
  return model.rows.filter((row) => {
    const e = row.event;
    if (filters.hiddenKinds.has(String(e.kind))) return false;
    if (filters.actor !== null && String(e.actor ?? '?') !== filters.actor) return false;
    if (filters.conn !== null && e.conn !== filters.conn) return false;
    return true;
  });
}

/**
 * Turns rows into items: {type: 'row', row} or {type: 'group', key, rows, label}. A group is
 * MIN_RUN or more consecutive alike rows (same actor, kind and shape: "recv(4096) → 4096"); its
 * key is its first row's index, so it stays the same while a live run grows. Groups whose key
 * is in `expanded` are given as their rows.
 */
export function collapseRuns(rows, { lanes = [], expanded = new Set(), minRun = MIN_RUN } = {}) {
  const items = [];
  let i = 0;
  while (i < rows.length) {
    let j = i + 1;
    if (groupable(rows[i])) while (j < rows.length && alike(rows[i], rows[j])) j++;
    const run = rows.slice(i, j);
    if (run.length >= minRun && !expanded.has(run[0].index)) {
      items.push({ type: 'group', key: run[0].index, rows: run, label: groupLabel(run, lanes) });
    } else {
      for (const row of run) items.push({ type: 'row', row, group: run.length >= minRun ? run[0].index : undefined });
    }
    i = j;
  }
  return items;
}

// Notes and kinds this page does not know are each read on their own.
const GROUPABLE = new Set(['send', 'recv', 'error', 'output', 'connect', 'accept', 'close']);

function groupable(row) {
  return GROUPABLE.has(row.event.kind);
}

// Rows are alike when they would be drawn the same but for the part that differs
// (the port, the offset, the printed text): same actor, kind and shape. Compared field by
// field (as text, so 1 and "1" are alike), with no key built per row.
function alike(a, b) {
  const x = a.event;
  const y = b.event;
  if (!same(x.kind, y.kind) || !same(x.actor, y.actor) || !same(x.protocol ?? '', y.protocol ?? '')) return false;
  switch (x.kind) {
    case 'send': return same(x.conn, y.conn) && same(a.target, b.target) && same(a.delivery, b.delivery) && same(a.bytes?.length, b.bytes?.length);
    case 'recv': return same(x.conn, y.conn) && same(x.requested, y.requested) && same(x.size ?? a.bytes?.length, y.size ?? b.bytes?.length) && same(a.source, b.source);
    case 'error': return same(x.text, y.text);
    default: return true;
  }
}

function same(a, b) {
  return a === b || String(a) === String(b);
}

/** "1,024 × error: Connection refused, ports 1–1,024"; "7 × recv(4096) → 4096, offsets 0–28,671". */
export function groupLabel(rows, lanes = []) {
  const e = rows[0].event;
  const n = `${number(rows.length)} ×`;
  const who = e.actor ?? '?';
  switch (e.kind) {
    case 'send': {
      const to = lanes[rows[0].target]?.name ?? e.remote ?? '?';
      return `${n} ${who} sends ${number(rows[0].bytes?.length ?? 0)} B to ${to}${offsets(rows)}`;
    }
    case 'recv': return `${n} ${who} recv(${e.requested ?? '?'}) → ${e.size ?? rows[0].bytes?.length ?? 0}${offsets(rows)}`;
    case 'error': return `${n} ${who}: error: ${e.text ?? 'unknown'}${ports(rows)}`;
    case 'connect': return `${n} ${who} connects${ports(rows)}`;
    case 'accept': return `${n} ${who} accepts`;
    case 'close': return `${n} ${who} closes`;
    case 'output': {
      const first = String(rows[0].event.text ?? '');
      const last = String(rows[rows.length - 1].event.text ?? '');
      return `${n} ${who} prints: “${cutText(first, 40)}” … “${cutText(last, 40)}”`;
    }
    default: return `${n} ${who}: ${e.kind}`;
  }
}

function offsets(rows) {
  const list = rows.map((r) => r.event.offset).filter((o) => typeof o === 'number');
  if (list.length !== rows.length) return '';
  const lastRow = rows[rows.length - 1];
  const end = lastRow.event.offset + Math.max(1, lastRow.bytes?.length ?? 0) - 1;
  return `, offsets ${number(Math.min(...list))}–${number(end)}`;
}

function ports(rows) {
  const list = rows.map((r) => portOf(r.event.remote)).filter((p) => p !== null);
  if (list.length === 0) return '';
  return `, ${list.length === 1 ? 'port' : 'ports'} ${ranges(list)}`;
}

/** The port of "127.0.0.1:80" or "[::1]:80", or null. */
export function portOf(address) {
  const m = /:(\d+)$/.exec(String(address ?? ''));
  return m ? Number(m[1]) : null;
}

/** [1,2,3,5,7,8] → "1–3, 5, 7–8"; after `max` ranges the rest is counted, not listed. */
export function ranges(values, max = 4) {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(i === j ? number(sorted[i]) : `${number(sorted[i])}–${number(sorted[j])}`);
    i = j + 1;
  }
  return out.length <= max ? out.join(', ') : `${out.slice(0, max).join(', ')} and ${out.length - max} more ranges`;
}

/** 1024 → "1,024" (fixed, so the labels are the same in every locale). */
export function number(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function cutText(text, max) {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/**
 * Vertical places: {tops: number[], heights: number[], total, gaps: [{at, ms}]}. 'even' gives
 * every item `rowPx`. 'time' places items by `atMs` on a scale where the whole run takes about
 * twice the height of its items packed at `minPx`: a burst stays packed at `minPx` a step, a
 * long wait (a time-out) is long, and a wait that would be taller than `maxGapPx` is drawn that
 * tall with its duration in `gaps`.
 */
export function layoutItems(items, { spacing = 'even', rowPx = 38, minPx = 26, maxGapPx = 240 } = {}) {
  const tops = new Array(items.length);
  const heights = new Array(items.length);
  if (spacing !== 'time') {
    for (let i = 0; i < items.length; i++) { tops[i] = i * rowPx; heights[i] = rowPx; }
    return { tops, heights, total: items.length * rowPx, gaps: [] };
  }
  const times = items.map(itemTime);
  const duration = times.length ? Math.max(...times) - Math.min(...times) : 0;
  const pxPerMs = (2 * minPx * Math.max(1, items.length)) / Math.max(duration, 1e-3);
  const gaps = [];
  let y = 0;
  for (let i = 0; i < items.length; i++) {
    if (i > 0) {
      const dt = Math.max(0, times[i] - times[i - 1]);
      const wanted = dt * pxPerMs;
      if (wanted > maxGapPx) gaps.push({ at: i, ms: dt });
      y += Math.min(maxGapPx, Math.max(minPx, wanted));
    }
    tops[i] = y;
  }
  // An item is as tall as the step to the next one, at least minPx, at most rowPx.
  for (let i = 0; i < items.length; i++) {
    const next = i + 1 < items.length ? tops[i + 1] - tops[i] : rowPx;
    heights[i] = Math.max(minPx, Math.min(rowPx, next));
  }
  const total = items.length ? tops[items.length - 1] + heights[items.length - 1] : 0;
  return { tops, heights, total, gaps };
}

function itemTime(item) {
  const row = item.type === 'group' ? item.rows[0] : item.row;
  const t = row.event.atMs;
  return typeof t === 'number' && Number.isFinite(t) ? t : 0;
}

/** The items [from, to) that overlap the band [top, bottom) of a layout (binary search). */
export function windowOf(layout, top, bottom) {
  const { tops, heights } = layout;
  let lo = 0;
  let hi = tops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid] + heights[mid] <= top) lo = mid + 1; else hi = mid;
  }
  let to = lo;
  while (to < tops.length && tops[to] < bottom) to++;
  return { from: lo, to };
}

/** The index of the item that shows row `index` (a group shows its rows), or -1. */
export function itemOfRow(items, index) {
  return items.findIndex((item) => (item.type === 'row' ? item.row.index === index : item.rows.some((r) => r.index === index)));
}

/**
 * A key that changes whenever item i would be drawn differently: its rows, its place, and what
 * the model says of it (a send's delivery changes as reads arrive in a live run).
 */
export function itemKey(item, layout, i) {
  const place = `${layout.tops[i]} ${layout.heights[i]}`;
  if (item.type === 'group') return `g${item.key} ${item.rows.length} ${item.label} ${place}`;
  const r = item.row;
  return `r${r.index} ${place} ${r.lane} ${r.delivery} ${r.read} ${r.target} ${r.source}`;
}
