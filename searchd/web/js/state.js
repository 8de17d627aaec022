// The page's state and its URL: everything a search is made of lives in the
// query string, so a search can be bookmarked, shared and walked back with the
// browser's history.

// Filters that take several values (ORed within one facet, ANDed across facets).
export const FILTERS = ['lang', 'topic', 'type', 'place', 'speaker'];
export const SORTS = ['relevance', 'date', 'date_asc'];
export const PER_PAGE = 10;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function emptyState() {
  const state = { q: '', from: '', to: '', sort: 'relevance', page: 1, ui: '' };
  for (const f of FILTERS) state[f] = [];
  return state;
}

// Reads a state from a query string ("?q=...&topic=a&topic=b"). Unknown or
// malformed values fall back to their defaults.
export function parseState(search) {
  const p = new URLSearchParams(search);
  const state = emptyState();
  state.q = p.get('q') ?? '';
  for (const f of FILTERS) state[f] = [...new Set(p.getAll(f).filter(Boolean))];
  state.from = DATE.test(p.get('from') ?? '') ? p.get('from') : '';
  state.to = DATE.test(p.get('to') ?? '') ? p.get('to') : '';
  state.sort = SORTS.includes(p.get('sort')) ? p.get('sort') : 'relevance';
  const page = Number.parseInt(p.get('page') ?? '1', 10);
  state.page = Number.isFinite(page) && page >= 1 ? page : 1;
  state.ui = p.get('ui') ?? '';
  return state;
}

// The query string of a state, defaults left out ("" for the empty state).
export function stateToQuery(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FILTERS) for (const v of state[f]) p.append(f, v);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  if (state.ui) p.set('ui', state.ui);
  const s = p.toString();
  return s ? `?${s}` : '';
}

// The /api/v1/search parameters for a state, in interface language `uiLang`.
export function stateToApiParams(state, uiLang) {
  const p = new URLSearchParams();
  p.set('q', state.q);
  for (const f of FILTERS) for (const v of state[f]) p.append(f, v);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort !== 'relevance') p.set('sort', state.sort); // the API's default also orders an empty query by date
  p.set('page', String(state.page));
  p.set('per_page', String(PER_PAGE));
  p.set('ui_lang', uiLang);
  p.set('facets', 'topic,type,lang,year,month');
  return p;
}

// A copy of `state` with `changes` applied; any change but a page change
// starts again from the first page.
export function withChanges(state, changes) {
  const next = { ...state, ...changes };
  for (const f of FILTERS) next[f] = [...next[f]];
  if (!('page' in changes)) next.page = 1;
  return next;
}

// `state` with `value` toggled in filter `facet`.
export function toggleFilter(state, facet, value) {
  const values = state[facet].includes(value)
    ? state[facet].filter((v) => v !== value)
    : [...state[facet], value];
  return withChanges(state, { [facet]: values });
}

export function hasFilters(state) {
  return FILTERS.some((f) => state[f].length > 0) || Boolean(state.from || state.to);
}

export function withoutFilters(state) {
  const changes = { from: '', to: '' };
  for (const f of FILTERS) changes[f] = [];
  return withChanges(state, changes);
}
