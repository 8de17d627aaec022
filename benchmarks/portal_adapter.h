// Turns a benchmark query into a request to our search library: the one
// place that knows how the common query syntax maps onto SearchRequest.
#pragma once

#include "benchmarks/bench_query.h"
#include "searchd/searcher.h"

namespace portal::bench {

// What our answer holds beside the ranked ids and titles. Neither facets nor
// snippets is what the peers answer.
struct AnswerParts {
  bool facets = true;    // the default facet lists
  bool snippets = true;  // a snippet per hit
};

// Top 10 with `parts`; the topic and date filters become request filters.
SearchRequest to_request(const BenchQuery& q, AnswerParts parts = {});

// The same request as a query string for portal-searchd's /api/v1/search
// (URL-encoded, without the leading '?').
std::string to_query_string(const BenchQuery& q);

// The query string for the minimal httplib + Xapian server (minimal_httpd).
std::string to_minimal_query_string(const BenchQuery& q);

std::string url_encode(const std::string& s);

}  // namespace portal::bench
