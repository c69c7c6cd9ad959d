// The catalogue: every case, grouped by handout, filtered as you type and by tags,
// each with the outcome of its last run in this browser. Filtering hides items
// instead of redrawing them, so focus and scroll position stay where they are.

import { h, replace } from './dom.js';
import { listCases, listPlugins } from './api.js';
import { loadLastRuns } from './lastruns.js';
import { describeOutcome, outcomeKey } from './outcome.js';
import { renderLoading, renderError } from './feedback.js';
import { toQuery } from './params.js';

const OTHER_GROUP = 'Other cases';

/**
 * Shows the catalogue in `main`. `query` (URLSearchParams) may hold `q` (search text)
 * and `tags` (comma-separated); the URL is kept in step so Back restores the filter.
 */
export async function showCatalogue(main, { query, signal, focusHeading, fromCase = null }) {
  document.title = 'Socket Lab';
  const heading = h('h1', { tabindex: '-1', text: 'Cases' });
  const intro = h('p', { class: 'lead', text: 'Pick a case, read the scenario, change a parameter and run it: every connect, send and recv is recorded from real sockets, byte for byte.' });
  const warnings = h('div', { class: 'plugin-warnings' });
  replace(main, heading, intro, warnings, renderLoading('Loading cases…'));
  if (focusHeading) heading.focus();

  // The cases first: they are what the page is for; the plugin warnings can come after.
  const casesRequest = listCases();
  listPlugins().then((plugins) => {
    if (!signal.aborted) replace(warnings, plugins.filter((p) => p.status === 'failed').map(pluginWarning));
  }, () => { /* The catalogue itself reports an unreachable server. */ });

  let cases;
  try {
    cases = await casesRequest;
  } catch (error) {
    if (signal.aborted) return;
    replace(main, heading, intro, warnings, renderError(error.message, {
      title: 'Could not load the cases',
      retry: () => showCatalogue(main, { query, signal, focusHeading: false }),
    }));
    return;
  }
  if (signal.aborted) return;
  replace(main, heading, intro, warnings, new Catalogue(cases, query).element);
  // Replacing the page took focus from the heading: give it back, or after Back to the
  // case the student came from, so the keyboard resumes where it was.
  if (focusHeading) {
    const came = fromCase ? [...main.querySelectorAll('[data-testid=case-item]')].find((a) => a.dataset.caseId === fromCase) : null;
    (came ?? heading).focus();
  }
}

function pluginWarning(plugin) {
  return h('p', { class: 'plugin-warning', 'data-testid': 'plugin-warning', 'data-file': plugin.file },
    h('span', { 'aria-hidden': 'true', text: '⚠ ' }),
    'Plugin ', h('code', { text: String(plugin.file ?? '?') }), ' was not loaded',
    plugin.error ? `: ${plugin.error}` : '.');
}

