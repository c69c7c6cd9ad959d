// "Reproduce this run": the same run as a curl call to the API, as a command line for
// the jar, and the transcript as a JSON file. Commands are built from the params the
// server reports it used (transcript.params), so they repeat this run exactly.

import { h } from './dom.js';
import { prettyJsonParts } from './jsonparts.js';
import { whenIdle } from './idle.js';

const CLI_JAR = 'lab-server/target/socketlab.jar';

/** POSIX shell quoting: safe words stay bare, the rest go in single quotes ('\'' for '). */
export function shellQuote(word) {
  const text = String(word);
  if (/^[A-Za-z0-9_\-.,:/@=+%]+$/.test(text)) return text;
  return "'" + text.replace(/'/g, "'\\''") + "'";
}

/** curl -s -X POST ORIGIN/api/cases/ID/runs -H 'Content-Type: application/json' -d '{"params":{…}}' */
export function curlCommand(origin, caseId, params) {
  const url = `${origin}/api/cases/${encodeURIComponent(caseId)}/runs`;
  const body = JSON.stringify({ params: params ?? {} });
  return ['curl', '-s', '-X', 'POST', shellQuote(url), '-H', shellQuote('Content-Type: application/json'), '-d', shellQuote(body)].join(' ');
}

/** java -jar lab-server/target/socketlab.jar run ID --param name=value … --json */
export function cliCommand(caseId, params) {
  const words = ['java', '-jar', CLI_JAR, 'run', shellQuote(caseId)];
  for (const [name, value] of Object.entries(params ?? {})) {
    words.push('--param', shellQuote(`${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`));
  }
  words.push('--json');
  return words.join(' ');
}

/** "missing-message-b3c1.json", with anything unusual in the parts replaced. */
export function transcriptFileName(transcript) {
  const clean = (s) => String(s ?? '').replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 80) || 'run';
  return `${clean(transcript.caseId)}-${clean(transcript.runId)}.json`;
}

let currentBlobUrl = null;
let cancelPending = () => {};

/** The "Reproduce" section for a transcript. */
export function renderReproduce(transcript) {
  const params = transcript.params ?? {};
  const link = h('a', { class: 'button', download: transcriptFileName(transcript), 'data-testid': 'download-json', tabindex: '0' },
    '⤓ Download the transcript (JSON)');
  offerDownload(link, transcript);
  return h('section', { class: 'card reproduce', 'aria-labelledby': 'reproduce-heading' },
    h('h3', { id: 'reproduce-heading', text: 'Reproduce this run' }),
    commandBlock('With curl, against this server', 'curl-command', curlCommand(location.origin, transcript.caseId, params)),
    commandBlock('From the command line (after building the jar)', 'cli-command', cliCommand(transcript.caseId, params)),
    h('p', { class: 'download' },
      link,
      h('span', { class: 'muted', text: ` ${transcriptFileName(transcript)}` })));
}

// The file's text (a megabyte for a run of thousands of events) is written in idle moments after
// the page is drawn, a slice of events at a time, and the link gets its blob: address when it is
// whole. Pointing at the link, focusing it or pressing a key on it finishes the file at once, so
// it is there when the link is followed.
let generation = 0;

function offerDownload(link, transcript) {
  cancelPending();
  if (currentBlobUrl) URL.revokeObjectURL(currentBlobUrl);
  currentBlobUrl = null;
  const mine = ++generation;
  const parts = prettyJsonParts(transcript);
  const pieces = [];
  let whole = false;
  // At least one piece, more while the idle period lasts; all of them without a deadline.
  const write = (deadline) => {
    do {
      const piece = parts.next();
      if (piece === null) whole = true;
      else pieces.push(piece);
    } while (!whole && (!deadline || deadline.timeRemaining() > 2));
  };
  const publish = () => {
    if (mine !== generation || link.hasAttribute('href')) return;
    currentBlobUrl = URL.createObjectURL(new Blob(pieces, { type: 'application/json' }));
    link.href = currentBlobUrl;
    link.removeAttribute('tabindex');
    cancelPending = () => {};
  };
  let cancel = () => {};
  const slice = (deadline) => {
    if (!link.isConnected) return; // the page went away before the file was needed
    write(deadline);
    if (whole) publish();
    else cancel = whenIdle(slice);
  };
  cancel = whenIdle(slice);
  cancelPending = () => cancel();
  const now = () => {
    if (mine !== generation) return;
    cancel();
    if (!whole) write(null);
    publish();
  };
  for (const type of ['pointerdown', 'focus', 'keydown']) link.addEventListener(type, now);
}

function commandBlock(label, testId, command) {
  const id = `${testId}-label`;
  const code = h('code', { 'data-testid': testId, text: command });
  return h('div', { class: 'command' },
    h('p', { id, class: 'command-label', text: label }),
    h('div', { class: 'command-row' },
      h('pre', { class: 'command-text', tabindex: '0', 'aria-labelledby': id }, code),
      copyButton(command, label)));
}

/** A button that copies `text`, saying so in words (and to screen readers). */
export function copyButton(text, what) {
  const status = h('span', { class: 'copy-status', role: 'status' });
  const button = h('button', { type: 'button', class: 'button small', 'aria-label': `Copy: ${what}` }, 'Copy');
  button.addEventListener('click', async () => {
    const ok = await copyText(text);
    status.textContent = ok ? 'Copied' : 'Select the text and copy it by hand';
    setTimeout(() => { status.textContent = ''; }, 2500);
  });
  return h('span', { class: 'copy' }, button, status);
}

// The async Clipboard API needs a secure context (http://127.0.0.1 is one, a LAN
// address over plain http is not); fall back to the older selection + execCommand.
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h('textarea', { class: 'offscreen', readonly: true, 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    area.remove();
    return ok;
  }
}
