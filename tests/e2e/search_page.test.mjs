// The search page in a real browser against the real portal-searchd.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser } from './support/browser.mjs';
import { startPortal } from './support/portal.mjs';

const TOPIC = 'Гуманітарні коридори';
let portal;
let browser;

before(async () => {
  portal = process.env.E2E_BASE_URL ? { url: process.env.E2E_BASE_URL, stop: async () => {} } : await startPortal();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

// A fresh page that fails the test on any script error.
async function open(query = '', { width = 1280, height = 900 } = {}) {
  const page = await browser.context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.setViewportSize({ width, height });
  await page.goto(`${portal.url}/${query}`);
  await settled(page);
  return page;
}

// Waits until the page has rendered the answer to its current URL.
async function settled(page) {
  await page.waitForFunction(() => {
    const results = document.getElementById('results');
    return results && !results.hasAttribute('aria-busy') && document.getElementById('summary').textContent !== '';
  });
}

function param(page, name) {
  return new URL(page.url()).searchParams.getAll(name);
}

const resultCount = async (page) => Number(/^[^\d]*([\d\s,. ]+)/.exec(await page.textContent('#summary'))[1].replace(/\D/g, ''));
const hitLangs = (page) => page.$$eval('#hits > li', (lis) => lis.map((li) => li.lang));
// The hits shown in another language than `lang` although a version in `lang` exists.
const otherVersionsShown = (page, lang) => page.$$eval('#hits > li', (lis, l) => lis
  .filter((li) => li.lang !== l && [...li.querySelectorAll('.hit-also a')].some((a) => a.hreflang === l))
  .map((li) => li.dataset.id), lang);
const hitIds = (page) => page.$$eval('#hits > li', (lis) => lis.map((li) => li.dataset.id));

async function screenshot(page, name) {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

test('typing a query and picking a suggestion with the keyboard shows highlighted results', async () => {
  const page = await open();
  const box = page.locator('#q');
  const firstOption = page.locator('#suggestions [role=option]').first();
  await box.pressSequentially('mariu', { delay: 40 });
  await firstOption.waitFor();
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  // Escape closes the list and keeps the text; the down arrow opens it again.
  await page.keyboard.press('Escape');
  assert.equal(await page.isHidden('#suggestions'), true);
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.equal(await box.inputValue(), 'mariu');
  await page.keyboard.press('ArrowDown');
  await firstOption.waitFor();
  await page.keyboard.press('ArrowDown');
  assert.equal(await firstOption.getAttribute('aria-selected'), 'true');
  assert.equal(await box.getAttribute('aria-activedescendant'), await firstOption.getAttribute('id'));
  const suggestion = await firstOption.textContent();
  assert.match(suggestion, /^mariu/i);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') !== null);
  await settled(page);
  assert.equal(param(page, 'q')[0], suggestion);
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.ok((await resultCount(page)) > 0);
  assert.ok((await page.locator('#hits .hit mark').count()) > 0, 'hits carry <mark> highlights');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a topic facet filters the results and the other facets recount', async () => {
  const page = await open('?q=Mariupol');
  const before = await resultCount(page);
  const langCountsBefore = await page.$$eval('[data-facet=lang] .count', (c) => c.map((x) => x.textContent));
  await page.getByLabel(new RegExp(`^${TOPIC}`)).check();
  await page.waitForURL((url) => url.searchParams.getAll('topic').includes(TOPIC));
  await settled(page);
  const after = await resultCount(page);
  assert.ok(after > 0 && after < before, `${after} results with the topic, ${before} without`);
  const langCountsAfter = await page.$$eval('[data-facet=lang] .count', (c) => c.map((x) => x.textContent));
  assert.notDeepEqual(langCountsAfter, langCountsBefore);
  assert.equal(await page.locator('#chips .chip').count(), 1);
  assert.match(await page.textContent('#chips'), new RegExp(TOPIC));
  await page.setViewportSize({ width: 1280, height: 1100 });
  await screenshot(page, 'search-results');
  await page.setViewportSize({ width: 1280, height: 900 });
  // A second topic widens the results (ORed within the facet).
  // Pinned by its value: the list re-renders after the click, and a locator
  // for "the first unchecked box" would then point at another topic.
  const secondValue = await page.locator('[data-facet=topic] input:not(:checked)').first().getAttribute('data-focus-key');
  await page.locator(`[data-facet=topic] input[data-focus-key="${secondValue}"]`).check();
  await page.waitForURL((url) => url.searchParams.getAll('topic').length === 2);
  await settled(page);
  assert.ok((await resultCount(page)) >= after);
  assert.equal(await page.locator('#chips .chip').count(), 2);
  // Removing the chips restores the unfiltered results.
  await page.locator('#chips .clear-all').click();
  await page.waitForURL((url) => url.searchParams.getAll('topic').length === 0);
  await settled(page);
  assert.equal(await resultCount(page), before);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a date range limits results to its dates', async () => {
  const page = await open('?q=Україна');
  await page.fill('#date-from', '2022-03-01');
  await page.fill('#date-to', '2022-03-31');
  await page.locator('#dates button[type=submit]').click();
  await page.waitForURL((url) => url.searchParams.get('from') === '2022-03-01');
  await settled(page);
  assert.equal(param(page, 'to')[0], '2022-03-31');
  const dates = await page.$$eval('#hits > li', (lis) => lis.map((li) => li.dataset.date));
  assert.ok(dates.length > 0);
  for (const d of dates) assert.ok(d >= '2022-03-01' && d < '2022-04', `hit dated ${d}`);
  assert.match(await page.textContent('#chips'), /2022-03-01/);
  await page.close();
});

test('a year bar of the histogram sets the date range to that year', async () => {
  const page = await open();
  const bar = page.locator('#histogram .bar', { hasText: '2013' });
  await bar.click();
  await page.waitForURL((url) => url.searchParams.get('from') === '2013-01-01');
  await settled(page);
  assert.equal(param(page, 'to')[0], '2013-12-31');
  assert.equal(await page.locator('#histogram .bar[aria-pressed=true]').count(), 1);
  const dates = await page.$$eval('#hits > li', (lis) => lis.map((li) => li.dataset.date));
  for (const d of dates) assert.ok(d.startsWith('2013'), `hit dated ${d}`);
  await page.close();
});

test('switching the interface to Ukrainian translates the page and puts Ukrainian versions first', async () => {
  const page = await open(`?topic=${encodeURIComponent(TOPIC)}`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.ok((await hitLangs(page)).includes('en'));
  assert.deepEqual(await otherVersionsShown(page, 'en'), [], 'English versions first under an English interface');
  await page.selectOption('#ui-lang', 'uk');
  await page.waitForURL((url) => url.searchParams.get('ui') === 'uk');
  await settled(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'uk');
  assert.equal(await page.textContent('label[for=q]'), 'Шукати на порталі');
  assert.match(await page.textContent('#summary'), /результат/);
  assert.ok((await hitLangs(page)).includes('uk'));
  assert.deepEqual(await otherVersionsShown(page, 'uk'), [], 'Ukrainian versions first under a Ukrainian interface');
  assert.match(await page.textContent('#hits'), /Також мовами:\s*EN/);
  await page.close();
});

test('the interface language defaults to the browser language', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['fr-FR', 'fr'] }));
  await page.goto(`${portal.url}/`);
  await settled(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.textContent('#search-form button[type=submit]'), 'Rechercher');
  await page.close();
});

