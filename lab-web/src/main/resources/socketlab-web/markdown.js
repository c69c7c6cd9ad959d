// A small, safe Markdown renderer for case descriptions. Descriptions may come from
// plugin jars written by anyone, so the rule is: parse into a tiny tree of the few
// constructs we support, then build DOM nodes from it with textContent. No HTML in
// the source is ever interpreted; `<script>` is just text. Links keep only http(s)
// and same-page/relative targets (checked with the browser's own URL parser, so
// tricks like "java\tscript:" are seen exactly as the browser would see them).
//
// Supported: # ## ### headings, paragraphs, `code`, ``` fenced blocks ```, **bold**,
// *italic*, - / * / 1. lists (nesting by indentation), [text](url), \-escapes.

import { h } from './dom.js';

const MAX_DEPTH = 6;
const FENCE = /^ {0,3}(`{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^ {0,3}([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const BLANK = /^\s*$/;

/** Parses Markdown into blocks: heading, paragraph, code, list. */
export function parseMarkdown(source, depth = 0) {
  const lines = String(source ?? '').replace(/\r\n?/g, '\n').split('\n');
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (BLANK.test(line)) { i++; continue; }
    let m;
    if ((m = FENCE.exec(line))) {
      const close = new RegExp('^ {0,3}`{' + m[1].length + ',}\\s*$');
      const body = [];
      for (i++; i < lines.length && !close.test(lines[i]); i++) body.push(lines[i]);
      i++; // the closing fence (or past the end when it is missing)
      blocks.push({ type: 'code', lang: m[2], text: body.join('\n') });
    } else if ((m = HEADING.exec(line))) {
      blocks.push({ type: 'heading', level: Math.min(m[1].length, 3), inlines: parseInline(m[2] ?? '') });
      i++;
    } else if (depth < MAX_DEPTH && LIST_ITEM.test(line)) {
      i = parseList(lines, i, depth, blocks);
    } else {
      const para = [];
      while (i < lines.length && !BLANK.test(lines[i]) && !startsBlock(lines[i])) para.push(lines[i++].trim());
      if (para.length === 0) para.push(lines[i++].trim()); // a list line past MAX_DEPTH
      blocks.push({ type: 'paragraph', inlines: parseInline(para.join(' ')) });
    }
  }
  return blocks;
}

function startsBlock(line) {
  return FENCE.test(line) || HEADING.test(line) || LIST_ITEM.test(line);
}

function listKind(marker) {
  return /\d/.test(marker) ? 'ordered' + marker.slice(-1) : 'bullet' + marker;
}

// Items are collected with their continuation lines (indented, or lazy paragraph
// lines) and parsed again as blocks, which gives nested lists and code in items.
function parseList(lines, i, depth, blocks) {
  const first = LIST_ITEM.exec(lines[i]);
  const kind = listKind(first[1]);
  const list = { type: 'list', ordered: kind.startsWith('ordered'), start: parseInt(first[1], 10) || 1, items: [] };
  while (i < lines.length) {
    const m = LIST_ITEM.exec(lines[i]);
    if (!m || listKind(m[1]) !== kind) break;
    const body = [m[2]];
    i++;
    while (i < lines.length) {
      const line = lines[i];
      if (BLANK.test(line)) {
        const next = lines.slice(i + 1).find((l) => !BLANK.test(l));
        if (next !== undefined && /^(\s{2,}|\t)/.test(next)) { body.push(''); i++; continue; }
        break;
      }
      if (/^(\s{2,}|\t)/.test(line)) body.push(line.replace(/^(\t| {1,4})/, ''));
      else if (!startsBlock(line)) body.push(line);
      else break;
      i++;
    }
    list.items.push(parseMarkdown(body.join('\n'), depth + 1));
    // A blank line between items of the same list does not end the list.
    if (i < lines.length && BLANK.test(lines[i])) {
      let j = i;
      while (j < lines.length && BLANK.test(lines[j])) j++;
      const again = j < lines.length && LIST_ITEM.exec(lines[j]);
      if (again && listKind(again[1]) === kind) i = j;
    }
  }
  blocks.push(list);
  return i;
}

