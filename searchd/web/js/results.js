// Rendering of the result list: summary, spelling notices, hits, the
// no-results message and pagination. Titles and snippets come pre-escaped
// with <mark> from the API and are inserted as HTML; everything else as text.
// `href(state)`, passed to each function, gives the link to another state of the page.

import { clear, el } from './dom.js';
import { formatDate, langName, t, tCount, typeName } from './i18n.js';
import { hasFilters, PER_PAGE, withChanges, withoutFilters } from './state.js';

export function renderSummary(node, data) {
  const count = data.total_is_exact === false ? t('resultsApprox', { n: data.total }) : tCount('results', data.total);
  node.textContent = data.total > 0 ? `${count} ${t('took', { ms: formatMs(data.took_ms ?? 0) })}` : count;
}

// Milliseconds, to one decimal below 10.
function formatMs(ms) {
  return new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: ms < 10 ? 1 : 0 }).format(ms);
}

// "Did you mean", "showing results for" and the relaxed-query notice.
export function renderNotice(node, data, state, href) {
  clear(node);
  const corrected = data.query?.corrected;
  if (corrected && data.total > 0) {
    node.append(el('p', { class: 'notice' }, `${t('showingFor')} `, el('strong', { text: corrected }), '.'));
  } else if (data.did_you_mean && data.total > 0) {
    node.append(didYouMean(data.did_you_mean, state, href));
  }
  if (data.query?.relaxed) node.append(el('p', { class: 'notice', text: t('relaxed') }));
}

function didYouMean(suggestion, state, href) {
  return el('p', { class: 'notice did-you-mean' }, `${t('didYouMean')}: `,
    el('a', { href: href(withChanges(state, { q: suggestion })), 'data-nav': '' }, el('strong', { text: suggestion })), '?');
}

export function renderHits(list, data, state, href) {
  clear(list);
  list.start = (data.page - 1) * data.per_page + 1;
  for (const hit of data.hits) list.append(renderHit(hit, state, href));
}

function renderHit(hit, state, href) {
  const title = hit.url
    ? el('a', { href: hit.url, html: hit.title_html ?? '', hreflang: hit.lang })
    : el('span', { html: hit.title_html ?? '' });
  const meta = [formatDate(hit.date), typeName(hit.type), langName(hit.lang)].filter(Boolean);
  return el('li', { class: 'hit', lang: hit.lang || null, 'data-id': hit.id, 'data-date': hit.date },
    el('h3', { class: 'hit-title' }, title),
    el('p', { class: 'hit-meta', lang: document.documentElement.lang },
      meta.map((m, i) => [i ? el('span', { class: 'sep', 'aria-hidden': 'true', text: ' · ' }) : null, el('span', { text: m })])),
    hit.snippet_html ? el('p', { class: 'hit-snippet', html: hit.snippet_html }) : null,
    hit.topics?.length ? renderTopics(hit.topics, state, href) : null,
    hit.translations?.length ? renderTranslations(hit.translations) : null);
}

function renderTopics(topics, state, href) {
  return el('p', { class: 'hit-topics' },
    el('span', { class: 'label', lang: document.documentElement.lang, text: t('topics') }), ' ',
    topics.map((topic) => el('a', {
      class: 'tag', href: href(withChanges(state, { topic: [...new Set([...state.topic, topic])] })),
      'data-nav': '', text: topic,
    })));
}

function renderTranslations(translations) {
  return el('p', { class: 'hit-also', lang: document.documentElement.lang },
    el('span', { class: 'label', text: t('alsoIn') }), ' ',
    translations.map((tr, i) => [
      i ? el('span', { 'aria-hidden': 'true', text: ' · ' }) : null,
      el('a', {
        href: tr.url || null, hreflang: tr.lang, lang: tr.lang, title: tr.title,
        'aria-label': `${langName(tr.lang)}: ${tr.title}`, text: (tr.lang || '').toUpperCase(),
      }),
    ]));
}

// The message shown when nothing matches, with ways out.
export function renderEmpty(node, data, state, href) {
  clear(node);
  if (data.total > 0) return;
  node.append(el('p', { class: 'empty-title', text: state.q ? t('noResultsFor', { q: state.q }) : t('noResults') }));
  if (data.did_you_mean) node.append(didYouMean(data.did_you_mean, state, href));
  const tips = el('ul', { class: 'tips' });
  if (state.q) {
    tips.append(el('li', { text: t('tipSpelling') }), el('li', { text: t('tipFewerWords') }));
  }
  if (hasFilters(state)) {
    tips.append(el('li', {}, `${t('tipRemoveFilters')} `,
      el('a', { href: href(withoutFilters(state)), 'data-nav': '', class: 'remove-all', text: t('tipRemoveAll') })));
  }
  if (tips.children.length) node.append(el('p', { class: 'tips-title', text: t('tipsTitle') }), tips);
}

// Previous, a window of page numbers around the current one, next.
export function renderPager(nav, data, state, href) {
  clear(nav);
  const pages = Math.ceil(data.total / (data.per_page || PER_PAGE));
  if (pages <= 1) return;
  const current = data.page;
  const item = (page, label, extra = {}) => el('li', {}, el('a', {
    href: href(withChanges(state, { page })), 'data-nav': '', 'data-focus-results': '', ...extra,
  }, label));
  const list = el('ul');
  if (current > 1) list.append(item(current - 1, t('prev'), { rel: 'prev', class: 'pager-step' }));
  let last = 0;
  for (const p of pageWindow(current, pages)) {
    if (p > last + 1) list.append(el('li', { class: 'gap', 'aria-hidden': 'true', text: '…' }));
    list.append(p === current
      ? el('li', {}, el('a', { 'aria-current': 'page', 'aria-label': t('currentPage', { n: p }), href: href(state), 'data-nav': '', text: p }))
      : item(p, String(p), { 'aria-label': t('pageN', { n: p }) }));
    last = p;
  }
  if (current < pages) list.append(item(current + 1, t('next'), { rel: 'next', class: 'pager-step' }));
  nav.append(list);
}

function pageWindow(current, pages) {
  const set = new Set([1, pages]);
  for (let p = current - 2; p <= current + 2; p++) if (p >= 1 && p <= pages) set.add(p);
  return [...set].sort((a, b) => a - b);
}
