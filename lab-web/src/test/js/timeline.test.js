import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSequence } from '../../main/resources/socketlab-web/sequence.js';
import { defaultFilters, facets, visibleRows, collapseRuns, groupLabel, layoutItems, windowOf, itemOfRow, itemKey, ranges, portOf, number }
  from '../../main/resources/socketlab-web/timeline.js';
import { helloWorld, send, recv, A, B } from './fixtures.js';

const noConsole = (model) => ({ ...defaultFilters(model), hiddenKinds: new Set(['output', 'note']) });

function portScan(ports) {
  const events = [];
  for (let p = 1; p <= ports; p++) {
    events.push({ atMs: p, actor: 'Scanner', kind: 'error', protocol: 'tcp', remote: `127.0.0.1:${p}`, text: 'Connection refused' });
    events.push({ atMs: p + 0.5, actor: 'Scanner', kind: 'output', text: `Port ${p} on localhost is Close` });
  }
  return buildSequence(events);
}

test('a long run starts with console lines and notes hidden, a short one with everything', () => {
  assert.deepEqual([...defaultFilters(portScan(1024)).hiddenKinds].sort(), ['note', 'output']);
  assert.equal(defaultFilters(buildSequence(helloWorld())).hiddenKinds.size, 0);
});

test('a long run that only prints keeps its lines', () => {
  const model = buildSequence(Array.from({ length: 100 }, (_, i) => ({ atMs: i, actor: 'Talker', kind: 'output', text: `line ${i}` })));
  assert.equal(defaultFilters(model).hiddenKinds.size, 0);
});

test('filters keep the rows of one kind, actor or connection', () => {
  const model = buildSequence(helloWorld());
  const all = defaultFilters(model);
  assert.equal(visibleRows(model, { ...all, hiddenKinds: new Set(['recv']) }).length, model.rows.length - 2);
  assert.ok(visibleRows(model, { ...all, actor: 'Alice' }).every((r) => r.event.actor === 'Alice'));
  assert.equal(visibleRows(model, { ...all, conn: 1 }).length, model.rows.length - 1); // not the listen
  assert.deepEqual([...facets(model).conns], [[1, 6]]);
});

test('1,024 refused connects collapse into one item that names the ports', () => {
  const model = portScan(1024);
  const items = collapseRuns(visibleRows(model, defaultFilters(model)), { lanes: model.lanes });
  assert.equal(items.length, 1);
  assert.equal(items[0].type, 'group');
  assert.equal(items[0].rows.length, 1024);
  assert.equal(items[0].label, '1,024 × Scanner: error: Connection refused, ports 1–1,024');
});

test('an expanded run is given as its rows, and its key does not change when the run grows', () => {
  const model = portScan(10);
  const rows = visibleRows(model, noConsole(model));
  const [group] = collapseRuns(rows);
  const grown = portScan(20);
  const [grownGroup] = collapseRuns(visibleRows(grown, noConsole(grown)));
  assert.equal(grownGroup.key, group.key);
  const expanded = collapseRuns(rows, { expanded: new Set([group.key]) });
  assert.equal(expanded.length, 10);
  assert.ok(expanded.every((item) => item.type === 'row'));
});

test('recvs of the same size collapse with their offsets; the short last one stays apart', () => {
  const events = [send('S', B, A, 1, 0, 'x'.repeat(30))];
  for (let o = 0; o < 28; o += 4) events.push(recv('C', A, B, 1, o, 4, 'x'.repeat(4)));
  events.push(recv('C', A, B, 1, 28, 4, 'xx'));
  const model = buildSequence(events);
  const items = collapseRuns(model.rows, { lanes: model.lanes });
  assert.deepEqual(items.map((i) => i.type), ['row', 'group', 'row']);
  assert.equal(items[1].label, '7 × C recv(4) → 4, offsets 0–27');
});

