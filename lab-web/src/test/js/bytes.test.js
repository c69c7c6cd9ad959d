import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base64ToBytes, eventBytes, decodeUtf8, escapeControls, preview, segments, hexDumpRows, formatSize } from '../../main/resources/socketlab-web/bytes.js';

test('base64 decodes to the exact bytes, and bad base64 is null', () => {
  assert.deepEqual([...base64ToBytes('AP8K')], [0, 255, 10]);
  assert.equal(base64ToBytes('not base64!'), null);
  assert.equal(base64ToBytes(undefined), null);
});

test('an event\'s bytes come from base64 before text', () => {
  assert.deepEqual([...eventBytes({ base64: 'SEk=', text: 'no' })], [72, 73]);
  assert.deepEqual([...eventBytes({ text: 'hi' })], [104, 105]);
  assert.equal(eventBytes({}).length, 0);
});

test('bytes that are not UTF-8 are decoded with replacement and said to be invalid', () => {
  assert.deepEqual(decodeUtf8(new Uint8Array([104, 105])), { text: 'hi', valid: true });
  assert.equal(decodeUtf8(new Uint8Array([0xff])).valid, false);
});

test('a preview escapes control characters and is cut with an ellipsis', () => {
  assert.equal(escapeControls('a\r\nb\t\u0001'), 'a\\r\\nb\\t\\x01');
  assert.equal(preview(new TextEncoder().encode('GET / HTTP/1.1\r\n'), 8), 'GET / H…');
  assert.equal(preview(new Uint8Array([0xff, 0x41]), 20), '\\xffA');
});

test('segments join back to the exact input', () => {
  const text = 'a  b\r\n\tc';
  const parts = segments(text);
  assert.equal(parts.map((p) => p.value).join(''), text);
  assert.deepEqual(parts.map((p) => p.kind), ['text', 'space', 'text', 'control', 'control', 'control', 'text']);
});

test('a hex dump row has the offset, two groups of eight and the ASCII column', () => {
  const rows = hexDumpRows(new TextEncoder().encode('HELLO WORLD!\r\n\u0000xyz'));
  assert.equal(rows.length, 2);
  assert.equal(rows[0], '00000000  48 45 4c 4c 4f 20 57 4f  52 4c 44 21 0d 0a 00 78  |HELLO WORLD!...x|');
  assert.equal(rows[1].slice(0, 8), '00000010');
});

test('a hex dump of a piece of a stream counts offsets from its base', () => {
  assert.equal(hexDumpRows(new Uint8Array([1]), 0x1000)[0].slice(0, 8), '00001000');
});

test('sizes are said in bytes, then KiB with the exact count', () => {
  assert.equal(formatSize(1), '1 byte');
  assert.equal(formatSize(11), '11 bytes');
  assert.equal(formatSize(5000), '4.9 KiB (5000 bytes)');
});
