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
export function getCase(id) {
  return request('GET', `/api/cases/${encodeURIComponent(id)}`);
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

/** POST /api/cases/{id}/runs → Transcript */
export function runCase(id, params, { signal } = {}) {
  return request('POST', `/api/cases/${encodeURIComponent(id)}/runs`, { params }, { timeoutMillis: RUN_TIMEOUT_MILLIS, signal });
}

async function request(method, path, body, { timeoutMillis = DEFAULT_TIMEOUT_MILLIS, signal } = {}) {
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
      headers: method === 'GET' ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
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
