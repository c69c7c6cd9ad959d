// Bytes as the transcript carries them (base64, exact) and the three ways the page
// shows them: a one-line escaped preview for diagram labels, text split into
// segments so invisible characters can be drawn visibly, and a hex + ASCII dump.
// Pure functions, no DOM: they are easy to reason about and to test.

/** Decodes base64 to bytes; returns null when the string is not valid base64. */
export function base64ToBytes(base64) {
  if (typeof base64 !== 'string') return null;
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/**
 * The exact bytes of a send/recv event. `base64` is authoritative (the spec says it
 * is always the exact bytes); `text` is only a fallback for hand-written transcripts.
 */
export function eventBytes(event) {
  const fromBase64 = base64ToBytes(event.base64);
  if (fromBase64) return fromBase64;
  if (typeof event.text === 'string') return new TextEncoder().encode(event.text);
  return new Uint8Array(0);
}

// One decoder of each kind for every call: decode() without {stream: true} keeps no state, and a
// diagram labels every row it draws.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const LOOSE_UTF8 = new TextDecoder('utf-8');

/** Decodes UTF-8; `valid` is false when the bytes are not UTF-8 (U+FFFD then marks the bad spots). */
export function decodeUtf8(bytes) {
  try {
    return { text: STRICT_UTF8.decode(bytes), valid: true };
  } catch {
    return { text: LOOSE_UTF8.decode(bytes), valid: false };
  }
}

const ESCAPES = { '\r': '\\r', '\n': '\\n', '\t': '\\t', '\0': '\\0' };

/** One line of text with control characters written as escapes: "GET / HTTP/1.1\r\nHost…". */
export function escapeControls(text) {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => ESCAPES[c] ?? '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

/**
 * A short label for bytes: escaped text, cut to `maxChars` with an ellipsis.
 * Bytes that are not UTF-8 are shown byte by byte (printable ASCII as is, the rest \xNN).
 */
export function preview(bytes, maxChars) {
  const { text, valid } = decodeUtf8(bytes);
  const shown = valid ? escapeControls(text) : latin1Escaped(bytes);
  const chars = Array.from(shown);
  return chars.length <= maxChars ? shown : chars.slice(0, Math.max(1, maxChars - 1)).join('') + '…';
}

function latin1Escaped(bytes) {
  let out = '';
  for (const b of bytes) out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '\\x' + b.toString(16).padStart(2, '0');
  return out;
}

// Control Pictures (U+2400 block) make CR, LF, TAB… visible without changing what the
// text means; a space gets no symbol (it is styled instead, see visible.js).
const SYMBOLS = { '\r': '␍', '\n': '␊', '\t': '⇥', '\u007f': '␡' };

/**
 * Splits text into runs: {kind: 'text', value}, {kind: 'space', value: ' '…} and
 * {kind: 'control', value: '\r', symbol: '␍', name: 'CR'}. Joining every `value`
 * gives back the exact input, so copy-paste and Selenium see the real string.
 */
export function segments(text) {
  const out = [];
  const re = /( +)|([\u0000-\u001f\u007f])/g;
  let last = 0;
  for (let m; (m = re.exec(text)) !== null;) {
    if (m.index > last) out.push({ kind: 'text', value: text.slice(last, m.index) });
    if (m[1]) out.push({ kind: 'space', value: m[1] });
    else {
      const c = m[2];
      const code = c.charCodeAt(0);
      out.push({ kind: 'control', value: c, symbol: SYMBOLS[c] ?? String.fromCharCode(0x2400 + code), name: controlName(code) });
    }
    last = re.lastIndex;
  }
  if (last < text.length) out.push({ kind: 'text', value: text.slice(last) });
  return out;
}

function controlName(code) {
  return { 9: 'TAB (\\t)', 10: 'LF (\\n)', 13: 'CR (\\r)', 0: 'NUL (\\0)', 127: 'DEL' }[code] ?? 'control 0x' + code.toString(16).padStart(2, '0');
}

/**
 * The classic `hexdump -C` layout: offset, 16 bytes in two groups of 8, ASCII column
 * (non-printable bytes as "."). Returns one string per row; `base` is the offset of
 * the first byte (a piece of a longer stream).
 */
export function hexDumpRows(bytes, base = 0) {
  const rows = [];
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const chunk = bytes.subarray(offset, offset + 16);
    let hex = '';
    let ascii = '';
    for (let i = 0; i < 16; i++) {
      if (i === 8) hex += ' ';
      hex += i < chunk.length ? chunk[i].toString(16).padStart(2, '0') + ' ' : '   ';
      if (i < chunk.length) ascii += chunk[i] >= 0x20 && chunk[i] < 0x7f ? String.fromCharCode(chunk[i]) : '.';
    }
    rows.push(`${(base + offset).toString(16).padStart(8, '0')}  ${hex} |${ascii}|`);
  }
  return rows;
}

/** "1 byte", "11 bytes", "4.9 KiB (5000 bytes)". */
export function formatSize(n) {
  if (n === 1) return '1 byte';
  if (n < 1024) return `${n} bytes`;
  return `${(n / 1024).toFixed(1)} KiB (${n} bytes)`;
}
