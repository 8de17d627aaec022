// The page's own words in the four interface languages, and formatting helpers.
// Every string the page shows is looked up here; results are left as they are.

import en from './strings/en.js';
import fr from './strings/fr.js';
import ru from './strings/ru.js';
import uk from './strings/uk.js';

export const UI_LANGS = ['en', 'fr', 'ru', 'uk'];

// Each interface language named in itself, for the language switch.
export const NATIVE_NAMES = { en: 'English', fr: 'Français', ru: 'Русский', uk: 'Українська' };

const STRINGS = { en, fr, ru, uk };

let current = 'en';

// The interface language to start with: the URL's choice, else the browser's.
export function pickUiLang(requested, navigatorLanguages) {
  for (const tag of [requested, ...(navigatorLanguages || [])]) {
    const base = String(tag || '').toLowerCase().split('-')[0];
    if (UI_LANGS.includes(base)) return base;
  }
  return 'en';
}

export function setUiLang(lang) {
  current = UI_LANGS.includes(lang) ? lang : 'en';
}

export function uiLang() {
  return current;
}

// The string `key` with {name} placeholders filled from `vars`.
export function t(key, vars = {}) {
  const s = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return String(s).replace(/\{(\w+)\}/g, (_, name) => (name in vars ? vars[name] : `{${name}}`));
}

// A count with the plural form the interface language asks for.
export function tCount(key, n) {
  const forms = STRINGS[current][key];
  const rule = new Intl.PluralRules(current).select(n);
  const form = forms[rule] ?? forms.other;
  return form.replace('{n}', formatNumber(n));
}

export function formatNumber(n) {
  return new Intl.NumberFormat(current).format(n);
}

// "2022-03-01T10:00:00" → a date in the interface language; unparsable input is returned as is.
export function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  if (!m) return iso || '';
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return new Intl.DateTimeFormat(current, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
}

// "2022-03" → "Mar 2022" (short month name in the interface language).
export function formatMonth(yearMonth) {
  const m = /^(\d{4})-(\d{2})/.exec(yearMonth || '');
  if (!m) return yearMonth || '';
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, 1));
  return new Intl.DateTimeFormat(current, { month: 'short', timeZone: 'UTC' }).format(d);
}

export function langName(code) {
  return STRINGS[current].langNames[code] ?? code;
}

export function typeName(type) {
  return STRINGS[current].typeNames[type] ?? type;
}

// Fills every element marked data-i18n (text), data-i18n-placeholder and
// data-i18n-aria-label in `root`.
export function translatePage(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  document.documentElement.lang = current;
  document.title = t('pageTitle');
}
