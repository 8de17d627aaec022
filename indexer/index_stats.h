// A summary of an index for `portal-indexer stats`.
#pragma once

#include <string>

namespace portal {

// JSON object describing the index opened at `dir` (any path Xapian opens):
// {"documents", "generation", "languages": {tag: count}, "types": {...},
//  "topics": {...}, "extra_fields": {param: {value: count}}, "dated_documents",
//  "date_range": {"first", "last"} or null, "size_bytes" (all files under
//  `dir`), "spelling_words" (distinct words in the spelling table)}.
// Counts are documents per value. Throws std::runtime_error when the index
// cannot be opened.
std::string index_stats_json(const std::string& dir);

}  // namespace portal
