import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSequence } from '../../main/resources/socketlab-web/sequence.js';
import { followStream, splitAtCuts, streamsOf } from '../../main/resources/socketlab-web/stream.js';
import { helloWorld, send, recv, tcp, A, B } from './fixtures.js';

const text = (bytes) => Buffer.from(bytes).toString('latin1');

test('each direction is reassembled in offset order, whatever order the sends were recorded in', () => {
  const events = [tcp('C', 'connect', A, B, 1), tcp('S', 'accept', B, A, 1),
    send('C', A, B, 1, 0, 'GET / HTTP/1.1\r\n\r\n'),
    send('S', B, A, 1, 5, ' OK\r\n'), send('S', B, A, 1, 0, 'HTTP/')];
  const stream = followStream(buildSequence(events), 1);
  assert.deepEqual(stream.directions.map((d) => [d.from, d.to, text(d.bytes)]),
    [['C', 'S', 'GET / HTTP/1.1\r\n\r\n'], ['S', 'C', 'HTTP/ OK\r\n']]);
  assert.deepEqual(stream.pieces.map((p) => [p.dir, p.start]), [[0, 0], [1, 5], [1, 0]]);
});

test('recv boundaries are where each read ended in its direction', () => {
  const stream = followStream(buildSequence(helloWorld()), 1);
  assert.equal(stream.directions.length, 1);
  assert.deepEqual(stream.directions[0].cuts.map((c) => [c.start, c.end, c.requested]), [[0, 8, 8], [8, 11, 8]]);
  assert.deepEqual(splitAtCuts(0, 11, stream.directions[0].cuts).map((p) => [p.start, p.end, p.cutAfter?.end ?? null]),
    [[0, 8, 8], [8, 11, 11]]);
});

test('with the sender outside the lab, the stream is rebuilt from the receiver\'s reads', () => {
  const events = [tcp('Server', 'accept', B, A, 2, { peer: 'Browser' }), recv('Server', B, A, 2, 0, 4, 'GET '), recv('Server', B, A, 2, 4, 4, '/ ')];
  events.forEach((e) => { e.peer = 'Browser'; });
  const stream = followStream(buildSequence(events), 2);
  assert.equal(text(stream.directions[0].bytes), 'GET / ');
  assert.equal(stream.directions[0].from, 'Browser');
});

test('only TCP connections that carried bytes can be followed', () => {
  const model = buildSequence([...helloWorld(), tcp('X', 'connect', '127.0.0.1:1', '127.0.0.1:2', 9)]);
  assert.deepEqual(streamsOf(model).map((s) => s.conn), [1]);
});
