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
