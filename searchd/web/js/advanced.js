// Advanced search: form fields composed into the query syntax, so that the
// query shown in the search box teaches the syntax
// (words, "phrase", (a OR b), -word, title:, type:, topic:, date:from..to).

function words(text) {
  return String(text || '').replace(/["()]/g, ' ').split(/\s+/).filter(Boolean);
}

// A field value as a query term: quoted when it holds spaces.
function quoted(value) {
  return /\s/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}

// `fields`: { all, phrase, any, none, titleOnly, from, to, type, topic }.
export function composeQuery(fields) {
  const field = fields.titleOnly ? 'title:' : '';
  const parts = [];
  for (const w of words(fields.all)) parts.push(field + w);
  const phrase = String(fields.phrase || '').replace(/"/g, '').trim();
  if (phrase) parts.push(`${field}"${phrase}"`);
  const any = words(fields.any).map((w) => field + w);
  if (any.length === 1) parts.push(any[0]);
  if (any.length > 1) parts.push(`(${any.join(' OR ')})`);
  for (const w of words(fields.none)) parts.push(`-${w}`);
  if (fields.type) parts.push(`type:${quoted(fields.type)}`);
  if (fields.topic) parts.push(`topic:${quoted(fields.topic)}`);
  if (fields.from || fields.to) parts.push(`date:${fields.from || ''}..${fields.to || ''}`);
  return parts.join(' ');
}

// Wires the advanced form: every change writes the composed query into
// `queryInput`; submitting calls `onSubmit(query)`.
export function bindAdvancedForm(form, queryInput, onSubmit) {
  const read = () => {
    const data = new FormData(form);
    return composeQuery({
      all: data.get('all'), phrase: data.get('phrase'), any: data.get('any'), none: data.get('none'),
      titleOnly: data.get('title_only') === 'on', from: data.get('from'), to: data.get('to'),
      type: data.get('type'), topic: data.get('topic'),
    });
  };
  form.addEventListener('input', () => { queryInput.value = read(); });
  form.addEventListener('change', () => { queryInput.value = read(); });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onSubmit(read());
  });
  form.addEventListener('reset', () => setTimeout(() => { queryInput.value = read(); }));
}

// Fills a <select> with `values` after its first ("any") option, keeping the
// current choice.
export function fillSelect(select, values, label = (v) => v) {
  const keep = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const v of values) select.add(new Option(label(v), v));
  select.value = values.includes(keep) ? keep : '';
}
