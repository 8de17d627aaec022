// Query-biased snippets and highlighting.
//
// Text is tokenised with the analyzer of its language (analyzers/), and a word
// is marked when its normalised form or one of its stems is among the query's,
// so inflected forms are marked too ("санкції" marks "санкцій"). Everything
// outside <mark> is HTML-escaped.
//
// Each distinct word of the texts (as written, per language) is looked up
// once per Highlighter: the words of a page of hits repeat a lot. What
// matching needs of its normalised form (a WordForms record) is kept
// process-wide (bounded), as words repeat from request to request too.
//
// Thread safety: a Highlighter serves one request, on one thread (it
// remembers the words it has seen).
#pragma once

#include <bitset>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "analyzers/analyzer.h"
#include "analyzers/first_letter.h"
#include "searchd/query_terms.h"
#include "searchd/word_forms.h"

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
  // wildcard terms; `analyses`: the query's analyses made so far, if any
  // (ParsedQuery::analyses), taken from there and added to.
  Highlighter(const std::vector<std::string>& words, const std::vector<std::string>& prefixes,
              std::shared_ptr<QueryAnalyses> analyses = nullptr);

  // The whole `text`, escaped, with matches marked.
  std::string highlight(std::string_view text, std::string_view lang) const;
  // The same, with `analyzer` (of the text's language) instead of the one
  // registered for a language tag.
  std::string highlight(std::string_view text, const analysis::Analyzer& analyzer) const;
  // A fragment of at most about `max_bytes` bytes of `text` holding as many
  // different query words as possible (the start of the text when none
  // occurs), with "…" where it was cut; or, when the query words met are
  // apart and two fragments of half the length hold more of them, those
  // two, joined by " … ". Only the first kMaxSnippetSource bytes are
  // considered, and the text is analysed piece by piece (text_piece_end in
  // indexer/stored_data.h), each piece in steps of about 512 bytes, only
  // until every query word has been met, together or apart: a window holding
  // them all further on, even within the same piece, is not looked for. With
  // `more`, `text` is only the start of the text, and more()
  // gives what follows when it is needed, or an empty string at its end,
  // each part ending where a piece does (a long body stored apart).
  Snippet snippet(std::string_view text, std::string_view lang, size_t max_bytes,
                  const std::function<std::string()>& more = nullptr) const;

 private:
  struct Match {
    size_t start, end;
    size_t unit;  // the query word or prefix that matched, to count distinct ones
  };
  struct Window {
    size_t begin = 0, distinct = 0, total = 0;
  };
  // The query word or prefix a normalised word matches, if any: from its
  // token, or from its record (when no prefix is longer than
  // WordForms::kHead).
  std::optional<size_t> unit_of(const analysis::Token& t) const;
  std::optional<size_t> unit_of(const WordForms& f) const;
  // The query word whose form is `term` or one of whose stems is among
  // `stems`, if any.
  std::optional<size_t> word_unit(uint64_t term, const uint64_t* stems, size_t n) const;
  // How many units a text in `lang` can show: not a query word that is only
  // a stop word there, which is never marked (a snippet would otherwise read
  // the whole text looking for it).
  size_t wanted(std::string_view lang) const;
  // Appends the matches among words[from..] to `out`: `words` are the words
  // of `text` (Analyzer::words).
  void matches(std::string_view text, const analysis::Analyzer& analyzer,
               const std::vector<analysis::WordSpan>& words, size_t from,
               std::vector<Match>& out) const;
  struct Fragment {
    size_t begin, end;
  };
  // Where a window holding the match at `at` starts: a few words before it.
  static size_t window_begin(const std::vector<analysis::WordSpan>& words, size_t at);
  Window best_window(const std::vector<analysis::WordSpan>& words, const std::vector<Match>& m,
                     size_t max_bytes) const;
  // The fragments a snippet shows, in text order: the window of at most
  // `max_bytes` holding the most different query words, or two of half the
  // length when they hold more; fragment_end(begin, bytes) tells where one
  // ends, and may analyse more of the text first, adding to `words` and `m`.
  std::vector<Fragment> choose_fragments(
      const std::vector<analysis::WordSpan>& words, const std::vector<Match>& m, size_t max_bytes,
      const std::function<size_t(size_t, size_t)>& fragment_end) const;
  static std::string render(std::string_view text, size_t begin, size_t end,
                            const std::vector<Match>& m, bool html);

  // Whether `hash` (of a normalised form or stem) may be one of the
  // query's: most words of a text are not, and this tells most of them
  // apart by six bits of the hash.
  bool may_match(uint64_t hash) const { return hash_bits_ >> (hash >> 58) & 1; }
  using TermMap = absl::flat_hash_map<uint64_t, size_t>;
  void add_term(TermMap& to, const std::string& term, size_t i, std::vector<bool>& can_match);

  // Normalised forms and stems of the query words (their form_hash), each
  // to its word's index; prefixes count as units after the words.
  TermMap terms_, stems_;
  uint64_t hash_bits_ = 0;  // bit n: some key of terms_ or stems_ has n as its top six bits
  // The first-letter keys (analysis::first_letter_key) of the query's forms,
  // stems and prefixes: a word of a text whose key is none of them matches
  // none, and is not looked up. Off when one of them has no key.
  std::bitset<analysis::kFirstLetterKeys> letters_;
  bool by_letter_ = true;
  void add_letter(std::string_view form);
  std::vector<std::string> prefixes_;
  // Some prefix is longer than WordForms::kHead: words are matched from
  // their tokens, not from the process-wide records.
  bool long_prefix_ = false;
  size_t words_ = 0;                    // query words; prefix p is unit words_ + p
  size_t units_ = 0;                    // words and prefixes that can match at all
  std::vector<std::string> matchable_;  // the query words that can
  std::shared_ptr<QueryAnalyses> analyses_;
  mutable std::unordered_map<std::string, size_t> wanted_;  // by language
  // Words met so far (a hash of language, compound flag and the word as
  // written) to the unit they match, or -1; within matches(), a word met
  // for the first time is pending (-2 - its index among the new words)
  // until its record is read.
  mutable absl::flat_hash_map<size_t, long> seen_;
  // matches()'s working vectors, kept to spare their allocations.
  struct Scratch {
    std::vector<long> unit;
    std::vector<size_t> first_at, keys;
    std::vector<long> resolved;
    std::vector<bool> known;
    std::vector<analysis::Token> fresh;
    std::vector<size_t> fresh_at;
  };
  mutable Scratch scratch_;
};

}  // namespace portal
