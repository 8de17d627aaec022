// A benchmark query, as drawn by gen_queries.py into benchmarks/queries/*.jsonl.
// Each engine's adapter turns it into that engine's own syntax.
#pragma once

#include <string>
#include <vector>

namespace portal::bench {

struct BenchQuery {
  std::string kind;  // words, phrase, prefix, topic, date, facets
  std::string lang;  // language of the article the words come from ("" for facets)
  std::string q;     // common syntax: "quoted phrase", prefix*
  std::vector<std::string> words;
  std::string topic;               // topic filter, or ""
  std::string date_from, date_to;  // YYYY-MM-DD date-range filter, or ""
};

// Reads a query set. Throws std::runtime_error if the file cannot be read or
// holds no query.
std::vector<BenchQuery> load_queries(const std::string& path);

// Reads the first `limit` queries (all if 0).
std::vector<BenchQuery> load_queries(const std::string& path, size_t limit);

}  // namespace portal::bench