test('pagination moves through pages and the back button restores earlier states', async () => {
  const page = await open('?q=Маріуполь');
  const firstPage = await hitIds(page);
  assert.equal(firstPage.length, 10);
  await page.locator('#pager a[rel=next]').click();
  await page.waitForURL((url) => url.searchParams.get('page') === '2');
  await settled(page);
  const secondPage = await hitIds(page);
  assert.ok(secondPage.length > 0);
  assert.equal(secondPage.filter((id) => firstPage.includes(id)).length, 0, 'page 2 repeats no hit of page 1');
  assert.equal(await page.getAttribute('#hits', 'start'), '11');
  assert.equal(await page.getAttribute('#pager [aria-current=page]', 'href'), '?q=%D0%9C%D0%B0%D1%80%D1%96%D1%83%D0%BF%D0%BE%D0%BB%D1%8C&page=2');
  // A new search, then back twice.
  await page.fill('#q', 'Харків');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === 'Харків');
  await settled(page);
  await page.goBack();
  await page.waitForURL((url) => url.searchParams.get('page') === '2');
  await settled(page);
  assert.equal(await page.inputValue('#q'), 'Маріуполь');
  assert.deepEqual(await hitIds(page), secondPage);
  await page.goBack();
  await page.waitForURL((url) => url.searchParams.get('page') === null);
  await settled(page);
  assert.deepEqual(await hitIds(page), firstPage);
  await page.close();
});

