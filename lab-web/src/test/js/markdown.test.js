import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdown, parseInline, safeHref } from '../../main/resources/socketlab-web/markdown.js';

test('headings, paragraphs, fenced code and lists become blocks', () => {
  const blocks = parseMarkdown('# Title\n\nSome *text*.\n\n```java\nint x;\n```\n\n- one\n- two');
  assert.deepEqual(blocks.map((b) => b.type), ['heading', 'paragraph', 'code', 'list']);
  assert.equal(blocks[2].text, 'int x;');
  assert.equal(blocks[2].lang, 'java');
});

test('HTML in the source stays text', () => {
  const [para] = parseMarkdown('<script>alert(1)</script>');
  assert.deepEqual(para.inlines, [{ type: 'text', value: '<script>alert(1)</script>' }]);
});

test('inline code, bold, italic and links are recognised; escapes are literal', () => {
  const nodes = parseInline('`recv(8)` **bold** *it* [doc](https://example.org) \\*not\\*');
  assert.deepEqual(nodes.map((n) => n.type), ['code', 'text', 'strong', 'text', 'em', 'text', 'link', 'text']);
  assert.equal(nodes.at(-1).value, ' *not*');
});

test('only http(s) links are kept, checked as the browser parses them', () => {
  const base = 'http://127.0.0.1:8080/';
  assert.equal(safeHref('https://example.org/a', base), 'https://example.org/a');
  assert.equal(safeHref('#/cases/x', base), 'http://127.0.0.1:8080/#/cases/x');
  assert.equal(safeHref('javascript:alert(1)', base), null);
  assert.equal(safeHref('java\tscript:alert(1)', base), null);
  assert.equal(safeHref('', base), null);
});
