// Socket Lab case browser: bootstrap and hash routing. Static ES modules, no build step.
//   app.js        routes #/ (catalogue), #/cases/ID?param=value (case page), #/runs/ID
//                 (one run, live or finished) and #/open (a transcript file)
//   api.js        fetch wrapper: timeouts, {"error": "..."} messages, unreachable server
//   catalogue.js  grouped case list, search, tag chips, last-outcome badges (lastruns.js)
//   casepage.js   description, parameter form (params.js), Run; runpage.js the run and open pages
//   runview.js    one run: live over Server-Sent Events with Stop and the listen banner, then whole
//   markdown.js   safe Markdown → DOM for descriptions (no HTML is ever interpreted)
//   wireview.js   what happened on the wire: filters, the diagram or (narrow) eventlist.js, the detail
//                 beside it, follow a stream (streamview.js; stream.js, http.js pure)
//   sequence.js   transcript events → lanes, rows, send↔recv matching (pure)
//   timeline.js   filters, collapsed runs of alike events, even or by-time places (pure)
//   diagram.js    that model → SVG sequence diagram, drawn virtually (virtual.js); detail.js the event
//   itemview.js   focus, selection and keys the diagram and the event list share
//   notes.js      the lab's notes on a run, whole
//   results.js    outcome banner, checks, console output; reproduce.js curl/CLI/JSON
//   bytes.js      base64, previews, hex dump (pure); visible.js shows \r \n \t and spaces
//   idle.js       work the first screen does not need, when the browser is idle; jsonparts.js the
//                 download's JSON in slices (pure)
//   dom.js        h()/s() element builders (textContent only); feedback.js loading/errors

import { showCatalogue } from './catalogue.js';
import { h, replace } from './dom.js';

// The case and run pages and their diagram code load only when opened: the catalogue
// asks for its data first instead of after modules it does not use.
const casePage = () => import('./casepage.js');
const runPage = () => import('./runpage.js');

const main = document.getElementById('main');
let current = null;               // AbortController of the view on screen
let catalogueHash = '#/';         // where "← All cases" goes: the catalogue as last filtered

function parseHash(hash) {
  const text = hash.replace(/^#/, '') || '/';
  const q = text.indexOf('?');
  return { path: q === -1 ? text : text.slice(0, q), query: new URLSearchParams(q === -1 ? '' : text.slice(q + 1)) };
}

function route({ focusHeading, fromCase = null }) {
  // Only "#/…" are routes; any other fragment is an in-page anchor and is left alone.
  if (location.hash && !location.hash.startsWith('#/')) return;
  current?.abort();
  current = new AbortController();
  const { signal } = current;
  const { path, query } = parseHash(location.hash);
  const caseMatch = /^\/cases\/([^/]+)\/?$/.exec(path);
  const runMatch = /^\/runs\/([^/]+)\/?$/.exec(path);
  if (path === '/' || path === '') {
    showCatalogue(main, { query, signal, focusHeading, fromCase });
  } else if (caseMatch) {
    let id;
    try { id = decodeURIComponent(caseMatch[1]); } catch { id = caseMatch[1]; }
    casePage().then(({ showCasePage }) => {
      if (!signal.aborted) showCasePage(main, { id, query, backHref: catalogueHash, signal, focusHeading });
    });
  } else if (runMatch) {
    let runId;
    try { runId = decodeURIComponent(runMatch[1]); } catch { runId = runMatch[1]; }
    runPage().then(({ showRunPage }) => {
      if (!signal.aborted) showRunPage(main, { runId, backHref: catalogueHash, signal, focusHeading });
    });
  } else if (path === '/open') {
    runPage().then(({ showOpenPage }) => {
      if (!signal.aborted) showOpenPage(main, { backHref: catalogueHash, signal, focusHeading });
    });
  } else {
    document.title = 'Not found · Socket Lab';
    const heading = h('h1', { tabindex: '-1', text: 'Page not found' });
    replace(main, heading, h('p', {}, 'There is nothing at this address. ', h('a', { href: '#/', text: 'See all cases' }), '.'));
    if (focusHeading) heading.focus();
  }
}

window.addEventListener('hashchange', (event) => {
  const old = new URL(event.oldURL).hash || '#/';
  const oldPath = parseHash(old).path;
  if (oldPath === '/') catalogueHash = old;
  const fromCase = /^\/cases\/([^/]+)\/?$/.exec(oldPath)?.[1];
  let id = null;
  try { id = fromCase ? decodeURIComponent(fromCase) : null; } catch { id = fromCase; }
  route({ focusHeading: true, fromCase: id });
});

// The skip link moves focus itself: following "#main" would replace the route in the URL.
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
});

route({ focusHeading: false });
