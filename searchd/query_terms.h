// Query-side twin of indexer/text_indexer.h: turns the words of a query into
// Xapian queries over the terms the indexer wrote for them.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace portal {

enum class QueryField { kAll, kTitle };

// The languages a query's words are analysed in: a short query is ambiguous,
// so it is expanded for every candidate language its script allows.
std::vector<std::string> query_languages(std::string_view query);

// A query for one word: its exact form, or any of its stems in `languages`.
Xapian::Query word_query(std::string_view word, const std::vector<std::string>& languages,
                         QueryField field = QueryField::kAll);

// A query for `text` as an exact phrase (surface forms in order).
Xapian::Query phrase_query(std::string_view text, QueryField field = QueryField::kAll);

}  // namespace portal
