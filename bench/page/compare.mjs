// Before and after: the --json files of several page-render runs of each side (interleaved, so both
// saw the same load), every repetition pooled, medians side by side.
// usage: node bench/page/compare.mjs BEFORE.json... -- AFTER.json...

import fs from 'node:fs';
import { median } from './trace.mjs';

const argv = process.argv.slice(2);
const cut = argv.indexOf('--');
if (cut < 1 || cut === argv.length - 1) {
  console.error('usage: node bench/page/compare.mjs BEFORE.json... -- AFTER.json...');
  process.exit(2);
}
const pool = (files) => {
  const rows = new Map();
  for (const file of files) {
    for (const row of JSON.parse(fs.readFileSync(file, 'utf8'))) {
      if (!rows.has(row.name)) rows.set(row.name, []);
      rows.get(row.name).push(...row.runs);
    }
  }
  return rows;
};
const before = pool(argv.slice(0, cut));
const after = pool(argv.slice(cut + 1));
const f = (v) => (v === null || v === undefined ? '-' : v.toFixed(1));
const m = (runs, key) => median((runs ?? []).map((r) => r[key]));
const pair = (key, name) => `${f(m(before.get(name), key))} → ${f(m(after.get(name), key))}`;
console.log(`# medians of ${[...before.values()][0]?.length ?? 0} repetitions before and ${[...after.values()][0]?.length ?? 0} after, ms of the main thread`);
console.log('| measure | main thread, CPU | wall | first screen, CPU | wall | longest task, CPU | wall | tasks > 50 ms |');
console.log('| --- | --: | --: | --: | --: | --: | --: | --: |');
for (const name of new Set([...before.keys(), ...after.keys()])) {
  console.log(`| ${name} | ${pair('cpu', name)} | ${pair('total', name)} | ${pair('firstScreenCpu', name)} | ${pair('firstScreen', name)} | ${pair('longestCpu', name)} | ${pair('longest', name)} | ${pair('over50', name)} |`);
}
