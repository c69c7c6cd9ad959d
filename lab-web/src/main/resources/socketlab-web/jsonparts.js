// A transcript's JSON file, as JSON.stringify(value, null, 2) + "\n" writes it, made in pieces:
// the list of events (thousands in a long run) a slice at a time, so the text of the download
// can be built in idle moments instead of in one long task. A Blob takes the pieces as they are.
// Pure: no DOM.

/**
 * The pieces whose concatenation is exactly JSON.stringify(value, null, 2) + "\n", the array
 * `value[key]` given `size` elements a piece. next() returns the next piece, or null at the end.
 */
export function prettyJsonParts(value, { key = 'events', size = 250 } = {}) {
  const list = value && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
  if (!Array.isArray(list) || list.length === 0 || typeof value.toJSON === 'function') {
    let done = false;
    return { next: () => (done ? null : (done = true, JSON.stringify(value, null, 2) + '\n')) };
  }
  // The object with the list replaced by a string no transcript holds; JSON escapes any
  // newline inside a string, so "\n  KEY: MARK" can only be the list's own place at depth 1.
  const mark = '\u0000parts\u0000';
  const whole = JSON.stringify({ ...value, [key]: mark }, null, 2);
  const at = `\n  ${JSON.stringify(key)}: `;
  const place = whole.indexOf(at + JSON.stringify(mark));
  const head = whole.slice(0, place + at.length) + '[\n';
  const tail = '\n  ]' + whole.slice(place + at.length + JSON.stringify(mark).length) + '\n';
  let next = -1; // -1: the head; then the index of the next element; list.length: the tail
  return {
    next() {
      if (next === -1) { next = 0; return head; }
      if (next > list.length) return null;
      if (next === list.length) { next++; return tail; }
      const end = Math.min(list.length, next + size);
      let out = '';
      for (let i = next; i < end; i++) {
        // An element at depth 2: each of its lines four spaces in.
        const text = JSON.stringify(list[i], null, 2) ?? 'null';
        out += (i > 0 ? ',\n    ' : '    ') + text.replace(/\n/g, '\n    ');
      }
      next = end;
      return out;
    },
  };
}
