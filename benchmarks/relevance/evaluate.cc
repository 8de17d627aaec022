#include "benchmarks/relevance/evaluate.h"

#include <chrono>
#include <cmath>
#include <iomanip>
#include <limits>

namespace portal::eval {

Evaluation evaluate(System& system, const Collection& collection) {
  Evaluation e;
  e.system = system.name();
  auto start = std::chrono::steady_clock::now();
  for (const auto& query : collection.queries)
    e.run[query.id] = system.search(query.text, kRunDepth);
  e.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::map<std::string, Ranking> rankings;
  for (const auto& [id, docs] : e.run) {
    auto& ranking = rankings[id];
    for (const auto& d : docs) ranking.push_back(d.id);
  }
  e.scores = mean_scores(rankings, collection.qrels, &e.queries_evaluated);
  return e;
}

void write_trec_run(std::ostream& out, const Run& run, const std::string& tag) {
  out << std::setprecision(17);
  for (const auto& [query, docs] : run) {
    double previous = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < docs.size(); ++i) {
      double score = docs[i].score;
      if (!(score < previous))
        score = std::nextafter(previous, -std::numeric_limits<double>::infinity());
      previous = score;
      out << query << " Q0 " << docs[i].id << ' ' << i + 1 << ' ' << score << ' ' << tag << '\n';
    }
  }
}

}  // namespace portal::eval
