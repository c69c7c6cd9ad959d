// The outcome of the last run of each case in this browser, for the catalogue's
// badges. Kept in localStorage; when storage is unavailable (private mode, disabled)
// the page simply shows no badges.

const STORAGE_KEY = 'socketlab.lastRuns.v1';

/** {caseId: {outcome, at}} */
export function loadLastRuns() {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

/** Remembers a transcript's outcome as the last run of its case. */
export function rememberRun(transcript) {
  if (!transcript || typeof transcript.caseId !== 'string') return;
  try {
    const all = loadLastRuns();
    all[transcript.caseId] = { outcome: transcript.outcome, at: transcript.startedAt ?? new Date().toISOString() };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // Storage full or disabled: badges are a convenience, the run itself is shown anyway.
  }
}
