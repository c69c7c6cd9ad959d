// Turns a transcript's events into a sequence-diagram model: lanes (one per actor in
// order of first appearance, plus lanes for peers outside the lab), rows in time
// order, and for every send the recv(s) that read its bytes. Pure: no DOM.
//
// Matching follows the addresses: the receiver's event has local == sender's remote
// and remote == sender's local. TCP is a byte stream, so a send and a recv match when
// their byte ranges in that direction of the connection overlap (one send may be read
// by several recvs and one recv may read several sends). UDP keeps message
// boundaries, so each datagram matches at most one later recv of the same bytes.

import { eventBytes } from './bytes.js';

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '*', '']);

/** "localhost/127.0.0.1:80", "/127.0.0.1:80", "[::1]:80" → {host, port}; null when absent. */
export function parseAddress(address) {
  if (typeof address !== 'string' || address === '') return null;
  let text = address.slice(address.lastIndexOf('/') + 1).toLowerCase();
  const colon = text.lastIndexOf(':');
  if (colon === -1) return { host: text, port: '' };
  let host = text.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost') host = '127.0.0.1';
  return { host, port: text.slice(colon + 1) };
}

function addressKey(address) {
  const a = parseAddress(address);
  return a ? `${a.host}:${a.port}` : '?';
}

/** True when two addresses name the same endpoint (a wildcard host matches any host). */
export function sameEndpoint(x, y) {
  const a = parseAddress(x);
  const b = parseAddress(y);
  if (!a || !b || a.port !== b.port) return false;
  return a.host === b.host || WILDCARD_HOSTS.has(a.host) || WILDCARD_HOSTS.has(b.host);
}

const isTcp = (e) => (e.protocol ?? 'tcp') !== 'udp';
const SOCKET_KINDS = new Set(['listen', 'connect', 'accept', 'send', 'recv', 'close', 'error']);

/**
 * Builds the model. Returns {lanes, rows, links} where
 *  lanes: [{id, name, external}]       (external: a peer address, not an actor)
 *  rows:  [{index, event, lane, target?, delivery?, bytes?}] in time order; for a send,
 *         `target` is the lane its bytes went to and `delivery` one of
 *         'received' | 'external' (peer outside the lab) | 'unread' (TCP, never read)
 *         | 'lost' (UDP, no recv); a connect gets `target` when the listener is an
 *         actor; an unmatched recv from a peer outside the lab gets
 *         `source` (the lane the bytes came from).
 *  links: Map(rowIndex → Set(rowIndex)) both ways between matching sends and recvs.
 */
export function buildSequence(events) {
  const rows = (Array.isArray(events) ? events : [])
    .map((event, order) => ({ event, order }))
    .sort((a, b) => (num(a.event.atMs) - num(b.event.atMs)) || (a.order - b.order))
    .map(({ event }, index) => ({ index, event }));

  const lanes = [];
  const laneOf = new Map();
  const lane = (name, external) => {
    const key = (external ? 'peer:' : 'actor:') + name;
    if (!laneOf.has(key)) { laneOf.set(key, lanes.length); lanes.push({ id: lanes.length, name, external }); }
    return laneOf.get(key);
  };
  // Notes from an actor that never does anything else do not deserve a lane.
  const actorsWithLanes = new Set(rows.filter((r) => r.event.kind !== 'note').map((r) => r.event.actor));
  for (const row of rows) {
    const actor = row.event.actor ?? '?';
    if (actorsWithLanes.has(actor)) row.lane = lane(actor, false);
    if (row.event.kind === 'send' || row.event.kind === 'recv') row.bytes = eventBytes(row.event);
  }

  const links = new Map();
  const link = (a, b) => {
    for (const [x, y] of [[a, b], [b, a]]) { if (!links.has(x)) links.set(x, new Set()); links.get(x).add(y); }
  };
  matchTcp(rows.filter((r) => isTcp(r.event)), link);
  matchUdp(rows.filter((r) => !isTcp(r.event)), link);

  // Which actor owns an address: the one with an event whose local is that address.
  const owner = (address) => rows.find((r) => r.lane !== undefined && SOCKET_KINDS.has(r.event.kind) && sameEndpoint(r.event.local, address));

  for (const row of rows) {
    const e = row.event;
    if (e.kind === 'send') {
      const readers = [...(links.get(row.index) ?? [])].map((i) => rows[i]);
      if (readers.length > 0) {
        row.target = readers[0].lane;
        row.delivery = 'received';
      } else {
        const known = owner(e.remote);
        row.target = known ? known.lane : lane(addressKey(e.remote), true);
        row.delivery = isTcp(e) ? (known ? 'unread' : 'external') : 'lost';
      }
    } else if (e.kind === 'connect') {
      const known = owner(e.remote);
      if (known && known.lane !== row.lane) row.target = known.lane;
    } else if (e.kind === 'recv' && !links.has(row.index) && num(e.size) > 0 && e.remote && !owner(e.remote)) {
      row.source = lane(addressKey(e.remote), true);
    }
  }
  return { lanes, rows, links };
}

