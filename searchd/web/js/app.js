// The search page: reads its state from the URL, runs the search, renders,
// and turns every interaction into a new URL (history.pushState), so that
// back and forward walk through searches.

import { bindAdvancedForm, fillSelect } from './advanced.js';
import * as api from './api.js';
import { Autocomplete } from './autocomplete.js';
import { renderChips, renderFacets, renderHistogram } from './filters.js';
import { NATIVE_NAMES, pickUiLang, setUiLang, t, translatePage, typeName, UI_LANGS, uiLang } from './i18n.js';
import { renderEmpty, renderHits, renderNotice, renderPager, renderSummary } from './results.js';
import { FILTERS, parseState, stateToApiParams, stateToQuery, toggleFilter, withChanges } from './state.js';

const $ = (id) => document.getElementById(id);
const page = {
  form: $('search-form'), q: $('q'), suggestions: $('suggestions'), uiLang: $('ui-lang'),
  advancedToggle: $('advanced-toggle'), advanced: $('advanced'),
  filtersToggle: $('filters-toggle'), filtersCount: $('filters-count'), sidebar: $('sidebar'),
  facets: $('facets'), histogram: $('histogram'), dates: $('dates'), dateFrom: $('date-from'), dateTo: $('date-to'),
  results: $('results'), summary: $('summary'), sort: $('sort'), chips: $('chips'), notice: $('notice'),
  error: $('error'), hits: $('hits'), empty: $('empty'), pager: $('pager'),
};

let state = parseState(location.search);
let controller = null;
const expandedFacets = new Set();

const href = (s) => stateToQuery(s) || location.pathname;

function navigate(next, { focusResults = false } = {}) {
  state = next;
  history.pushState(null, '', href(next));
  run({ focusResults });
}

async function run({ focusResults = false } = {}) {
  controller?.abort();
  controller = new AbortController();
  page.q.value = state.q;
  page.sort.value = state.sort;
  page.dateFrom.value = state.from;
  page.dateTo.value = state.to;
  page.results.setAttribute('aria-busy', 'true');
  try {
    const data = await api.search(stateToApiParams(state, uiLang()), controller.signal);
    page.error.textContent = '';
    render(data);
  } catch (e) {
    if (e.name === 'AbortError') return;
    page.error.textContent = `${t('errorPrefix')} ${e.message}`;
    for (const node of [page.hits, page.empty, page.pager, page.notice, page.facets, page.histogram]) node.replaceChildren();
    page.summary.textContent = '';
  }
  page.results.removeAttribute('aria-busy');
  if (focusResults) page.results.focus();
}

function render(data) {
  const focusKey = document.activeElement?.dataset?.focusKey;
  renderSummary(page.summary, data);
  renderNotice(page.notice, data, state, href);
  renderHits(page.hits, data, state, href);
  renderEmpty(page.empty, data, state, href);
  renderPager(page.pager, data, state, href);
  renderChips(page.chips, state, href);
  renderFacets(page.facets, data.facets, state, (facet, value) => navigate(toggleFilter(state, facet, value)), expandedFacets,
    data.facets_exact === false);
  renderHistogram(page.histogram, data.facets, state, (from, to) => navigate(withChanges(state, { from, to })));
  const active = FILTERS.reduce((n, f) => n + state[f].length, 0) + (state.from || state.to ? 1 : 0);
  page.filtersCount.textContent = active ? String(active) : '';
  if (focusKey) document.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
}

// Sets the interface language and translates the page's static words.
function applyUiLang(lang) {
  setUiLang(lang);
  translatePage(document);
  for (const option of page.uiLang.options) option.selected = option.value === lang;
}

function setupUiLang() {
  for (const lang of UI_LANGS) {
    page.uiLang.add(new Option(NATIVE_NAMES[lang], lang));
    page.uiLang.options[page.uiLang.options.length - 1].lang = lang;
  }
  page.uiLang.addEventListener('change', () => {
    applyUiLang(page.uiLang.value);
    navigate(withChanges(state, { ui: page.uiLang.value }));
  });
}

function setupSearchBox() {
  new Autocomplete(page.q, page.suggestions, {
    fetchSuggestions: (text, signal) => api.suggest(text, uiLang(), signal),
    // A term completes the query; a title leads to its document (or, without
    // a link, searches for it).
    onPick: (item, value) => {
      if (item.kind === 'title' && item.url) window.location.assign(item.url);
      else navigate(withChanges(state, { q: item.kind === 'title' ? `"${item.text.replace(/"/g, '')}"` : value.trim() }));
    },
  });
  page.form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(withChanges(state, { q: page.q.value.trim() }));
  });
}

let catalogLoaded = false;

// The advanced form's type and topic lists come from the facets of the whole
// collection, fetched once when the form is first opened.
async function loadCatalog() {
  if (catalogLoaded) return;
  catalogLoaded = true;
  const params = new URLSearchParams({ q: '', per_page: '1', facets: 'topic,type', facet_size: '0', ui_lang: uiLang() });
  try {
    const data = await api.search(params);
    fillSelect($('adv-type'), (data.facets?.type ?? []).map((f) => f.value), typeName);
    fillSelect($('adv-topic'), (data.facets?.topic ?? []).map((f) => f.value).sort((a, b) => a.localeCompare(b)));
  } catch {
    catalogLoaded = false;
  }
}

function setupAdvanced() {
  page.advancedToggle.addEventListener('click', () => {
    const open = page.advanced.hidden;
    page.advanced.hidden = !open;
    page.advancedToggle.setAttribute('aria-expanded', String(open));
    if (open) {
      loadCatalog();
      $('adv-all').focus();
    }
  });
  bindAdvancedForm(page.advanced, page.q, (query) => navigate(withChanges(state, { q: query }), { focusResults: true }));
}

function setupFilters() {
  page.filtersToggle.addEventListener('click', () => {
    const open = !page.sidebar.classList.contains('open');
    page.sidebar.classList.toggle('open', open);
    page.filtersToggle.setAttribute('aria-expanded', String(open));
  });
  page.sort.addEventListener('change', () => navigate(withChanges(state, { sort: page.sort.value })));
  page.dates.addEventListener('submit', (e) => {
    e.preventDefault();
    let [from, to] = [page.dateFrom.value, page.dateTo.value];
    if (from && to && from > to) [from, to] = [to, from];
    navigate(withChanges(state, { from, to }));
  });
}

// Links to other states of the page (facet tags, chips, pages, "did you
// mean") are real links; a plain click stays on the page.
function setupLinks() {
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-nav]');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(parseState(new URL(a.href).search), { focusResults: a.hasAttribute('data-focus-results') });
  });
  window.addEventListener('popstate', () => {
    state = parseState(location.search);
    applyUiLang(pickUiLang(state.ui, navigator.languages));
    run();
  });
}

setupUiLang();
applyUiLang(pickUiLang(state.ui, navigator.languages));
setupSearchBox();
setupAdvanced();
setupFilters();
setupLinks();
run();
