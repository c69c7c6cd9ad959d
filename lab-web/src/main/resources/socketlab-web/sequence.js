// Turns a transcript's events into a sequence-diagram model: lanes (one per actor in
// order of first appearance, plus lanes for peers outside the lab), rows in time
// order, and for every send the recv(s) that read its bytes. Pure: no DOM.
//
// Everything comes from the facts the sockets recorded (transcript version 2):
//  - TCP: `conn` names the connection (the same id at both ends), and each end is
//    told apart by its own `local` address within it. `offset` places every send and
//    recv in its direction of the stream, so a recv read exactly the bytes of the
//    sends on the same conn whose [offset, offset + size) ranges overlap its own.
//  - UDP: `conn` names the socket and `peerConn` the lab socket at the other end; a
//    datagram goes to the first later recv at that socket from this one with its bytes
//    (or their start: a too-small buffer truncates a datagram).
// No connection is guessed from addresses, port reuse or timing. A version 1 transcript
// (no `conn`) is drawn without links: its sends point at a lane for their remote address.

import { eventBytes } from './bytes.js';

const isTcp = (e) => (e.protocol ?? 'tcp') !== 'udp';
const hasConn = (e) => typeof e.conn === 'number';

// The note the recorder adds when a run recorded too much to keep every event (Recorder.add).
const TRANSCRIPT_FULL = /^The transcript is full/;

/**
 * Builds the model from `events`; `complete` is false while a run is still going, when a
 * recv may still come for bytes sent. Returns {lanes, rows, links, conns} where
 *  lanes: [{id, name, external}]       (external: a peer outside the lab, not an actor)
 *  rows:  [{index, event, lane, target?, delivery?, read?, source?, bytes?}] in time
 *         order; for a send, `target` is the lane at the other end and `delivery` one of
 *         'received' (every byte read) | 'partial' (`read` of its bytes read, the rest
 *         never) | 'unread' (TCP, never read) | 'pending' (not all read yet, `read`
 *         so far: the run goes on, or the transcript was cut short) | 'external' (the
 *         other end is outside the lab) | 'lost' (UDP, no recv); a connect gets `target` (the accepting lane),
 *         an accept from outside the lab and a recv from outside get `source`.
 *  links: Map(rowIndex → Set(rowIndex)) both ways between matching sends and recvs.
 *  conns: Map(conn → {ends: Map(local → lane), outside?: lane}) for TCP connections.
 */
export function buildSequence(events, { complete = true } = {}) {
  const rows = inTimeOrder(Array.isArray(events) ? events : []).map((event, index) => ({ index, event }));

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
  const outsideLane = (e) => lane(e.peer ?? e.remote ?? '?', true);

  const links = new Map();
  const oneWay = (x, y) => {
    const set = links.get(x);
    if (set) set.add(y); else links.set(x, new Set([y]));
  };
  const link = (a, b) => { oneWay(a, b); oneWay(b, a); };
  const tcpRows = rows.filter((r) => isTcp(r.event) && hasConn(r.event));
  const conns = tcpConnections(tcpRows, outsideLane);
  matchTcp(tcpRows, conns, link);
  const udpRows = rows.filter((r) => !isTcp(r.event) && hasConn(r.event));
  matchUdp(udpRows, link);
  const udpLanes = new Map(udpRows.filter((r) => r.lane !== undefined).map((r) => [r.event.conn, r.lane]));

  // Bytes are "never read" only when every read the receiver made is in the transcript.
  const final = complete && !rows.some((r) => r.event.kind === 'note' && TRANSCRIPT_FULL.test(r.event.text ?? ''));
  for (const row of rows) {
    const e = row.event;
    if (!hasConn(e)) {
      if (e.kind === 'send') { row.target = outsideLane(e); row.delivery = 'external'; }
      continue;
    }
    if (isTcp(e)) placeTcp(row, conns.get(e.conn), final);
    else placeUdp(row, links, rows, (conn) => udpLanes.get(conn) ?? outsideLane(e));
  }
  return { lanes, rows, links, conns };
}

function num(x) {
  return typeof x === 'number' && Number.isFinite(x) ? x : 0;
}

// Events by atMs, stably. A recorded transcript is in that order already: one pass sees it, and
// the sort (tens of thousands of comparisons for a long run) is left for one that is not.
function inTimeOrder(events) {
  let sorted = true;
  for (let i = 1; i < events.length && sorted; i++) sorted = num(events[i - 1].atMs) <= num(events[i].atMs);
  if (sorted) return events;
  return events.map((event, order) => ({ event, order }))
    .sort((a, b) => (num(a.event.atMs) - num(b.event.atMs)) || (a.order - b.order))
    .map(({ event }) => event);
}

// The ends of each connection: the lanes of the lab sockets on it, told apart by their
// own local address; a connection seen from one end only has its other end outside.
function tcpConnections(rows, outsideLane) {
  const conns = new Map();
  for (const row of rows) {
    const e = row.event;
    if (!conns.has(e.conn)) conns.set(e.conn, { ends: new Map() });
    const ends = conns.get(e.conn).ends;
    if (!ends.has(e.local)) ends.set(e.local, row.lane);
  }
  for (const row of rows) {
    const c = conns.get(row.event.conn);
    if (c.ends.size === 1 && c.outside === undefined) c.outside = outsideLane(row.event);
  }
  // otherEnd() runs for every row: an array of the ends is quicker to walk than the Map's keys.
  for (const c of conns.values()) Object.defineProperty(c, 'locals', { value: [...c.ends.keys()] });
  return conns;
}

