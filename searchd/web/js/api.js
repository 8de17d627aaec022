// The client of portal-searchd's JSON API (version 1).

export class ApiError extends Error {
  constructor(message, code = 'network') {
    super(message);
    this.code = code;
  }
}

async function getJson(path, params, signal) {
  let response;
  try {
    response = await fetch(`${path}?${params}`, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(e.message);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok || body === null) {
    const error = body?.error ?? {};
    throw new ApiError(error.message || `HTTP ${response.status}`, error.code || `http_${response.status}`);
  }
  return body;
}

// GET /api/v1/search with `params` (URLSearchParams). Rejects with ApiError on
// a 4xx/5xx answer, with an AbortError when `signal` aborts.
export function search(params, signal) {
  return getJson('/api/v1/search', params, signal);
}

// Completions for `prefix` as a list of strings. Accepts the answer as
// {"suggestions":[{"text"}|"..."]}, {"completions":[...]} or a bare array.
export async function suggest(prefix, lang, signal) {
  const body = await getJson('/api/v1/suggest', new URLSearchParams({ q: prefix, lang }), signal);
  const list = Array.isArray(body) ? body : body.suggestions ?? body.completions ?? [];
  return list
    .map((s) => (typeof s === 'string' ? s : s?.text ?? s?.value ?? ''))
    .filter((s) => s !== '');
}
