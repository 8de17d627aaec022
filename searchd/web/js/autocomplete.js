// The search box as an ARIA combobox with a list of completions
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): typing fetches
// suggestions, arrows move through them, Enter picks, Escape closes.
// Suggestions are {text, kind}: a "term" completes the word being typed, a
// "title" is a document's title.

import { clear, el } from './dom.js';

const DELAY_MS = 120;

export class Autocomplete {
  // `fetchSuggestions(text, signal)` resolves to a list of suggestions;
  // `onPick(suggestion, value)` runs when one is chosen, `value` being the
  // box's new text.
  constructor(input, listbox, { fetchSuggestions, onPick }) {
    this.input = input;
    this.listbox = listbox;
    this.fetchSuggestions = fetchSuggestions;
    this.onPick = onPick;
    this.items = [];
    this.active = -1;
    this.timer = 0;
    this.controller = null;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', listbox.id);
    input.setAttribute('aria-expanded', 'false');
    listbox.setAttribute('role', 'listbox');
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (e) => this.onKey(e));
    input.addEventListener('blur', () => this.close());
  }

  schedule() {
    clearTimeout(this.timer);
    this.controller?.abort();
    const text = this.input.value;
    if (text.trim() === '') {
      this.close();
      return;
    }
    this.timer = setTimeout(() => this.load(text), DELAY_MS);
  }

  async load(text) {
    this.controller = new AbortController();
    try {
      const items = await this.fetchSuggestions(text, this.controller.signal);
      if (this.input.value !== text || document.activeElement !== this.input) return;
      this.show(items.filter((s) => s.text.toLowerCase() !== text.trim().toLowerCase()));
    } catch (e) {
      if (e.name !== 'AbortError') this.close();
    }
  }

  show(items) {
    this.items = items;
    this.active = -1;
    clear(this.listbox);
    items.forEach((item, i) => {
      this.listbox.append(el('li', {
        id: `${this.listbox.id}-${i}`, role: 'option', 'aria-selected': 'false', class: `suggestion-${item.kind}`,
        on: { mousedown: (e) => e.preventDefault(), click: () => this.pick(i) },
      }, el('span', { text: item.text })));
    });
    const open = items.length > 0;
    this.listbox.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    this.input.removeAttribute('aria-activedescendant');
  }

  close() {
    clearTimeout(this.timer);
    this.controller?.abort();
    this.show([]);
  }

  isOpen() {
    return this.items.length > 0;
  }

  move(delta) {
    const n = this.items.length;
    this.active = this.active < 0 && delta < 0 ? n - 1 : (this.active + delta + n) % n;
    [...this.listbox.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === this.active)));
    const option = this.listbox.children[this.active];
    this.input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  pick(i) {
    const item = this.items[i];
    const value = item.kind === 'title' ? this.input.value : completeWith(this.input.value, item.text);
    this.input.value = value;
    this.close();
    this.onPick(item, value);
  }

  onKey(e) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!this.isOpen()) {
        if (e.key === 'ArrowDown') this.schedule();
        return;
      }
      e.preventDefault();
      this.move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter' && this.isOpen() && this.active >= 0) {
      e.preventDefault();
      this.pick(this.active);
    } else if (e.key === 'Escape' && this.isOpen()) {
      e.preventDefault();
      this.close();
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      this.close();
    }
  }
}

// The box's text once `suggestion` is chosen: a suggestion that extends the
// whole text replaces it; otherwise it replaces the word being typed.
export function completeWith(text, suggestion) {
  if (suggestion.toLowerCase().startsWith(text.trim().toLowerCase())) return suggestion;
  const m = /^(.*?)(\S*)$/su.exec(text);
  return m[1] + suggestion;
}
