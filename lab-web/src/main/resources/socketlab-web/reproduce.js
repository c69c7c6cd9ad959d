// "Reproduce this run": the same run as a curl call to the API, as a command line for
// the jar, and the transcript as a JSON file. Commands are built from the params the
// server reports it used (transcript.params), so they repeat this run exactly.

import { h } from './dom.js';

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

/** The "Reproduce" section for a transcript. */
export function renderReproduce(transcript) {
  const params = transcript.params ?? {};
  if (currentBlobUrl) URL.revokeObjectURL(currentBlobUrl);
  currentBlobUrl = URL.createObjectURL(new Blob([JSON.stringify(transcript, null, 2) + '\n'], { type: 'application/json' }));
  return h('section', { class: 'card reproduce', 'aria-labelledby': 'reproduce-heading' },
    h('h3', { id: 'reproduce-heading', text: 'Reproduce this run' }),
    commandBlock('With curl, against this server', 'curl-command', curlCommand(location.origin, transcript.caseId, params)),
    commandBlock('From the command line (after building the jar)', 'cli-command', cliCommand(transcript.caseId, params)),
    h('p', { class: 'download' },
      h('a', { class: 'button', href: currentBlobUrl, download: transcriptFileName(transcript), 'data-testid': 'download-json' },
        '⤓ Download the transcript (JSON)'),
      h('span', { class: 'muted', text: ` ${transcriptFileName(transcript)}` })));
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
