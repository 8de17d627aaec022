// Query-biased snippets and highlighting.
//
// Text is tokenised with the analyzer of its language (analyzers/), and a word
// is marked when its normalised form or one of its stems is among the query's,
// so inflected forms are marked too ("санкції" marks "санкцій"). Everything
// outside <mark> is HTML-escaped.
//
// Thread safety: a Highlighter is immutable after construction.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analyzers/analyzer.h"

namespace portal {

// Snippets are taken from the first this many bytes of a text.
inline constexpr size_t kMaxSnippetSource = 32 * 1024;

std::string html_escape(std::string_view text);

struct Snippet {
  std::string html;  // escaped, matches in <mark>
  std::string text;  // the same fragment as plain text
};

class Highlighter {
 public:
  // `words`: query words and phrases; `prefixes`: normalised prefixes of
  // wildcard terms.
  Highlighter(const std::vector<std::string>& words, const std::vector<std::string>& prefixes);

  // The whole `text`, escaped, with matches marked.
  std::string highlight(std::string_view text, std::string_view lang) const;
  // A fragment of at most about `max_bytes` bytes of `text` holding as many
  // different query words as possible (the start of the text when none
  // occurs), with "…" where it was cut. Only the first kMaxSnippetSource
  // bytes are considered.
  Snippet snippet(std::string_view text, std::string_view lang, size_t max_bytes) const;

 private:
  struct Match {
    size_t start, end;
    std::string key;  // what matched, to count distinct words
  };
  std::vector<Match> matches(const std::vector<analysis::Token>& tokens) const;
  static std::string render(std::string_view text, size_t begin, size_t end,
                            const std::vector<Match>& m, bool html);

  std::unordered_set<std::string> terms_, stems_;
  std::vector<std::string> prefixes_;
};

}  // namespace portal