test('fewer than three alike events are not collapsed; notes never are', () => {
  const model = buildSequence(helloWorld());
  assert.ok(collapseRuns(model.rows).every((i) => i.type === 'row'));
  const notes = buildSequence([1, 2, 3, 4].map((n) => ({ atMs: n, actor: 'Lab', kind: 'note', text: `n${n}` })));
  assert.ok(collapseRuns(notes.rows).every((i) => i.type === 'row'));
});

test('group labels keep the part that differs', () => {
  const model = buildSequence([3, 1, 2, 7].map((p, i) => ({ atMs: i, actor: 'S', kind: 'connect', protocol: 'tcp', remote: `[::1]:${p}` })));
  assert.equal(groupLabel(model.rows), '4 × S connects, ports 1–3, 7');
});

test('ranges, ports and numbers are written for people', () => {
  assert.equal(ranges([1, 2, 3, 5, 7, 8]), '1–3, 5, 7–8');
  assert.equal(ranges([1, 3, 5, 7, 9, 11], 2), '1, 3 and 4 more ranges');
  assert.equal(portOf('127.0.0.1:8080'), 8080);
  assert.equal(portOf('nowhere'), null);
  assert.equal(number(1234567), '1,234,567');
});

test('even spacing gives every item the same step', () => {
  const layout = layoutItems([{}, {}, {}].map((_, i) => ({ type: 'row', row: { event: { atMs: i } } })), { rowPx: 10 });
  assert.deepEqual(layout.tops, [0, 10, 20]);
  assert.equal(layout.total, 30);
});

test('time spacing makes a long wait long and a burst packed', () => {
  // Six items over 2 s: the run is scaled to about 2 × 6 × 20 px, so the 2 s wait wants
  // ~240 px (drawn at most 100 px tall, its duration noted) and 0.1 ms steps are packed.
  const times = [0, 0.1, 0.2, 0.3, 2000.3, 2000.4];
  const items = times.map((atMs) => ({ type: 'row', row: { event: { atMs } } }));
  const layout = layoutItems(items, { spacing: 'time', minPx: 20, rowPx: 30, maxGapPx: 100 });
  const steps = layout.tops.slice(1).map((t, i) => t - layout.tops[i]);
  assert.deepEqual(steps, [20, 20, 20, 100, 20]);
  assert.deepEqual(layout.gaps.map((g) => g.at), [4]);
  assert.ok(Math.abs(layout.gaps[0].ms - 2000) < 1e-9);
});

test('the window holds exactly the items that overlap the visible band', () => {
  const layout = { tops: [0, 10, 20, 30, 40], heights: [10, 10, 10, 10, 10] };
  assert.deepEqual(windowOf(layout, 15, 35), { from: 1, to: 4 });
  assert.deepEqual(windowOf(layout, 100, 200), { from: 5, to: 5 });
});

test('a row inside a collapsed run is found in its group', () => {
  const model = portScan(5);
  const items = collapseRuns(visibleRows(model, noConsole(model)));
  assert.equal(items.length, 1);
  assert.equal(itemOfRow(items, model.rows[4].index), 0);
  assert.equal(itemOfRow(items, 999), -1);
});

test('an item keeps its key while it would be drawn the same, and not once a read arrives', () => {
  const events = helloWorld().filter((e) => e.kind !== 'recv');
  const layout = (items) => layoutItems(items);
  const before = buildSequence(events, { complete: false });
  const items = collapseRuns(before.rows);
  const send = items.findIndex((i) => i.row?.event.kind === 'send');
  const grown = buildSequence([...events, { atMs: 99, actor: 'Lab', kind: 'note', text: 'later' }], { complete: false });
  const grownItems = collapseRuns(grown.rows);
  assert.equal(itemKey(grownItems[send], layout(grownItems), send), itemKey(items[send], layout(items), send));
  const read = buildSequence(helloWorld(), { complete: false });
  const readItems = collapseRuns(read.rows);
  const readSend = readItems.findIndex((i) => i.row?.event.kind === 'send');
  assert.notEqual(itemKey(readItems[readSend], layout(readItems), readSend), itemKey(items[send], layout(items), send));
});
