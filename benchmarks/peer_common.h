// What the peer benchmarks (SQLite FTS5, PostgreSQL) share: reading the
// articles, timing the load, running a query set and reporting the same
// figures as bench_search, so the outputs line up.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "benchmarks/bench_query.h"

namespace portal::bench {

struct PeerArticle {
  std::string id, lang, title, body, date;  // date: YYYY-MM-DD or ""
  std::vector<std::string> topics;
};

// Calls `add` for every article of the JSON Lines files; returns the bytes read.
double for_each_article(const std::vector<std::string>& files,
                        const std::function<void(const PeerArticle&)>& add);

// Runs the query set `reps` times after one warm-up pass; `search` returns the
// number of hits shown (at most 10). Prints the summary line and returns false
// if fewer than `min_hits` of the queries found something.
bool run_query_set(const std::string& name, const std::vector<BenchQuery>& queries, int reps,
                   double min_hits, const std::function<size_t(const BenchQuery&)>& search);

// Size of a file or directory tree in MB.
double disk_mb(const std::string& path);

}  // namespace portal::bench
