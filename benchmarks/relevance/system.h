// A ranking system under evaluation: something that answers a query with a
// ranked list of document ids.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "benchmarks/relevance/collection.h"
#include "searchd/ranking_options.h"

namespace portal::eval {

struct ScoredDoc {
  std::string id;
  double score = 0;
};

// Not thread-safe: one thread runs a system's queries.
class System {
 public:
  virtual ~System() = default;
  // Short label for tables and run files ("portalsearch", "xapian-bm25", ...).
  virtual std::string name() const = 0;
  // The best `k` documents for `query`, best first. Throws std::runtime_error
  // when the system fails (not when nothing matches).
  virtual std::vector<ScoredDoc> search(const std::string& query, std::size_t k) = 0;
};

// portalsearch itself: indexes the collection with the indexer library
// (IndexWriter) into `index_dir` (which must not hold an index yet) and answers
// through portal::Searcher, as the daemon does, ranking under `ranking`.
std::unique_ptr<System> make_engine_system(const Collection& collection,
                                           const std::string& index_dir,
                                           const RankingOptions& ranking = {});

// A live portal-searchd at `host`:`port`, asked GET /api/v1/search. The
// daemon must serve an index of the collection.
std::unique_ptr<System> make_http_system(const std::string& host, int port);

// Baseline: plain Xapian. TermGenerator with the Snowball stemmer of the
// collection's language over title and body, default BM25, QueryParser with
// default flags and default operator OR. In memory.
std::unique_ptr<System> make_xapian_baseline(const Collection& collection);

// Baseline: SQLite FTS5 over title and body, `unicode61 remove_diacritics 2`
// tokenizer, ranked by bm25(); the query's words are quoted and ORed. In
// memory.
std::unique_ptr<System> make_fts5_baseline(const Collection& collection);

}  // namespace portal::eval
