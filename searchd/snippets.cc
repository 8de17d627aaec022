#include "searchd/snippets.h"

#include <algorithm>
#include <set>

#include "analyzers/analyzer.h"
#include "searchd/query_terms.h"

namespace portal {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

Highlighter::Highlighter(const std::vector<std::string>& words,
                         const std::vector<std::string>& prefixes)
    : prefixes_(prefixes) {
  auto languages = query_languages("");
  for (const auto& w : words) {
    for (const auto& t : analysis::analyzer_for("").analyze(w))
      if (!t.stop) terms_.insert(t.term);
    for (const auto& lang : languages)
      for (const auto& t : analysis::analyzer_for(lang).analyze(w))
        if (!t.stop) stems_.insert(t.stems.begin(), t.stems.end());
  }
}

std::vector<Highlighter::Match> Highlighter::matches(
    const std::vector<analysis::Token>& tokens) const {
  std::vector<Match> out;
  if (terms_.empty() && prefixes_.empty()) return out;
  for (const auto& t : tokens) {
    if (t.stop) continue;
    const std::string* key = nullptr;
    if (terms_.count(t.term)) key = &t.term;
    for (const auto& s : t.stems)
      if (!key && stems_.count(s)) key = &s;
    for (const auto& p : prefixes_)
      if (!key && t.term.starts_with(p)) key = &p;
    if (!key) continue;
    if (!out.empty() && out.back().end > t.start) continue;  // parts of one word
    out.push_back({t.start, t.end, *key});
  }
  return out;
}

std::string Highlighter::render(std::string_view text, size_t begin, size_t end,
                                const std::vector<Match>& m, bool html) {
  std::string out;
  size_t at = begin;
  for (const auto& match : m) {
    if (match.start < begin || match.end > end) continue;
    if (html) {
      out += html_escape(text.substr(at, match.start - at));
      out += "<mark>" + html_escape(text.substr(match.start, match.end - match.start)) + "</mark>";
    } else {
      out += text.substr(at, match.end - at);
    }
    at = match.end;
  }
  out += html ? html_escape(text.substr(at, end - at)) : std::string(text.substr(at, end - at));
  return out;
}

std::string Highlighter::highlight(std::string_view text, std::string_view lang) const {
  if (terms_.empty() && prefixes_.empty()) return html_escape(text);
  return render(text, 0, text.size(), matches(analysis::analyzer_for(lang).analyze(text)), true);
}

Snippet Highlighter::snippet(std::string_view text, std::string_view lang, size_t max_bytes) const {
  if (text.size() > kMaxSnippetSource) {
    size_t cut = kMaxSnippetSource;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  std::vector<analysis::Token> tokens;
  if (terms_.empty() && prefixes_.empty()) {
    // Only the cut point is needed: analyse just past the snippet length.
    size_t cut = std::min(text.size(), max_bytes + 64);
    while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
    analysis::analyzer_for(lang).analyze(text.substr(0, cut), tokens);
  } else {
    analysis::analyzer_for(lang).analyze(text, tokens);
  }
  auto m = matches(tokens);
  // Candidate windows start a few words before each match.
  size_t best_begin = 0, best_distinct = 0, best_total = 0;
  for (size_t i = 0; i < m.size(); ++i) {
    auto it = std::lower_bound(tokens.begin(), tokens.end(), m[i].start,
                               [](const analysis::Token& t, size_t s) { return t.start < s; });
    size_t idx = static_cast<size_t>(it - tokens.begin());
    size_t begin = tokens.empty() ? 0 : tokens[idx >= 4 ? idx - 4 : 0].start;
    if (idx < 4) begin = 0;
    std::set<std::string> distinct;
    size_t total = 0;
    for (size_t j = i; j < m.size() && m[j].end <= begin + max_bytes; ++j) {
      distinct.insert(m[j].key);
      ++total;
    }
    if (distinct.size() > best_distinct ||
        (distinct.size() == best_distinct && total > best_total)) {
      best_begin = begin;
      best_distinct = distinct.size();
      best_total = total;
    }
  }
  size_t end = text.size();
  if (end > best_begin + max_bytes) {
    end = best_begin;
    for (const auto& t : tokens) {
      if (t.start < best_begin) continue;
      if (t.end > best_begin + max_bytes) break;
      end = t.end;
    }
    if (end == best_begin) end = std::min(text.size(), best_begin + max_bytes);
    // Never cut inside a UTF-8 sequence.
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  }
  Snippet s;
  std::string lead = best_begin > 0 ? "…" : "", tail = end < text.size() ? "…" : "";
  s.html = lead + render(text, best_begin, end, m, true) + tail;
  s.text = lead + render(text, best_begin, end, m, false) + tail;
  return s;
}

}  // namespace portal
