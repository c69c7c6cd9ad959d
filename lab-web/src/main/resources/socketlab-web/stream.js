// "Follow stream" for one TCP connection: the bytes of each direction put back in
// stream order by their `offset`, the pieces in the order they were sent, and where
// each recv cut the stream (which no packet capture can show: where the program's
// reads fell). Pure: works on a sequence model (sequence.js), no DOM.

/** The TCP connections of a model that carried bytes, as [{conn, label}] in order of first use. */
export function streamsOf(model) {
  const seen = new Map();
  for (const row of model.rows) {
    const e = row.event;
    if (typeof e.conn !== 'number' || (e.protocol ?? 'tcp') === 'udp' || seen.has(e.conn)) continue;
    if (e.kind === 'send' || e.kind === 'recv') seen.set(e.conn, { conn: e.conn, label: `connection ${e.conn}` });
  }
  return [...seen.values()];
}

/**
 * The stream of connection `conn`:
 *  {conn, directions: [{from, to, bytes, cuts}], pieces: [{dir, start, end, atMs, rowIndex}]}
 * A direction is one end's sends (from → to, by lane name); `bytes` is everything sent in it,
 * placed by offset (from the receiver's recvs when the sender is outside the lab and only
 * its reads are recorded); `cuts` are the receiver's reads [{start, end, requested, rowIndex}].
 * `pieces` are the sends (or those reads) of both directions in time order, as byte ranges.
 */
export function followStream(model, conn) {
  const rows = model.rows.filter((r) => r.event.conn === conn && (r.event.protocol ?? 'tcp') !== 'udp');
  const ends = model.conns?.get(conn)?.ends ?? new Map();
  const laneName = (lane) => model.lanes[lane]?.name ?? '?';
  const outsideName = model.conns?.get(conn)?.outside !== undefined ? laneName(model.conns.get(conn).outside) : 'outside the lab';
  const byLocal = new Map();
  for (const [local, lane] of ends) byLocal.set(local, laneName(lane));
  const locals = [...ends.keys()];
  const other = (local) => locals.find((l) => l !== local);

  // A direction is named by its sending end's local address; OUTSIDE stands for the far end.
  const OUTSIDE = '\u0000outside';
  const dirs = new Map();
  const dir = (sender) => {
    if (!dirs.has(sender)) {
      const receiver = sender === OUTSIDE ? locals[0] : other(sender) ?? OUTSIDE;
      dirs.set(sender, { sender, from: sender === OUTSIDE ? outsideName : byLocal.get(sender) ?? '?',
        to: receiver === OUTSIDE ? outsideName : byLocal.get(receiver) ?? '?', sends: [], reads: [] });
    }
    return dirs.get(sender);
  };
  for (const row of rows) {
    const e = row.event;
    if (typeof e.offset !== 'number') continue;
    if (e.kind === 'send') dir(e.local).sends.push(row);
    else if (e.kind === 'recv') dir(other(e.local) ?? OUTSIDE).reads.push(row);
  }

  const directions = [];
  const pieces = [];
  for (const d of dirs.values()) {
    const source = d.sends.length > 0 ? d.sends : d.reads;
    const size = source.reduce((max, r) => Math.max(max, r.event.offset + r.bytes.length), 0);
    const bytes = new Uint8Array(size);
    for (const r of source) bytes.set(r.bytes, r.event.offset);
    const index = directions.length;
    directions.push({
      from: d.from, to: d.to, bytes,
      cuts: d.reads.map((r) => ({ start: r.event.offset, end: r.event.offset + r.bytes.length, requested: r.event.requested, rowIndex: r.index })),
    });
    for (const r of source) {
      if (r.bytes.length > 0) pieces.push({ dir: index, start: r.event.offset, end: r.event.offset + r.bytes.length, atMs: r.event.atMs ?? 0, rowIndex: r.index });
    }
  }
  pieces.sort((a, b) => (a.atMs - b.atMs) || (a.rowIndex - b.rowIndex));
  return { conn, directions, pieces };
}

/**
 * Splits a piece [start, end) at the recv boundaries inside it: [{start, end, cutAfter}] where
 * cutAfter is the read that ends exactly there (a boundary to mark), or null.
 */
export function splitAtCuts(start, end, cuts) {
  const points = cuts.map((c) => c.end).filter((p) => p > start && p < end).sort((a, b) => a - b);
  const out = [];
  let from = start;
  for (const p of [...new Set(points), end]) {
    out.push({ start: from, end: p, cutAfter: cuts.find((c) => c.end === p) ?? null });
    from = p;
  }
  return out;
}
