// Reads an HTTP/1.x message from the start of a byte stream, so a followed stream can
// show a request or response parsed: start line, header fields, body. Pure; lenient
// about what it cannot parse (it says so rather than guessing).

const CRLF_CRLF = [13, 10, 13, 10];

/**
 * Parses `bytes` as one HTTP/1.x message (RFC 9112 §2.1: start-line, fields, CRLF, body).
 * Returns null when they do not start like one, else
 *  {startLine, kind: 'request'|'response', fields: [[name, value]], body: Uint8Array,
 *   bodyNote: string|null, rest: number (bytes after this message)}.
 */
export function parseHttpMessage(bytes) {
  const head = indexOf(bytes, CRLF_CRLF);
  const firstLine = latin1(bytes.subarray(0, Math.min(bytes.length, 200))).split('\r\n')[0];
  const response = /^HTTP\/\d\.\d \d{3}/.test(firstLine);
  const request = /^[A-Z]+ \S+ HTTP\/\d\.\d$/.test(firstLine);
  if (!response && !request) return null;
  if (head === -1) return { startLine: firstLine, kind: response ? 'response' : 'request', fields: [], body: new Uint8Array(0), bodyNote: 'The header section never ends (no empty line).', rest: 0 };
  const lines = latin1(bytes.subarray(0, head)).split('\r\n');
  // RFC 9112 §5.2: obsolete line folding is not handled; such a line shows as its own field.
  const fields = lines.slice(1).map((line) => {
    const colon = line.indexOf(':');
    return colon === -1 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  const after = bytes.subarray(head + 4);
  const field = (name) => fields.find(([n]) => n.toLowerCase() === name)?.[1];
  const length = field('content-length');
  const chunked = /chunked/i.test(field('transfer-encoding') ?? '');
  let body = after;
  let bodyNote = null;
  if (chunked) {
    const decoded = dechunk(after);
    body = decoded.body;
    bodyNote = decoded.complete ? 'Body sent in chunks (RFC 9112 §7.1), shown joined.' : 'Body sent in chunks; the last chunk never came.';
    return { startLine: lines[0], kind: response ? 'response' : 'request', fields, body, bodyNote, rest: after.length - decoded.used };
  }
  if (length !== undefined && /^\d+$/.test(length)) {
    const n = Number(length);
    body = after.subarray(0, n);
    if (after.length < n) bodyNote = `Content-Length says ${n} bytes; only ${after.length} came.`;
    return { startLine: lines[0], kind: response ? 'response' : 'request', fields, body, bodyNote, rest: Math.max(0, after.length - n) };
  }
  // RFC 9112 §6.3: a response without a length runs to the close; a request without one has no body.
  if (request) return { startLine: lines[0], kind: 'request', fields, body: new Uint8Array(0), bodyNote: null, rest: after.length };
  return { startLine: lines[0], kind: 'response', fields, body, bodyNote: 'No Content-Length: the body runs until the server closes.', rest: 0 };
}

function dechunk(bytes) {
  const parts = [];
  let at = 0;
  for (;;) {
    const lineEnd = indexOf(bytes.subarray(at), [13, 10]);
    if (lineEnd === -1) break;
    const size = parseInt(latin1(bytes.subarray(at, at + lineEnd)).split(';')[0], 16);
    if (!Number.isFinite(size)) break;
    at += lineEnd + 2;
    if (size === 0) {
      const end = indexOf(bytes.subarray(at), [13, 10]);
      at += end === -1 ? 0 : end + 2;
      return { body: concat(parts), complete: true, used: at };
    }
    parts.push(bytes.subarray(at, at + size));
    at += size + 2;
  }
  return { body: concat(parts), complete: false, used: bytes.length };
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function latin1(bytes) {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/** The first index of `needle` in `bytes`, or -1. */
export function indexOf(bytes, needle) {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
