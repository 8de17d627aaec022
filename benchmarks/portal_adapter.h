// Turns a benchmark query into a request to our search library: the one
// place that knows how the common query syntax maps onto SearchRequest.
#pragma once

#include "benchmarks/bench_query.h"
#include "searchd/searcher.h"

namespace portal::bench {

// Top 10 with the default facet lists and snippets (with `titles_only`,
// neither: what the peers answer); the topic and date filters become request
// filters.
SearchRequest to_request(const BenchQuery& q, bool titles_only = false);

// The same request as a query string for portal-searchd's /api/v1/search
// (URL-encoded, without the leading '?').
std::string to_query_string(const BenchQuery& q);

// The query string for the minimal httplib + Xapian server (minimal_httpd).
std::string to_minimal_query_string(const BenchQuery& q);

std::string url_encode(const std::string& s);

}  // namespace portal::bench
