#include "benchmarks/relevance/report.h"

#include <cstdio>

namespace portal::eval {

void print_table(std::ostream& out, const std::vector<Evaluation>& evaluations) {
  char line[160];
  std::snprintf(line, sizeof line, "%-20s %8s %8s %8s %8s %8s %9s\n", "system", "nDCG@10",
                "MAP@100", "MRR@10", "R@100", "queries", "time (s)");
  out << line;
  for (const auto& e : evaluations) {
    std::snprintf(line, sizeof line, "%-20s %8.4f %8.4f %8.4f %8.4f %8zu %9.2f\n", e.system.c_str(),
                  e.scores.ndcg10, e.scores.map100, e.scores.mrr10, e.scores.recall100,
                  e.queries_evaluated, e.seconds);
    out << line;
  }
}

}  // namespace portal::eval