class Catalogue {
  constructor(cases, query) {
    this.cases = cases;
    this.lastRuns = loadLastRuns();
    this.selectedTags = new Set((query.get('tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean));
    this.search = h('input', {
      type: 'search', id: 'case-search', 'data-testid': 'search', value: query.get('q') ?? '',
      placeholder: 'title, summary, tag or id', autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'case-list',
    });
    this.search.addEventListener('input', () => this.apply());
    this.count = h('p', { class: 'result-count', role: 'status' });
    this.chips = this.tagChips();
    this.items = [];
    this.groups = this.groupSections();
    this.empty = h('div', { class: 'empty', hidden: true },
      h('p', { text: 'No case matches this search.' }),
      h('button', { type: 'button', class: 'button', on: { click: () => this.clear() } }, 'Clear search and tags'));
    this.element = h('div', { class: 'catalogue' },
      h('div', { class: 'filters' },
        h('label', { for: 'case-search', class: 'search-label', text: 'Search cases' }),
        this.search,
        this.chips,
        this.count),
      h('div', { class: 'case-list', id: 'case-list', 'data-testid': 'case-list' }, this.groups.map((g) => g.section), this.empty));
    this.apply({ updateUrl: false });
  }

  tagChips() {
    const counts = new Map();
    for (const c of this.cases) for (const t of tagsOf(c)) counts.set(t, (counts.get(t) ?? 0) + 1);
    const tags = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    this.chipButtons = tags.map(([tag, n]) => {
      const button = h('button', { type: 'button', class: 'chip', 'data-testid': 'tag-chip', 'data-tag': tag, 'aria-pressed': String(this.selectedTags.has(tag)) },
        tag, h('span', { class: 'chip-count', 'aria-label': `${n} cases`, text: String(n) }));
      button.addEventListener('click', () => {
        if (this.selectedTags.has(tag)) this.selectedTags.delete(tag); else this.selectedTags.add(tag);
        button.setAttribute('aria-pressed', String(this.selectedTags.has(tag)));
        this.apply();
      });
      return button;
    });
    if (!tags.length) return null;
    // One tab stop for all the chips (arrow keys move between them), so Tab goes from the
    // search box to the first case; on a phone they fold away behind their summary.
    this.chipButtons.forEach((b, i) => b.setAttribute('tabindex', i === 0 ? '0' : '-1'));
    const group = h('div', { class: 'chips', role: 'group', 'aria-label': 'Filter by tag (cases must have every chosen tag); arrow keys move between tags' }, this.chipButtons);
    group.addEventListener('keydown', (event) => {
      const at = this.chipButtons.indexOf(document.activeElement);
      const moves = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: this.chipButtons.length - 1 };
      if (at === -1 || !(event.key in moves)) return;
      event.preventDefault();
      const next = this.chipButtons[Math.max(0, Math.min(this.chipButtons.length - 1, moves[event.key]))];
      for (const b of this.chipButtons) b.setAttribute('tabindex', b === next ? '0' : '-1');
      next.focus();
    });
    const narrow = window.matchMedia('(max-width: 600px)').matches;
    return h('details', { class: 'tag-filter', open: !narrow || this.selectedTags.size > 0 },
      h('summary', { text: `Filter by tag (${tags.length} tags)` }), group);
  }

  // Groups keep the order the API lists them in: the handouts' own order.
  groupSections() {
    const byName = new Map();
    for (const c of this.cases) {
      const name = c.group || OTHER_GROUP;
      if (!byName.has(name)) byName.set(name, []);
      byName.get(name).push(c);
    }
    return [...byName].map(([name, cases], n) => {
      const items = cases.map((c) => this.caseItem(c));
      const headingId = `group-${n}`;
      const section = h('section', { class: 'group', 'aria-labelledby': headingId },
        h('h2', { id: headingId, class: 'group-title', text: name }),
        h('ul', { class: 'cases' }, items.map((i) => i.element)));
      return { section, items };
    });
  }

  caseItem(c) {
    const id = String(c.id);
    const last = this.lastRuns[id];
    const tags = tagsOf(c);
    const link = h('a', { class: 'case-item', href: `#/cases/${encodeURIComponent(id)}`, 'data-testid': 'case-item', 'data-case-id': id },
      h('span', { class: 'case-item-top' },
        h('span', { class: 'case-title', 'data-testid': 'case-title', text: c.title ?? id }),
        last ? badge(last) : null),
      c.summary ? h('span', { class: 'case-summary', text: c.summary }) : null,
      h('span', { class: 'case-item-meta' },
        h('code', { text: id }),
        c.source ? h('span', { text: c.source }) : null,
        c.origin && c.origin !== 'built-in' ? h('span', { class: 'origin', text: `plugin: ${c.origin}` }) : null),
      tags.length ? h('span', { class: 'case-item-tags' }, tags.map((t) => h('span', { class: 'tag', text: t }))) : null);
    const haystack = [c.title, c.summary, id, ...tags].map((x) => String(x ?? '').toLowerCase()).join('\n');
    const element = h('li', {}, link);
    return { element, tags, haystack };
  }

  apply({ updateUrl = true } = {}) {
    const words = this.search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const group of this.groups) {
      let inGroup = 0;
      for (const item of group.items) {
        const visible = words.every((w) => item.haystack.includes(w)) && [...this.selectedTags].every((t) => item.tags.includes(t));
        item.element.hidden = !visible;
        if (visible) inGroup++;
      }
      group.section.hidden = inGroup === 0;
      shown += inGroup;
    }
    this.empty.hidden = shown > 0;
    const total = this.cases.length;
    this.count.textContent = shown === total ? `${total} ${total === 1 ? 'case' : 'cases'}` : `${shown} of ${total} cases`;
    if (updateUrl) {
      const pairs = [];
      if (this.search.value) pairs.push(['q', this.search.value]);
      if (this.selectedTags.size) pairs.push(['tags', [...this.selectedTags].join(',')]);
      history.replaceState(history.state, '', `#/${pairs.length ? '?' + toQuery(pairs) : ''}`);
    }
  }

  clear() {
    this.search.value = '';
    this.selectedTags.clear();
    for (const b of this.chipButtons) b.setAttribute('aria-pressed', 'false');
    this.apply();
    this.search.focus();
  }
}

function tagsOf(c) {
  return Array.isArray(c.tags) ? c.tags.map(String) : [];
}

function badge(last) {
  const { icon, label } = describeOutcome(last.outcome);
  const when = last.at ? new Date(last.at) : null;
  const whenText = when && !Number.isNaN(when.getTime()) ? ` on ${when.toLocaleString()}` : '';
  return h('span', {
    class: `badge badge-${outcomeKey(last.outcome)}`, 'data-testid': 'last-outcome', 'data-outcome': outcomeKey(last.outcome),
    title: `Last run in this browser: ${label.toLowerCase()}${whenText}`,
  }, h('span', { 'aria-hidden': 'true', text: icon + ' ' }), h('span', { class: 'visually-hidden', text: 'last run: ' }), label.toLowerCase());
}
