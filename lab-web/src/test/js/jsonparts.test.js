import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prettyJsonParts } from '../../main/resources/socketlab-web/jsonparts.js';

function joined(value, options) {
  const parts = prettyJsonParts(value, options);
  let out = '';
  let count = 0;
  for (let p; (p = parts.next()) !== null;) { out += p; count++; }
  return { out, count };
}

const transcript = {
  version: 2, runId: 'r1', caseId: 'large-file-get', params: { bufferSize: 1, host: '' },
  events: Array.from({ length: 1001 }, (_, i) => ({ atMs: i / 3, kind: 'recv', text: i % 7 ? 'a\nb' : null, nested: { list: [1, [2, { x: '"' }]], empty: {} } })),
  checks: [{ name: 'c', passed: true, expected: 'x\r\n', actual: ['y'] }], output: [], outcome: 'passed',
};

test('the pieces join into exactly what JSON.stringify(value, null, 2) writes, with a newline', () => {
  const { out, count } = joined(transcript, { size: 100 });
  assert.equal(out, JSON.stringify(transcript, null, 2) + '\n');
  assert.equal(count, 1 + 11 + 1, 'the head, the events 100 at a time, the tail');
});

test('the events may come first, last or alone, and hold anything JSON can', () => {
  for (const value of [{ events: [1, 'two', null, [], {}, { a: undefined, b: () => 1 }] }, { a: 1, events: [{}] },
    { events: [{ text: '\n  "events": "\\u0000parts\\u0000"' }], z: [] }]) {
    assert.equal(joined(value, { size: 2 }).out, JSON.stringify(value, null, 2) + '\n');
  }
});

test('without a list of events it is one piece', () => {
  for (const value of [{ events: [] }, { events: 'none' }, { other: [1] }, [1, 2], 'text', null]) {
    const { out, count } = joined(value);
    assert.equal(out, JSON.stringify(value, null, 2) + '\n');
    assert.equal(count, 1);
  }
});