test('a misspelt query is corrected, a malformed one explained, one that matches nothing helped', async () => {
  const page = await open('?q=Mariupl');
  assert.match(await page.textContent('#notice'), /Showing results for mariupol/);
  assert.ok((await resultCount(page)) > 0);
  await page.goto(`${portal.url}/?q=${encodeURIComponent('"Mariupol')}`);
  await page.waitForFunction(() => document.getElementById('error').textContent !== '');
  assert.match(await page.textContent('#error'), /unbalanced quote/);
  assert.equal(await page.locator('#hits > li').count(), 0);
  await page.goto(`${portal.url}/`);
  await settled(page);
  await page.fill('#q', 'qzxwvjq');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === 'qzxwvjq');
  await settled(page);
  assert.equal(await page.locator('#hits > li').count(), 0);
  assert.match(await page.textContent('#empty'), /No results for “qzxwvjq”/);
  assert.match(await page.textContent('#empty'), /Check the spelling/);
  // With a filter, the message offers to remove it.
  await page.goto(`${portal.url}/?q=qzxwvjq&type=speech`);
  await settled(page);
  await screenshot(page, 'no-results');
  await page.locator('#empty a.remove-all').click();
  await page.waitForURL((url) => url.searchParams.getAll('type').length === 0);
  await page.close();
});

test('advanced search composes the query in the search box, every field labelled', async () => {
  const page = await open();
  await page.click('#advanced-toggle');
  assert.equal(await page.getAttribute('#advanced-toggle', 'aria-expanded'), 'true');
  const unlabelled = await page.$$eval('input, select', (els) => els
    .filter((e) => e.labels.length === 0 && !e.getAttribute('aria-label'))
    .map((e) => e.id || e.outerHTML));
  assert.deepEqual(unlabelled, [], 'every form control has a label');
  await page.fill('#adv-all', 'Маріуполь');
  await page.fill('#adv-phrase', 'гуманітарний коридор');
  await page.fill('#adv-none', 'Херсон');
  await page.fill('#adv-from', '2022-03-01');
  await page.fill('#adv-to', '2022-04-30');
  await page.locator('#adv-type option[value=speech]').waitFor({ state: 'attached' });
  await page.selectOption('#adv-type', 'speech');
  const expected = 'Маріуполь "гуманітарний коридор" -Херсон type:speech date:2022-03-01..2022-04-30';
  assert.equal(await page.inputValue('#q'), expected);
  await page.click('#advanced button[type=submit]');
  await page.waitForURL((url) => url.searchParams.get('q') === expected);
  await settled(page);
  assert.equal(await page.textContent('#error'), '');
  assert.ok((await resultCount(page)) > 0);
  const dates = await page.$$eval('#hits > li', (lis) => lis.map((li) => li.dataset.date));
  for (const d of dates) assert.ok(d >= '2022-03-01' && d < '2022-05', `hit dated ${d}`);
  await page.close();
});

test('on a phone-sized screen the filters fold behind a button', async () => {
  const page = await open('?q=Маріуполь&ui=uk', { width: 390, height: 844 });
  assert.equal(await page.isVisible('#sidebar'), false);
  assert.equal(await page.isVisible('#filters-toggle'), true);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no horizontal scrolling (${width}px wide)`);
  await screenshot(page, 'phone');
  await page.click('#filters-toggle');
  assert.equal(await page.isVisible('#sidebar'), true);
  assert.equal(await page.getAttribute('#filters-toggle', 'aria-expanded'), 'true');
  await page.close();
});
