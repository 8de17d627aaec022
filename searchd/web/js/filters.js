// Rendering of the sidebar (facets with counts, the year and month histograms,
// the date range) and of the active filters as removable chips.

import { clear, el } from './dom.js';
import { formatMonth, formatNumber, langName, t, typeName } from './i18n.js';
import { FILTERS, hasFilters, toggleFilter, withChanges, withoutFilters } from './state.js';

const SHOWN = 8; // facet values shown before "show more"

const FACET_LABELS = { topic: 'facetTopic', type: 'facetType', lang: 'facetLang', place: 'facetPlace', speaker: 'facetSpeaker' };

export function valueLabel(facet, value) {
  if (facet === 'lang') return langName(value);
  if (facet === 'type') return typeName(value);
  return value;
}

// One fieldset of checkboxes per facet; `onToggle(facet, value)` on change.
// Selected values missing from the counts are kept so they can be unticked.
// `approx`: the counts are estimates (a very broad query), shown with "≈".
export function renderFacets(node, facets, state, onToggle, expanded, approx = false) {
  clear(node);
  for (const facet of ['lang', 'type', 'topic']) {
    const counts = [...(facets?.[facet] ?? [])];
    for (const v of state[facet]) if (!counts.some((c) => c.value === v)) counts.push({ value: v, count: 0 });
    if (counts.length === 0) continue;
    const open = expanded.has(facet);
    const list = el('ul', { class: 'facet-values' });
    counts.forEach((c, i) => {
      const checked = state[facet].includes(c.value);
      const id = `f-${facet}-${i}`;
      list.append(el('li', { hidden: !open && i >= SHOWN && !checked },
        el('input', {
          type: 'checkbox', id, checked, 'data-focus-key': `${facet}=${c.value}`,
          on: { change: () => onToggle(facet, c.value) },
        }),
        el('label', { for: id },
          el('span', { class: 'facet-value', text: valueLabel(facet, c.value) }),
          el('span', { class: 'count', text: (approx && c.count ? '≈' : '') + formatNumber(c.count) }))));
    });
    const box = el('fieldset', { class: 'facet', 'data-facet': facet },
      el('legend', { text: t(FACET_LABELS[facet]) }), list);
    if (counts.length > SHOWN) {
      box.append(el('button', {
        type: 'button', class: 'link-button more', 'aria-expanded': String(open), 'data-focus-key': `more-${facet}`,
        text: open ? t('showFewer') : t('showMore', { n: counts.length }),
        on: { click: () => { if (open) expanded.delete(facet); else expanded.add(facet); renderFacets(node, facets, state, onToggle, expanded, approx); node.querySelector(`[data-focus-key="more-${facet}"]`)?.focus(); } },
      }));
    }
    node.append(box);
  }
}

// The year histogram (and, within one year, the months) as bars that set the
// date range when clicked; `onRange(from, to)`.
export function renderHistogram(node, facets, state, onRange) {
  clear(node);
  const years = [...(facets?.year ?? [])].filter((y) => /^\d{4}$/.test(y.value)).sort((a, b) => a.value.localeCompare(b.value));
  if (years.length === 0) return;
  node.append(bars('facetYear', years.map((y) => ({
    label: y.value, count: y.count, from: `${y.value}-01-01`, to: `${y.value}-12-31`,
  })), state, onRange));
  const year = singleYear(state) ?? (years.length === 1 ? years[0].value : null);
  const months = (facets?.month ?? [])
    .map((m) => ({ ...m, ym: monthKey(m.value, year) }))
    .filter((m) => m.ym && m.ym.startsWith(`${year}-`))
    .sort((a, b) => a.ym.localeCompare(b.ym));
  if (year && months.length > 0) {
    node.append(bars('facetMonth', months.map((m) => ({
      label: formatMonth(m.ym), count: m.count, from: `${m.ym}-01`, to: `${m.ym}-${lastDay(m.ym)}`,
    })), state, onRange, year));
  }
}

function bars(titleKey, items, state, onRange, suffix) {
  const max = Math.max(...items.map((i) => i.count), 1);
  return el('fieldset', { class: 'facet histogram' },
    el('legend', { text: suffix ? `${t(titleKey)} (${suffix})` : t(titleKey) }),
    el('div', { class: 'bars' }, items.map((item) => {
      const pressed = state.from === item.from && state.to === item.to;
      return el('button', {
        type: 'button', class: 'bar', 'aria-pressed': String(pressed),
        'data-focus-key': `bar-${item.from}-${item.to}`,
        'aria-label': t('barLabel', { label: item.label, count: formatNumber(item.count) }),
        on: { click: () => (pressed ? onRange('', '') : onRange(item.from, item.to)) },
      },
      el('span', { class: 'bar-fill', style: `height:${Math.max(3, Math.round((item.count / max) * 64))}px` }),
      el('span', { class: 'bar-count', 'aria-hidden': 'true', text: formatNumber(item.count) }),
      el('span', { class: 'bar-label', 'aria-hidden': 'true', text: item.label }));
    })));
}

// "2022-03", "2022-3" or "3" (of `year`) → "2022-03".
function monthKey(value, year) {
  const s = String(value);
  let m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}`;
  m = /^(\d{1,2})$/.exec(s);
  return m && year ? `${year}-${m[1].padStart(2, '0')}` : null;
}

function singleYear(state) {
  if (!state.from || !state.to) return null;
  return state.from.slice(0, 4) === state.to.slice(0, 4) ? state.from.slice(0, 4) : null;
}

function lastDay(ym) {
  const [y, m] = ym.split('-').map(Number);
  return String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0');
}

// Active filters as chips, each a link to the state without it.
export function renderChips(node, state, href) {
  clear(node);
  if (!hasFilters(state)) return;
  const list = el('ul', { class: 'chips' });
  const chip = (text, next) => list.append(el('li', {}, el('a', {
    class: 'chip', href: href(next), 'data-nav': '', 'aria-label': t('removeFilter', { name: text }),
  }, el('span', { text }), el('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' }))));
  for (const f of FILTERS) {
    for (const v of state[f]) chip(`${t(FACET_LABELS[f])}: ${valueLabel(f, v)}`, toggleFilter(state, f, v));
  }
  if (state.from || state.to) {
    chip(`${t('dateRange')}: ${state.from || '…'} – ${state.to || '…'}`, withChanges(state, { from: '', to: '' }));
  }
  node.append(el('span', { class: 'chips-label', text: t('activeFilters') }), list,
    el('a', { class: 'clear-all', href: href(withoutFilters(state)), 'data-nav': '', text: t('clearAll') }));
}
