#include "benchmarks/relevance/metrics.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_set>

namespace portal::eval {
namespace {

// The grades of the top k of `ranking`, repeated ids dropped.
std::vector<int> top_grades(const Ranking& ranking, const Judgements& judgements, std::size_t k) {
  std::vector<int> grades;
  std::unordered_set<std::string> seen;
  for (const auto& id : ranking) {
    if (grades.size() == k) break;
    if (!seen.insert(id).second) continue;
    auto it = judgements.find(id);
    grades.push_back(it == judgements.end() ? 0 : std::max(it->second, 0));
  }
  return grades;
}

double dcg(const std::vector<int>& grades, std::size_t k) {
  double sum = 0;
  for (std::size_t i = 0; i < grades.size() && i < k; ++i)
    sum += grades[i] / std::log2(static_cast<double>(i) + 2);
  return sum;
}

}  // namespace

std::size_t relevant_count(const Judgements& judgements) {
  return static_cast<std::size_t>(std::count_if(judgements.begin(), judgements.end(),
                                                [](const auto& j) { return j.second > 0; }));
}

double ndcg_at(const Ranking& ranking, const Judgements& judgements, std::size_t k) {
  std::vector<int> ideal;
  for (const auto& [id, grade] : judgements)
    if (grade > 0) ideal.push_back(grade);
  std::sort(ideal.begin(), ideal.end(), std::greater<>());
  double best = dcg(ideal, k);
  if (best == 0) return 0;
  return dcg(top_grades(ranking, judgements, k), k) / best;
}

double average_precision_at(const Ranking& ranking, const Judgements& judgements, std::size_t k) {
  std::size_t relevant = relevant_count(judgements);
  if (relevant == 0) return 0;
  auto grades = top_grades(ranking, judgements, k);
  double sum = 0;
  std::size_t found = 0;
  for (std::size_t i = 0; i < grades.size(); ++i) {
    if (grades[i] <= 0) continue;
    ++found;
    sum += static_cast<double>(found) / static_cast<double>(i + 1);
  }
  return sum / static_cast<double>(relevant);
}

double reciprocal_rank_at(const Ranking& ranking, const Judgements& judgements, std::size_t k) {
  auto grades = top_grades(ranking, judgements, k);
  for (std::size_t i = 0; i < grades.size(); ++i)
    if (grades[i] > 0) return 1.0 / static_cast<double>(i + 1);
  return 0;
}

double recall_at(const Ranking& ranking, const Judgements& judgements, std::size_t k) {
  std::size_t relevant = relevant_count(judgements);
  if (relevant == 0) return 0;
  auto grades = top_grades(ranking, judgements, k);
  auto found = std::count_if(grades.begin(), grades.end(), [](int g) { return g > 0; });
  return static_cast<double>(found) / static_cast<double>(relevant);
}

Scores score_query(const Ranking& ranking, const Judgements& judgements) {
  return {ndcg_at(ranking, judgements, 10), average_precision_at(ranking, judgements, 100),
          reciprocal_rank_at(ranking, judgements, 10), recall_at(ranking, judgements, 100)};
}

Scores mean_scores(const std::map<std::string, Ranking>& rankings, const Qrels& qrels,
                   std::size_t* evaluated) {
  Scores mean;
  std::size_t n = 0;
  static const Ranking kNone;
  for (const auto& [query, judgements] : qrels) {
    if (relevant_count(judgements) == 0) continue;
    auto it = rankings.find(query);
    Scores s = score_query(it == rankings.end() ? kNone : it->second, judgements);
    mean.ndcg10 += s.ndcg10;
    mean.map100 += s.map100;
    mean.mrr10 += s.mrr10;
    mean.recall100 += s.recall100;
    ++n;
  }
  if (evaluated) *evaluated = n;
  if (n == 0) return mean;
  double d = static_cast<double>(n);
  return {mean.ndcg10 / d, mean.map100 / d, mean.mrr10 / d, mean.recall100 / d};
}

}  // namespace portal::eval
