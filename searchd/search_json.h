// The JSON of search results (GET /api/v1/search, /api/v1/similar),
// written straight from the results with RapidJSON's writer: no tree of
// values built and walked again. Keys come in the order of nlohmann::json's
// objects (sorted), so that the bytes are those the other endpoints' encoder
// would write. Internal to the HTTP layer.
//
// A page of hits is 10-25 KB of JSON, most of it text: building it as a
// nlohmann::json tree and dumping it took about a tenth of the daemon's time
// per search at 100,000 documents.
#pragma once

#include <string>
#include <vector>

#include "searchd/searcher.h"

namespace portal::http {

// {"did_you_mean", "facets", "facets_exact", "hits", "page", "partial",
//  "per_page", "query": {"corrected", "q", "relaxed"}, "took_ms", "total",
//  "total_is_exact"}. Text that is not valid UTF-8 has its invalid sequences
// replaced by U+FFFD.
std::string search_result_json(const SearchResult& result);

// {"hits": [...], "id": id}, each hit as in search_result_json().
std::string similar_json(const std::string& id, const std::vector<Hit>& hits);

}  // namespace portal::http
