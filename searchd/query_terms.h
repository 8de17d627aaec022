// Query-side twin of indexer/text_indexer.h: turns the words of a query into
// Xapian queries over the terms the indexer wrote for them, with all the
// expansion a word gets: its stems in every candidate language, the
// cross-script key (lower weight) and known synonyms (lower weight).
//
// Thread-safe: pure functions over the shared, immutable analyzers, but for
// the QueryAnalyses they are given, which is one thread's.
#pragma once

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/analyzer.h"

namespace portal {

enum class QueryField { kAll, kTitle };

// Relative weights of the looser matches; an exact or stemmed match in the
// query's own script always outranks them.
inline constexpr double kNameKeyWeight = 0.3;
inline constexpr double kSynonymWeight = 0.5;

// A term a word may match, and the factor its weight is scaled by.
struct WeightedTerm {
  std::string term;
  double factor = 1.0;
};

// The languages a query's words are analysed in. A short query is ambiguous,
// so this returns every candidate its script allows: Cyrillic gives uk and
// ru (only one of them when the query has letters only it uses: і ї є ґ for
// Ukrainian, ы э ъ ё for Russian), Latin gives en and fr; a language CLD2
// reliably detects in a longer query is added. A query with no letter of
// either script (empty, digits, CJK) gets all four.
std::vector<std::string> query_languages(std::string_view query);

// The analyses of one query's words, each made once. A word is analysed to
// match it, to boost it in titles and to highlight it, in up to five
// analyzers each, and a query of several words is parsed twice (strict and
// relaxed): of the 16 analyses of a word of a two-word query, 5 differ. Not
// thread-safe: one request's, on one thread.
class QueryAnalyses {
 public:
  // analysis::analyzer_for(lang).analyze(text), made the first time.
  const std::vector<analysis::Token>& tokens(std::string_view lang, std::string_view text);
  // How the terms a word may match become one query leaf, whose weight is
  // the sum of theirs (each scaled by its factor), when told so; else each
  // term is its own leaf. Phrases keep terms, which hold positions.
  using Leaves = std::function<Xapian::Query(const std::vector<WeightedTerm>&)>;
  void set_leaves(Leaves leaves) { leaves_ = std::move(leaves); }
  const Leaves& leaves() const { return leaves_; }
  // A query built from them before, by its builder's key.
  std::optional<Xapian::Query> query(const std::string& key) const;
  void remember(std::string key, Xapian::Query query);

 private:
  std::unordered_map<std::string, std::vector<analysis::Token>> tokens_;
  std::unordered_map<std::string, Xapian::Query> queries_;
  Leaves leaves_;
};

// A query for one word (as typed; a hyphenated compound or an elided form
// counts as one word): its exact surface form or any of its stems in
// `languages` (all fields, or title only), OR its cross-script key scaled by
// kNameKeyWeight (kAll only), OR its synonyms scaled by kSynonymWeight. A
// compound also matches as the phrase of its parts. Query::MatchNothing when
// the word has no token. `analyses`, when given, holds the query's analyses
// (and word queries), taken from there and added to.
Xapian::Query word_query(std::string_view word, const std::vector<std::string>& languages,
                         QueryField field = QueryField::kAll, QueryAnalyses* analyses = nullptr);

// A query for `text` as an exact phrase (surface forms in order), analysed in
// each of `languages` (query_languages(text) when empty), any of which may
// match.
Xapian::Query phrase_query(std::string_view text, QueryField field = QueryField::kAll,
                           const std::vector<std::string>& languages = {},
                           QueryAnalyses* analyses = nullptr);

// True when `word` is a stop word in one of `languages`: a query parser
// should not require it unless the query has nothing else.
bool is_stop_word(std::string_view word, const std::vector<std::string>& languages);

}  // namespace portal
