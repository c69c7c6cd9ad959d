import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSequence } from '../../main/resources/socketlab-web/sequence.js';
import { helloWorld, send, recv, tcp, A, B } from './fixtures.js';

test('one lane per actor in the order they first act', () => {
  const model = buildSequence(helloWorld());
  assert.deepEqual(model.lanes.map((l) => l.name), ['Bob', 'Alice']);
});

test('a send is linked to every recv whose offsets overlap it', () => {
  const model = buildSequence(helloWorld());
  const sendRow = model.rows.find((r) => r.event.kind === 'send');
  const reads = [...model.links.get(sendRow.index)].map((i) => model.rows[i].event.offset);
  assert.deepEqual(reads.sort(), [0, 8]);
  assert.equal(sendRow.delivery, 'received');
  assert.equal(sendRow.target, 0);
});

test('a send read only in part says how many bytes were never read', () => {
  const events = helloWorld().filter((e) => !(e.kind === 'recv' && e.offset === 8));
  const sendRow = buildSequence(events).rows.find((r) => r.event.kind === 'send');
  assert.equal(sendRow.delivery, 'partial');
  assert.equal(sendRow.read, 8);
});

test('while a run goes on unread bytes are pending, not never read', () => {
  const events = helloWorld().filter((e) => e.kind !== 'recv');
  assert.equal(buildSequence(events, { complete: false }).rows.find((r) => r.event.kind === 'send').delivery, 'pending');
  assert.equal(buildSequence(events).rows.find((r) => r.event.kind === 'send').delivery, 'unread');
});

test('a connection seen from one end only points at a lane for its named outside peer', () => {
  const events = [tcp('Server', 'accept', B, A, 3, { peer: 'Your client' }), send('Server', B, A, 3, 0, 'HI')];
  events[1].peer = 'Your client';
  const model = buildSequence(events);
  const sendRow = model.rows.find((r) => r.event.kind === 'send');
  assert.equal(sendRow.delivery, 'external');
  assert.equal(model.lanes[sendRow.target].name, 'Your client');
  assert.equal(model.lanes[sendRow.target].external, true);
});

test('a datagram goes to the first later recv at the socket it was sent to', () => {
  const u = (actor, kind, conn, peerConn, text) => ({ atMs: 0, actor, kind, protocol: 'udp', conn, peerConn, base64: Buffer.from(text).toString('base64') });
  const events = [u('C', 'send', 1, 2, 'hi'), u('S', 'recv', 2, 1, 'hi'), u('C', 'send', 1, 2, 'lost?')];
  events.forEach((e, i) => { e.atMs = i; });
  const model = buildSequence(events);
  assert.equal(model.rows[0].delivery, 'received');
  assert.equal(model.rows[2].delivery, 'lost');
});

test('recvs match sends by conn and offset, never by time', () => {
  // The recv is recorded before the send (clock skew between threads): still linked.
  const events = [recv('Bob', B, A, 1, 0, 8, 'HI'), send('Alice', A, B, 1, 0, 'HI')];
  events[0].atMs = 1; events[1].atMs = 2;
  const model = buildSequence(events);
  assert.equal(model.rows.find((r) => r.event.kind === 'send').delivery, 'received');
});

test('thousands of one-byte recvs and sends that span many of them: each send counts exactly its bytes read', () => {
  const text = 'GET / HTTP/1.1\r\n'.repeat(200);
  const pieces = [[0, 1000], [1000, 2000], [2000, text.length]];
  const events = [tcp('C', 'connect', A, B, 1), tcp('S', 'accept', B, A, 1)];
  for (const [from, to] of pieces) events.push(send('C', A, B, 1, from, text.slice(from, to)));
  // Bob reads one byte at a time, all but the last 5; recorded in an order that is not the stream's.
  const reads = [];
  for (let i = 0; i < text.length - 5; i++) reads.push(recv('S', B, A, 1, i, 1, text[i]));
  reads.reverse();
  reads.forEach((e, i) => { e.atMs = 10_000 + i; });
  const model = buildSequence([...events, ...reads]);
  const sends = model.rows.filter((r) => r.event.kind === 'send');
  assert.deepEqual(sends.map((r) => [r.read, r.delivery]), [[1000, 'received'], [1000, 'received'], [text.length - 2005, 'partial']]);
  assert.deepEqual(sends.map((r) => model.links.get(r.index).size), [1000, 1000, text.length - 2005]);
  const lastRecv = model.rows.find((r) => r.event.kind === 'recv' && r.event.offset === 1999);
  assert.deepEqual([...model.links.get(lastRecv.index)], [sends[1].index]);
});

test('recvs that overlap each other (a hand-written transcript) are still matched by their ranges', () => {
  const events = [send('A', A, B, 1, 0, 'HELLO'), send('A', A, B, 1, 5, 'WORLD'),
    recv('B', B, A, 1, 0, 8, 'HELLO WO'.slice(0, 7)), recv('B', B, A, 1, 3, 8, 'LOWORLD')];
  const model = buildSequence(events);
  assert.deepEqual(model.rows.filter((r) => r.event.kind === 'send').map((r) => r.read), [7, 7], 'each counts both recvs that overlap it');
});
