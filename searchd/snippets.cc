#include "searchd/snippets.h"

#include <algorithm>
#include <optional>
#include <set>

#include <xxhash.h>

#include "analyzers/analyzer.h"
#include "analyzers/bounded_cache.h"
#include "indexer/stored_data.h"
#include "searchd/query_terms.h"

namespace portal {

namespace {

// `text`, HTML-escaped, appended to `out`.
void append_escaped(std::string& out, std::string_view text) {
  // Runs of characters that need no escaping are copied whole.
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string_view entity;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&#39;";
        break;
      default:
        continue;
    }
    out.append(text.data() + run, i - run);
    out += entity;
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

// A piece of text is analysed in steps of about this many bytes, up to the
// step where the last query word is met: the rest of a long piece (up to
// 16 KB) is not looked into. Smaller steps cost more in calls than they
// save in words.
constexpr size_t kReadStepBytes = 512;

// Between the two fragments of a snippet.
constexpr std::string_view kFragmentSeparator = " … ";

// `at` moved forward to the start of a UTF-8 sequence.
size_t char_boundary(std::string_view text, size_t at) {
  while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  return at;
}

// The first of `words` (in text order) that starts at or after `at`.
std::vector<analysis::WordSpan>::const_iterator first_word_from(
    const std::vector<analysis::WordSpan>& words, size_t at) {
  return std::lower_bound(words.begin(), words.end(), at,
                          [](const analysis::WordSpan& w, size_t s) { return w.start < s; });
}

// The records of normalised words met by any highlighter, by the key of
// Highlighter::matches(): the words of hits repeat from request to request
// as within one. About 6 MB when full.
analysis::BoundedCache<size_t, WordForms>& normalized_words() {
  static analysis::BoundedCache<size_t, WordForms> words(100'000);
  return words;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_escaped(out, text);
  return out;
}

Highlighter::Highlighter(const std::vector<std::string>& words,
                         const std::vector<std::string>& prefixes,
                         std::shared_ptr<QueryAnalyses> analyses)
    : prefixes_(prefixes), words_(words.size()), analyses_(std::move(analyses)) {
  if (!analyses_ && !words.empty()) analyses_ = std::make_shared<QueryAnalyses>();
  auto languages = query_languages("");
  std::vector<bool> can_match(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    for (const auto& t : analyses_->tokens("", words[i]))
      if (!t.stop) add_term(terms_, t.term, i, can_match);
    for (const auto& lang : languages)
      for (const auto& t : analyses_->tokens(lang, words[i]))
        if (!t.stop)
          for (const auto& stem : t.stems) add_term(stems_, stem, i, can_match);
  }
  for (size_t i = 0; i < words.size(); ++i)
    if (can_match[i]) matchable_.push_back(words[i]);
  for (const auto& p : prefixes_) add_letter(p);
  long_prefix_ = std::any_of(prefixes_.begin(), prefixes_.end(),
                             [](const auto& p) { return p.size() > WordForms::kHead; });
  units_ = matchable_.size() + prefixes_.size();
  if (units_ > 0) seen_.reserve(1024);  // about the distinct words of a page of hits
}

void Highlighter::add_term(TermMap& to, const std::string& term, size_t i,
                           std::vector<bool>& can_match) {
  if (term.empty()) return;
  const uint64_t hash = form_hash(term);
  if (!to.emplace(hash, i).second) return;
  can_match[i] = true;
  hash_bits_ |= uint64_t{1} << (hash >> 58);
  add_letter(term);
}

void Highlighter::add_letter(std::string_view form) {
  if (const uint32_t key = analysis::first_letter_key(form)) {
    letters_.set(key);
  } else {
    by_letter_ = false;
  }
}

size_t Highlighter::wanted(std::string_view lang) const {
  if (auto it = wanted_.find(std::string(lang)); it != wanted_.end()) return it->second;
  size_t n = prefixes_.size();
  for (const auto& word : matchable_) {
    const auto& tokens = analyses_->tokens(lang, word);
    if (std::any_of(tokens.begin(), tokens.end(), [](const auto& t) { return !t.stop; })) ++n;
  }
  wanted_.emplace(std::string(lang), n);
  return n;
}

std::optional<size_t> Highlighter::word_unit(uint64_t term, const uint64_t* stems, size_t n) const {
  if (may_match(term))
    if (auto it = terms_.find(term); it != terms_.end()) return it->second;
  for (size_t i = 0; i < n; ++i)
    if (may_match(stems[i]))
      if (auto it = stems_.find(stems[i]); it != stems_.end()) return it->second;
  return std::nullopt;
}

std::optional<size_t> Highlighter::unit_of(const analysis::Token& t) const {
  if (t.stop || t.term.empty()) return std::nullopt;
  std::vector<uint64_t> stems;
  for (const auto& s : t.stems)
    if (!s.empty()) stems.push_back(form_hash(s));
  if (auto u = word_unit(form_hash(t.term), stems.data(), stems.size())) return u;
  for (size_t p = 0; p < prefixes_.size(); ++p)
    if (t.term.starts_with(prefixes_[p])) return words_ + p;
  return std::nullopt;
}

std::optional<size_t> Highlighter::unit_of(const WordForms& f) const {
  if (f.stop || f.size == 0) return std::nullopt;
  if (auto u = word_unit(f.term, f.stems.data(), f.stem_count)) return u;
  for (size_t p = 0; p < prefixes_.size(); ++p)
    if (f.starts_with(prefixes_[p])) return words_ + p;
  return std::nullopt;
}

void Highlighter::matches(std::string_view text, const analysis::Analyzer& analyzer,
                          const std::vector<analysis::WordSpan>& words, size_t from,
                          std::vector<Match>& out) const {
  if (units_ == 0 || from >= words.size()) return;
  // A word is looked up only the first time this highlighter meets it as
  // written, in this language, and normalised (folded, stemmed) only the
  // first time any highlighter does. Words are told apart by a 64-bit hash: a
  // collision could at worst mark a wrong word.
  const uint64_t salt = form_hash(analyzer.language());
  auto key_of = [&](const analysis::WordSpan& w) {
    return XXH3_64bits_withSeed(text.data() + w.start, w.end - w.start, salt) ^
           (w.compound ? 1 : 0);
  };
  // The working vectors are the highlighter's, kept from call to call.
  // unit[i]: the unit of words[from + i] (-1: none), or for a word met for
  // the first time, -2 - k where k is its index among the new words, which
  // are resolved below. A new word is entered in seen_ at once, as pending
  // (-2 - k), so that its repetitions find it there.
  Scratch& s = scratch_;
  std::vector<long>&unit = s.unit, &resolved = s.resolved;
  std::vector<size_t>&first_at = s.first_at, &keys = s.keys, &fresh_at = s.fresh_at;
  std::vector<bool>& known = s.known;
  std::vector<analysis::Token>& fresh = s.fresh;
  unit.assign(words.size() - from, 0);
  first_at.clear();  // the first occurrence of each new word
  keys.clear();      // the key of each new word
  // Pending entries must not outlive this call.
  struct Pending {
    absl::flat_hash_map<size_t, long>& seen;
    const std::vector<size_t>& keys;
    bool resolved = false;
    ~Pending() {
      if (!resolved)
        for (size_t key : keys) seen.erase(key);
    }
  } pending{seen_, keys};
  const auto& letters = analysis::first_letter_table();
  for (size_t i = from; i < words.size(); ++i) {
    // Most words do not start as any query form does (tests/analyzers/
    // first_letter_test.cc: nor do their normalised forms and stems).
    const auto& w = words[i];
    if (by_letter_ && !w.compound) {
      const uint32_t letter = letters.key(text.substr(w.start, w.end - w.start));
      if (letter != 0 && !letters_.test(letter)) {
        unit[i - from] = -1;
        continue;
      }
    }
    auto [it, is_new] = seen_.try_emplace(key_of(w), -2 - static_cast<long>(keys.size()));
    if (is_new) {
      first_at.push_back(i);
      keys.push_back(it->first);
    }
    unit[i - from] = it->second;
  }
  // Words met in earlier requests have their records already; the others
  // are normalised together, and their records remembered.
  resolved.assign(keys.size(), -1L);
  auto set = [&](size_t k, std::optional<size_t> u) {
    resolved[k] = u ? static_cast<long>(*u) : -1L;
  };
  known.assign(keys.size(), false);
  auto& normalized = normalized_words();
  if (!long_prefix_) {
    normalized.find_each(keys, [&](size_t k, const WordForms& f) {
      known[k] = true;
      set(k, unit_of(f));
    });
  }
  fresh.clear();
  fresh_at.clear();
  for (size_t k = 0; k < keys.size(); ++k)
    if (!known[k]) {
      fresh.push_back(analyzer.raw_token(text, words[first_at[k]]));
      fresh_at.push_back(k);
    }
  analyzer.normalize(text, fresh);
  std::vector<size_t> record_keys;
  std::vector<WordForms> records;
  for (size_t i = 0; i < fresh.size(); ++i) {
    set(fresh_at[i], unit_of(fresh[i]));
    if (auto f = WordForms::of(fresh[i])) {
      record_keys.push_back(keys[fresh_at[i]]);
      records.push_back(*f);
    }
  }
  if (!records.empty()) normalized.insert_each(record_keys, records);
  for (size_t k = 0; k < keys.size(); ++k) seen_[keys[k]] = resolved[k];
  pending.resolved = true;
  for (size_t i = from; i < words.size(); ++i) {
    long u = unit[i - from];
    if (u <= -2) u = resolved[static_cast<size_t>(-2 - u)];
    if (u < 0) continue;
    const auto& w = words[i];
    if (!out.empty() && out.back().end > w.start) continue;  // parts of one word
    out.push_back({w.start, w.end, static_cast<size_t>(u)});
  }
}

size_t Highlighter::window_begin(const std::vector<analysis::WordSpan>& words, size_t at) {
  const auto idx = static_cast<size_t>(first_word_from(words, at) - words.begin());
  return idx < 4 ? 0 : words[idx - 4].start;
}

Highlighter::Window Highlighter::best_window(const std::vector<analysis::WordSpan>& words,
                                             const std::vector<Match>& m, size_t max_bytes) const {
  // Candidate windows start a few words before each match.
  Window best;
  for (size_t i = 0; i < m.size(); ++i) {
    size_t begin = window_begin(words, m[i].start);
    std::set<size_t> distinct;
    size_t total = 0;
    for (size_t j = i; j < m.size() && m[j].end <= begin + max_bytes; ++j) {
      distinct.insert(m[j].unit);
      ++total;
    }
    if (distinct.size() > best.distinct || (distinct.size() == best.distinct && total > best.total))
      best = {begin, distinct.size(), total};
  }
  return best;
}

std::string Highlighter::render(std::string_view text, size_t begin, size_t end,
                                const std::vector<Match>& m, bool html) {
  std::string out;
  out.reserve(end - begin + (html ? 64 : 0));
  size_t at = begin;
  for (const auto& match : m) {
    if (match.start < begin || match.end > end) continue;
    if (html) {
      append_escaped(out, text.substr(at, match.start - at));
      out += "<mark>";
      append_escaped(out, text.substr(match.start, match.end - match.start));
      out += "</mark>";
    } else {
      out += text.substr(at, match.end - at);
    }
    at = match.end;
  }
  if (html) {
    append_escaped(out, text.substr(at, end - at));
  } else {
    out += text.substr(at, end - at);
  }
  return out;
}

std::string Highlighter::highlight(std::string_view text, std::string_view lang) const {
  return highlight(text, analysis::analyzer_for(lang));
}

std::string Highlighter::highlight(std::string_view text,
                                   const analysis::Analyzer& analyzer) const {
  if (units_ == 0) return html_escape(text);
  std::vector<analysis::WordSpan> words;
  analyzer.words(text, words);
  std::vector<Match> m;
  matches(text, analyzer, words, 0, m);
  return render(text, 0, text.size(), m, true);
}

Snippet Highlighter::snippet(std::string_view text, std::string_view lang, size_t max_bytes,
                             const std::function<std::string()>& more) const {
  std::string grown;                         // text and what more() gave
  bool cut_short = static_cast<bool>(more);  // `text` is only the start
  auto cut = [&] {
    if (text.size() <= kMaxSnippetSource) return;
    size_t at = kMaxSnippetSource;
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    text = text.substr(0, at);
    cut_short = false;
  };
  // Appends what follows; false when nothing does.
  auto read_more = [&] {
    if (!cut_short) return false;
    std::string next = more();
    if (next.empty()) {
      cut_short = false;
      return false;
    }
    if (grown.data() != text.data()) grown.assign(text);
    grown += next;
    text = grown;
    cut();
    return true;
  };
  cut();
  const auto& analyzer = analysis::analyzer_for(lang);
  std::vector<analysis::WordSpan> words;
  std::vector<Match> m;
  size_t analysed = 0;  // words and matches are known up to here
  // Analyses text[analysed, end).
  auto analyse = [&](size_t end) {
    const size_t first = words.size();
    const uint32_t position = words.empty() ? 0 : words.back().position + 1;
    analyzer.words(text.substr(analysed, end - analysed), words, position);
    for (size_t i = first; i < words.size(); ++i) {
      words[i].start += static_cast<uint32_t>(analysed);
      words[i].end += static_cast<uint32_t>(analysed);
    }
    matches(text, analyzer, words, first, m);
    analysed = end;
  };
  if (units_ == 0) {
    // Only the cut point is needed: analyse just past the snippet length.
    while (text.size() < max_bytes + 64 && read_more()) {
    }
    analyzer.words(text.substr(0, char_boundary(text, std::min(text.size(), max_bytes + 64))),
                   words);
  } else {
    // Piece by piece, until every query word the text can show has been met
    // (together or apart) or the text ends; the pieces are those a long
    // body is stored in, the same whether it is read whole or in sections.
    const size_t units = wanted(lang);
    std::vector<bool> met(words_ + prefixes_.size());
    size_t met_count = 0;
    for (size_t piece = kFirstPieceBytes; met_count < units; piece *= 2) {
      while (analysed >= text.size())
        if (!read_more()) break;
      if (analysed >= text.size()) break;
      // The piece in steps, up to the one where the last word is met.
      const std::string_view upto_piece_end = text.substr(0, text_piece_end(text, analysed, piece));
      while (analysed < upto_piece_end.size() && met_count < units) {
        const size_t first_match = m.size();
        analyse(text_piece_end(upto_piece_end, analysed, kReadStepBytes));
        for (size_t i = first_match; i < m.size(); ++i)
          if (!met[m[i].unit]) {
            met[m[i].unit] = true;
            ++met_count;
          }
      }
    }
  }
  // Where a fragment of at most `bytes` from `begin` ends, as in the whole
  // text: the text must go past it, and its words be known (analysed now,
  // their matches marked, where the reading stopped short of its end).
  auto fragment_end = [&](size_t begin, size_t bytes) {
    while (text.size() <= begin + bytes && read_more()) {
    }
    if (units_ > 0 && analysed < std::min(text.size(), begin + bytes))
      analyse(text_piece_end(text, analysed, begin + bytes - analysed));
    size_t end = text.size();
    if (end > begin + bytes) {
      end = begin;
      for (auto w = first_word_from(words, begin); w != words.end() && w->end <= begin + bytes; ++w)
        end = w->end;
      if (end == begin) end = std::min(text.size(), begin + bytes);
      end = char_boundary(text, end);  // never inside a UTF-8 sequence
    }
    return end;
  };
  const std::vector<Fragment> fragments = choose_fragments(words, m, max_bytes, fragment_end);
  Snippet s;
  for (size_t k = 0; k < fragments.size(); ++k) {
    const auto& f = fragments[k];
    std::string_view lead = k > 0 ? kFragmentSeparator : f.begin > 0 ? "…" : "";
    s.html.append(lead).append(render(text, f.begin, f.end, m, true));
    s.text.append(lead).append(render(text, f.begin, f.end, m, false));
  }
  if (fragments.back().end < text.size() || cut_short) {
    s.html += "…";
    s.text += "…";
  }
  return s;
}

std::vector<Highlighter::Fragment> Highlighter::choose_fragments(
    const std::vector<analysis::WordSpan>& words, const std::vector<Match>& m, size_t max_bytes,
    const std::function<size_t(size_t, size_t)>& fragment_end) const {
  const Window best = best_window(words, m, max_bytes);
  std::set<size_t> all;
  for (const auto& match : m) all.insert(match.unit);
  if (best.distinct < all.size() && max_bytes > 4 * kFragmentSeparator.size()) {
    // The words met are apart: two fragments of half the length (the
    // separator's bytes left out), the first holding most of them, the
    // second before or after it the most of the others.
    const size_t half = (max_bytes - kFragmentSeparator.size()) / 2;
    const Window a = best_window(words, m, half);
    const Fragment first{a.begin, fragment_end(a.begin, half)};
    std::set<size_t> in_first;
    for (const auto& match : m)
      if (match.start >= first.begin && match.end <= first.end) in_first.insert(match.unit);
    std::optional<Fragment> second;
    size_t second_new = 0, second_total = 0;
    for (size_t i = 0; i < m.size(); ++i) {
      if (in_first.count(m[i].unit)) continue;  // starts at a word the first lacks
      const bool after = m[i].start >= first.end;
      if (!after && m[i].end > first.begin) continue;
      size_t begin = window_begin(words, m[i].start);
      if (after) begin = std::max(begin, first.end);
      size_t end = fragment_end(begin, half);
      if (!after) end = std::min(end, first.begin);
      // The matches within it (they are in text order).
      std::set<size_t> fresh;
      size_t total = 0;
      auto j = std::lower_bound(m.begin(), m.end(), begin,
                                [](const Match& x, size_t at) { return x.start < at; });
      for (; j != m.end() && j->end <= end; ++j) {
        ++total;
        if (!in_first.count(j->unit)) fresh.insert(j->unit);
      }
      if (fresh.size() > second_new || (fresh.size() == second_new && total > second_total)) {
        second = Fragment{begin, end};
        second_new = fresh.size();
        second_total = total;
      }
    }
    if (second && in_first.size() + second_new > best.distinct) {
      Fragment before = *second, after = first;
      if (first.begin < second->begin) std::swap(before, after);
      // Side by side, with no word between them, they are one.
      auto next = first_word_from(words, before.end);
      if (next == words.end() || next->start >= after.begin) return {{before.begin, after.end}};
      return {before, after};
    }
  }
  return {{best.begin, fragment_end(best.begin, max_bytes)}};
}

}  // namespace portal