/** Parses inline Markdown into nodes: text, code, strong, em, link. */
export function parseInline(src) {
  const out = [];
  let text = '';
  const flush = () => { if (text) { out.push({ type: 'text', value: text }); text = ''; } };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\' && /[\\`*_[\]()#+\-.!<>]/.test(src[i + 1] ?? '')) { text += src[i + 1]; i += 2; continue; }
    if (c === '`') {
      let n = 1;
      while (src[i + n] === '`') n++;
      const end = src.indexOf('`'.repeat(n), i + n);
      if (end !== -1) {
        flush();
        let code = src.slice(i + n, end);
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ')) code = code.slice(1, -1);
        out.push({ type: 'code', value: code });
        i = end + n;
      } else { text += '`'.repeat(n); i += n; }
      continue;
    }
    if (c === '[') {
      const link = matchLink(src, i);
      if (link) { flush(); out.push({ type: 'link', href: link.href, children: parseInline(link.text) }); i = link.end; continue; }
    }
    if (c === '*' && src[i + 1] === '*' && src[i + 2] && src[i + 2] !== ' ') {
      const end = closing(src, '**', i + 2);
      if (end !== -1) { flush(); out.push({ type: 'strong', children: parseInline(src.slice(i + 2, end)) }); i = end + 2; continue; }
    }
    if (c === '*' && src[i + 1] && src[i + 1] !== ' ' && src[i + 1] !== '*') {
      const end = closing(src, '*', i + 1);
      if (end !== -1) { flush(); out.push({ type: 'em', children: parseInline(src.slice(i + 1, end)) }); i = end + 1; continue; }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

// The closing delimiter: not preceded by a space, and for a single "*" not part of "**".
function closing(src, delim, from) {
  for (let j = src.indexOf(delim, from); j !== -1; j = src.indexOf(delim, j + 1)) {
    if (src[j - 1] === ' ' || src[j - 1] === '\\') continue;
    if (delim === '*' && (src[j + 1] === '*' || src[j - 1] === '*')) { j++; continue; }
    return j;
  }
  return -1;
}

// [text](href "optional title"): brackets and parentheses may nest.
function matchLink(src, start) {
  let depth = 0;
  let j = start;
  for (; j < src.length; j++) {
    if (src[j] === '\\') { j++; continue; }
    if (src[j] === '[') depth++;
    else if (src[j] === ']' && --depth === 0) break;
  }
  if (j >= src.length || src[j + 1] !== '(') return null;
  const textEnd = j;
  depth = 0;
  for (j = textEnd + 1; j < src.length; j++) {
    if (src[j] === '(') depth++;
    else if (src[j] === ')' && --depth === 0) break;
  }
  if (j >= src.length) return null;
  const target = src.slice(textEnd + 2, j).trim().split(/\s+/)[0] ?? '';
  return { text: src.slice(start + 1, textEnd), href: target.replace(/^<(.*)>$/, '$1'), end: j + 1 };
}

/**
 * Returns the absolute URL for a link target when it is http(s) (absolute, relative or
 * "#…" on this page), else null. Uses the URL parser so what is checked is exactly what
 * the browser would follow.
 */
export function safeHref(raw, base) {
  const href = String(raw ?? '').trim();
  if (!href) return null;
  let url;
  try { url = new URL(href, base); } catch { return null; }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/**
 * Renders Markdown into a DocumentFragment. `headingLevel` is the HTML level used for
 * "#" so a description fits under the page's own headings.
 */
export function renderMarkdown(source, { headingLevel = 3 } = {}) {
  const fragment = document.createDocumentFragment();
  fragment.append(...parseMarkdown(source).map((b) => renderBlock(b, headingLevel)));
  return fragment;
}

function renderBlock(block, headingLevel) {
  switch (block.type) {
    case 'heading': return h('h' + Math.min(6, headingLevel + block.level - 1), {}, renderInlines(block.inlines));
    case 'code': return h('pre', { class: 'md-code', tabindex: '0' }, h('code', { text: block.text }));
    case 'list': return h(block.ordered ? 'ol' : 'ul', { start: block.ordered && block.start !== 1 ? block.start : null },
      block.items.map((item) => h('li', {}, renderItem(item, headingLevel))));
    default: return h('p', {}, renderInlines(block.inlines));
  }
}

// A tight item (one paragraph) is rendered without a <p> so lists stay compact.
function renderItem(blocks, headingLevel) {
  if (blocks.length === 1 && blocks[0].type === 'paragraph') return renderInlines(blocks[0].inlines);
  return blocks.map((b) => renderBlock(b, headingLevel));
}

function renderInlines(nodes) {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text': return node.value;
      case 'code': return h('code', { text: node.value });
      case 'strong': return h('strong', {}, renderInlines(node.children));
      case 'em': return h('em', {}, renderInlines(node.children));
      case 'link': return renderLink(node);
      default: return '';
    }
  });
}

function renderLink(node) {
  const href = safeHref(node.href, document.baseURI);
  const children = renderInlines(node.children);
  if (!href) return h('span', { class: 'md-unsafe-link', title: 'Link removed: only http(s) and relative links are allowed' }, children);
  const external = new URL(href).origin !== location.origin;
  return h('a', { href, target: external ? '_blank' : null, rel: external ? 'noopener noreferrer' : null }, children);
}
