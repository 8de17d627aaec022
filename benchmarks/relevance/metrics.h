// Ranking quality metrics with trec_eval's definitions.
//
// A ranking is a list of document ids, best first; judgements map document
// ids to graded relevance (qrels). A document is relevant when its grade is
// above 0. A document id repeated in a ranking counts at its first rank only.
// All functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace portal::eval {

// The judgements of one query: document id -> grade.
using Judgements = std::unordered_map<std::string, int>;
// Query id -> judgements.
using Qrels = std::map<std::string, Judgements>;
// Document ids, best first.
using Ranking = std::vector<std::string>;

// nDCG@k as trec_eval's ndcg_cut: gain = grade, discount log2(rank + 1), the
// ideal ranking being every judged document sorted by grade. 0 when no
// document is relevant.
double ndcg_at(const Ranking& ranking, const Judgements& judgements, std::size_t k);
// Average precision over the top k (trec_eval's map with -M k): the sum of the
// precision at the rank of each relevant document retrieved in the top k,
// divided by the number of relevant documents.
double average_precision_at(const Ranking& ranking, const Judgements& judgements, std::size_t k);
// 1 / rank of the first relevant document in the top k, 0 when there is none.
double reciprocal_rank_at(const Ranking& ranking, const Judgements& judgements, std::size_t k);
// Relevant documents in the top k / relevant documents.
double recall_at(const Ranking& ranking, const Judgements& judgements, std::size_t k);

// The four figures portal-eval reports.
struct Scores {
  double ndcg10 = 0;
  double map100 = 0;
  double mrr10 = 0;
  double recall100 = 0;
};

Scores score_query(const Ranking& ranking, const Judgements& judgements);

// Number of documents with a grade above 0.
std::size_t relevant_count(const Judgements& judgements);

// The mean over every query of `qrels` with at least one relevant document
// (as trec_eval -c): a query missing from `rankings` scores 0. `evaluated`,
// when given, receives the number of queries averaged.
Scores mean_scores(const std::map<std::string, Ranking>& rankings, const Qrels& qrels,
                   std::size_t* evaluated = nullptr);

}  // namespace portal::eval
