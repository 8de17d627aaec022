// Runs a system over a collection's queries and scores its rankings.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "benchmarks/relevance/collection.h"
#include "benchmarks/relevance/metrics.h"
#include "benchmarks/relevance/system.h"

namespace portal::eval {

// Query id -> the system's answer, best first.
using Run = std::map<std::string, std::vector<ScoredDoc>>;

struct Evaluation {
  std::string system;
  Run run;
  Scores scores;
  std::size_t queries_evaluated = 0;
  double seconds = 0;  // wall time of the queries (not of indexing)
};

// Depth of every ranking: the deepest cut-off the metrics use.
inline constexpr std::size_t kRunDepth = 100;

// Asks `system` every query of `collection` for its top kRunDepth and scores
// the answers against the collection's qrels.
Evaluation evaluate(System& system, const Collection& collection);

// Writes `run` in TREC run format, "query-id Q0 doc-id rank score tag". The
// score column keeps the system's order under trec_eval, which sorts by score:
// a score not below the one before it is lowered by the smallest step.
void write_trec_run(std::ostream& out, const Run& run, const std::string& tag);

}  // namespace portal::eval