// Within one direction of a connection (keyed by the sending end), a send and a recv
// are linked when their byte ranges overlap; each send counts how many of its bytes
// were read. A direction's recvs, in stream order, do not overlap each other (each byte is
// read once), so the recvs a send overlaps are found by a binary search, not by trying all
// of them: a run of thousands of recvs stays linear.
function matchTcp(rows, conns, link) {
  const streams = new Map(); // conn → Map(sender → {sends: [], recvs: []})
  for (const row of rows) {
    const e = row.event;
    if ((e.kind !== 'send' && e.kind !== 'recv') || typeof e.offset !== 'number' || row.bytes.length === 0) continue;
    const sender = e.kind === 'send' ? e.local : otherEnd(conns.get(e.conn), e.local);
    let byConn = streams.get(e.conn);
    if (!byConn) streams.set(e.conn, byConn = new Map());
    let s = byConn.get(sender);
    if (!s) byConn.set(sender, s = { sends: [], recvs: [] });
    (e.kind === 'send' ? s.sends : s.recvs).push({ row, start: e.offset, end: e.offset + row.bytes.length });
  }
  for (const byConn of streams.values()) {
    for (const { sends, recvs } of byConn.values()) {
      const ordered = inStreamOrder(recvs);
      for (const send of sends) {
        send.row.read = 0;
        const from = ordered ? firstEndingAfter(recvs, send.start) : 0;
        for (let i = from; i < recvs.length; i++) {
          const recv = recvs[i];
          if (ordered && recv.start >= send.end) break;
          const overlap = Math.min(send.end, recv.end) - Math.max(send.start, recv.start);
          if (overlap > 0) { link(send.row.index, recv.row.index); send.row.read += overlap; }
        }
      }
    }
  }
}

// Sorts a direction's recvs by offset (stably) and says whether they follow each other without
// overlapping; a hand-written transcript whose recvs overlap is matched the slow, sure way.
function inStreamOrder(recvs) {
  recvs.sort((a, b) => a.start - b.start);
  for (let i = 1; i < recvs.length; i++) if (recvs[i].start < recvs[i - 1].end) return false;
  return true;
}

// The index of the first of the ordered recvs that ends after `offset`.
function firstEndingAfter(recvs, offset) {
  let lo = 0;
  let hi = recvs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (recvs[mid].end <= offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

// The local address of the other lab end of a connection, or undefined when it is outside the lab.
function otherEnd(conn, local) {
  const locals = conn?.locals ?? [];
  for (let i = 0; i < locals.length; i++) if (locals[i] !== local) return locals[i];
  return undefined;
}

function placeTcp(row, conn, final) {
  const e = row.event;
  const other = otherEnd(conn, e.local);
  const otherLane = other !== undefined ? conn.ends.get(other) : conn?.outside;
  if (e.kind === 'send') {
    row.target = otherLane;
    if (other === undefined) row.delivery = 'external';
    else if (row.bytes.length === 0 || row.read >= row.bytes.length) row.delivery = 'received';
    else if (!final) row.delivery = 'pending';
    else row.delivery = row.read > 0 ? 'partial' : 'unread';
  } else if (e.kind === 'connect') {
    if (otherLane !== undefined && otherLane !== row.lane) row.target = otherLane;
  } else if (other === undefined && (e.kind === 'accept' || (e.kind === 'recv' && row.bytes.length > 0))) {
    row.source = otherLane;
  }
}

// otherLane(conn): the lane of the lab socket with that id, else of the peer outside the lab.
function placeUdp(row, links, rows, otherLane) {
  const e = row.event;
  if (e.kind === 'send') {
    const readers = [...(links.get(row.index) ?? [])].map((i) => rows[i]);
    row.target = readers.length > 0 ? readers[0].lane : otherLane(e.peerConn);
    // A datagram to an address where no lab socket was is lost, unless a case named the peer outside the lab there.
    if (readers.length > 0) row.delivery = 'received';
    else row.delivery = typeof e.peerConn !== 'number' && typeof e.peer === 'string' ? 'external' : 'lost';
  } else if (e.kind === 'recv' && !links.has(row.index) && row.bytes.length > 0) {
    row.source = otherLane(e.peerConn);
  }
}

// Each datagram goes to the first later, unmatched recv on the socket it was sent to
// (`peerConn`) from the socket that sent it, whose bytes are the datagram's or its start.
function matchUdp(rows, link) {
  const taken = new Set();
  for (const send of rows.filter((r) => r.event.kind === 'send' && typeof r.event.peerConn === 'number')) {
    const recv = rows.find((r) => r.event.kind === 'recv' && !taken.has(r.index) && r.index > send.index
      && r.event.conn === send.event.peerConn && r.event.peerConn === send.event.conn && isPrefix(r.bytes, send.bytes));
    if (recv) { taken.add(recv.index); link(send.index, recv.index); }
  }
}

function isPrefix(part, whole) {
  if (part.length > whole.length) return false;
  for (let i = 0; i < part.length; i++) if (part[i] !== whole[i]) return false;
  return true;
}
