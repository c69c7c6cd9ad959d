// The JSON API client. Every failure becomes an ApiError whose message a student can
// act on: the server's own {"error": "..."} text when it sent one, otherwise what
// went wrong in plain words (server unreachable, timed out, unexpected reply).

const DEFAULT_TIMEOUT_MILLIS = 15_000;
// A run is bounded by the server's own time limit; this only guards against a
// server that never answers at all.
export const RUN_TIMEOUT_MILLIS = 120_000;

/** An API call that failed. `status` is the HTTP status, or 0 when there was no response. */
export class ApiError extends Error {
  constructor(message, { status = 0, kind = 'http', parameter = null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.kind = kind; // 'http' | 'unreachable' | 'timeout' | 'invalid'
    this.parameter = parameter; // the case parameter at fault, as the server's {"parameter"} names it
  }
}

/** GET /api/cases → [CaseSummary] */
export async function listCases() {
  const body = await request('GET', '/api/cases');
  return Array.isArray(body.cases) ? body.cases : [];
}

/** GET /api/cases/{id} → CaseDetail */
export function getCase(id, { signal } = {}) {
  return request('GET', `/api/cases/${encodeURIComponent(id)}`, undefined, { signal });
}

/** GET /api/plugins → [{file, status, cases, error}]; [] when the endpoint is missing. */
export async function listPlugins() {
  try {
    const body = await request('GET', '/api/plugins');
    return Array.isArray(body.plugins) ? body.plugins : [];
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}

/** POST /api/cases/{id}/runs → Transcript (waits for the whole run) */
export function runCase(id, params, { signal } = {}) {
  return request('POST', `/api/cases/${encodeURIComponent(id)}/runs`, { params }, { timeoutMillis: RUN_TIMEOUT_MILLIS, signal });
}

/**
 * POST /api/cases/{id}/runs with Prefer: respond-async → {runId, state}: the run
 * goes on on the server; follow it with watchRun. The server may queue the request
 * for a moment when many runs go on, hence the run's time-out.
 */
export function startRun(id, params, { signal } = {}) {
  return request('POST', `/api/cases/${encodeURIComponent(id)}/runs`, { params },
    { timeoutMillis: RUN_TIMEOUT_MILLIS, signal, headers: { Prefer: 'respond-async' } });
}

/** GET /api/runs/{runId} → the transcript, or what was recorded so far (state "running") */
export function getRun(runId, { signal } = {}) {
  return request('GET', `/api/runs/${encodeURIComponent(runId)}`, undefined, { signal });
}

/** DELETE /api/runs/{runId}: cancels the run → its summary */
export function cancelRun(runId) {
  return request('DELETE', `/api/runs/${encodeURIComponent(runId)}`);
}

/**
 * Follows GET /api/runs/{runId}/events (Server-Sent Events): onEvent(event, index)
 * for each transcript event as it is recorded, onEnd(end) once with the outcome.
 * The browser reconnects by itself after a dropped connection, resuming with
 * Last-Event-ID; onLost() is called when it gives up (the run is gone, the server
 * refused). Returns {close()}.
 */
export function watchRun(runId, { onEvent, onEnd, onLost }) {
  const source = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events`);
  let seen = -1;
  source.addEventListener('message', (message) => {
    const index = Number(message.lastEventId);
    // After a reconnect the server resumes after the last id; never count one twice.
    if (Number.isInteger(index) && index <= seen) return;
    seen = Number.isInteger(index) ? index : seen + 1;
    const event = parseJson(message.data);
    if (event && typeof event === 'object') onEvent(event, seen);
  });
  source.addEventListener('end', (message) => {
    source.close();
    onEnd(parseJson(message.data) ?? {});
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) onLost();
  });
  return { close: () => source.close() };
}

async function request(method, path, body, { timeoutMillis = DEFAULT_TIMEOUT_MILLIS, signal, headers: extra = {} } = {}) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMillis);
  const abortFromCaller = () => controller.abort();
  signal?.addEventListener('abort', abortFromCaller);
  let response;
  let text;
  try {
    response = await fetch(path, {
      method,
      // The server refuses a POST without this type (a cross-site defence), even one with no body.
      headers: { Accept: 'application/json', ...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }), ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error; // the caller gave up; not a failure to report
    if (timedOut) throw new ApiError(`The server did not answer within ${Math.round(timeoutMillis / 1000)} seconds.`, { kind: 'timeout' });
    throw new ApiError('Cannot reach the Socket Lab server. Is it still running? Start it again and retry.', { kind: 'unreachable' });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abortFromCaller);
  }
  const json = parseJson(text);
  if (!response.ok) {
    const message = json && typeof json.error === 'string' && json.error.trim()
      ? json.error
      : `The server answered ${response.status} ${response.statusText}`.trim() + '.';
    const parameter = json && typeof json.parameter === 'string' ? json.parameter : null;
    throw new ApiError(message, { status: response.status, parameter });
  }
  if (json === undefined || json === null || typeof json !== 'object') {
    throw new ApiError('The server sent a reply that is not JSON.', { status: response.status, kind: 'invalid' });
  }
  return json;
}

function parseJson(text) {
  try { return JSON.parse(text); } catch { return undefined; }
}
