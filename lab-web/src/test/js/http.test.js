import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHttpMessage, indexOf } from '../../main/resources/socketlab-web/http.js';

const bytes = (text) => new Uint8Array(Buffer.from(text, 'latin1'));
const text = (b) => Buffer.from(b).toString('latin1');

test('a response with Content-Length is split into status, fields and body', () => {
  const m = parseHttpMessage(bytes('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\n\r\nhelloEXTRA'));
  assert.equal(m.kind, 'response');
  assert.equal(m.startLine, 'HTTP/1.1 200 OK');
  assert.deepEqual(m.fields, [['Content-Length', '5'], ['X-A', '1']]);
  assert.equal(text(m.body), 'hello');
  assert.equal(m.rest, 5);
});

test('a body shorter than its Content-Length says so', () => {
  const m = parseHttpMessage(bytes('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'));
  assert.match(m.bodyNote, /only 3 came/);
});

test('a chunked body is joined', () => {
  const m = parseHttpMessage(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n'));
  assert.equal(text(m.body), 'abcde');
  assert.equal(m.rest, 0);
});

test('a request without a length has no body; a response without one runs to the close', () => {
  assert.equal(parseHttpMessage(bytes('GET / HTTP/1.1\r\nHost: x\r\n\r\n')).body.length, 0);
  assert.equal(text(parseHttpMessage(bytes('HTTP/1.0 200 OK\r\n\r\nall of it')).body), 'all of it');
});

test('bytes that do not start like HTTP are not parsed', () => {
  assert.equal(parseHttpMessage(bytes('HELLO WORLD')), null);
  assert.equal(parseHttpMessage(bytes('HTTP/1.1 200 OK\r\nHost: x')).bodyNote, 'The header section never ends (no empty line).');
});

test('indexOf finds a byte sequence', () => {
  assert.equal(indexOf(bytes('ab\r\n\r\n'), [13, 10, 13, 10]), 2);
  assert.equal(indexOf(bytes('ab'), [13]), -1);
});