function num(x) {
  return typeof x === 'number' && Number.isFinite(x) ? x : 0;
}

// Byte offsets per direction of each connection. A connection is named by its two
// endpoints; when the same pair is connected again after carrying data (port reuse)
// it starts a new generation, so offsets restart at 0.
function matchTcp(rows, link) {
  const generation = new Map(); // unordered pair → {gen, used}
  const pairKey = (a, b) => [addressKey(a), addressKey(b)].sort().join('|');
  const state = (a, b) => {
    const key = pairKey(a, b);
    if (!generation.has(key)) generation.set(key, { gen: 0, used: false });
    return generation.get(key);
  };
  const sent = new Map(); // "gen from>to" → {offset, ranges: [{row, start, end}]}
  const read = new Map();
  const stream = (map, key) => { if (!map.has(key)) map.set(key, { offset: 0, ranges: [] }); return map.get(key); };

  for (const row of rows) {
    const e = row.event;
    if (!e.local || !e.remote) continue;
    const st = state(e.local, e.remote);
    if (e.kind === 'connect' || e.kind === 'accept') {
      if (st.used) { st.gen++; st.used = false; }
      continue;
    }
    if (e.kind !== 'send' && e.kind !== 'recv' && e.kind !== 'close') continue;
    st.used = true;
    if (e.kind === 'close') continue;
    const size = row.bytes.length;
    // Key every direction from the sender's point of view: "sender>receiver".
    const key = e.kind === 'send' ? `${st.gen} ${addressKey(e.local)}>${addressKey(e.remote)}` : `${st.gen} ${addressKey(e.remote)}>${addressKey(e.local)}`;
    const s = stream(e.kind === 'send' ? sent : read, key);
    if (size > 0) s.ranges.push({ row, start: s.offset, end: s.offset + size });
    s.offset += size;
  }
  for (const [key, out] of sent) {
    const inbound = read.get(key);
    if (!inbound) continue;
    for (const a of out.ranges) {
      for (const b of inbound.ranges) if (a.start < b.end && b.start < a.end) link(a.row.index, b.row.index);
    }
  }
}

// Each datagram goes to the first later, unmatched recv at the destination whose
// bytes are the datagram's (or its start: a too-small buffer truncates a datagram).
function matchUdp(rows, link) {
  const taken = new Set();
  for (const send of rows.filter((r) => r.event.kind === 'send')) {
    const recv = rows.find((r) => r.event.kind === 'recv' && !taken.has(r.index) && r.index > send.index
      && sameEndpoint(r.event.local, send.event.remote) && sameEndpoint(r.event.remote, send.event.local)
      && isPrefix(r.bytes, send.bytes));
    if (recv) { taken.add(recv.index); link(send.index, recv.index); }
  }
}

function isPrefix(part, whole) {
  if (part.length > whole.length) return false;
  for (let i = 0; i < part.length; i++) if (part[i] !== whole[i]) return false;
  return true;
}
