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

// Completions for what is typed, as [{text, kind, url}]: kind "term" completes
// the word being typed, kind "title" is a matching document's title.
export async function suggest(prefix, lang, signal) {
  const body = await getJson('/api/v1/suggest', new URLSearchParams({ q: prefix, lang }), signal);
  const list = Array.isArray(body) ? body : body.suggestions ?? [];
  return list
    .map((s) => (typeof s === 'string' ? { text: s } : { text: s?.text ?? '', kind: s?.kind, url: s?.url }))
    .map((s) => ({ ...s, kind: s.kind === 'title' ? 'title' : 'term' }))
    .filter((s) => s.text !== '');
}
