// Query-side twin of indexer/text_indexer.h: turns the words of a query into
// Xapian queries over the terms the indexer wrote for them, with all the
// expansion a word gets: its stems in every candidate language, the
// cross-script key (lower weight) and known synonyms (lower weight).
//
// Thread-safe: pure functions over the shared, immutable analyzers.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace portal {

enum class QueryField { kAll, kTitle };

// Relative weights of the looser matches; an exact or stemmed match in the
// query's own script always outranks them.
inline constexpr double kNameKeyWeight = 0.3;
inline constexpr double kSynonymWeight = 0.5;

// The languages a query's words are analysed in. A short query is ambiguous,
// so this returns every candidate its script allows: Cyrillic gives uk and
// ru (only one of them when the query has letters only it uses: і ї є ґ for
// Ukrainian, ы э ъ ё for Russian), Latin gives en and fr; a language CLD2
// reliably detects in a longer query is added. A query with no letter of
// either script (empty, digits, CJK) gets all four.
std::vector<std::string> query_languages(std::string_view query);

// A query for one word (as typed; a hyphenated compound or an elided form
// counts as one word): its exact surface form or any of its stems in
// `languages` (all fields, or title only), OR its cross-script key scaled by
// kNameKeyWeight (kAll only), OR its synonyms scaled by kSynonymWeight. A
// compound also matches as the phrase of its parts. Query::MatchNothing when
// the word has no token.
Xapian::Query word_query(std::string_view word, const std::vector<std::string>& languages,
                         QueryField field = QueryField::kAll);

// A query for `text` as an exact phrase (surface forms in order), analysed in
// each of `languages` (query_languages(text) when empty), any of which may
// match.
Xapian::Query phrase_query(std::string_view text, QueryField field = QueryField::kAll,
                           const std::vector<std::string>& languages = {});

// True when `word` is a stop word in one of `languages`: a query parser
// should not require it unless the query has nothing else.
bool is_stop_word(std::string_view word, const std::vector<std::string>& languages);

}  // namespace portal
