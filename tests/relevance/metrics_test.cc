// The metrics on hand-worked examples (trec_eval's definitions).
#include "benchmarks/relevance/metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "benchmarks/relevance/collection.h"
#include "benchmarks/relevance/evaluate.h"

namespace portal::eval {
namespace {

// Three relevant documents (a: 3, d: 2, c: 1) and one judged non-relevant (b).
const Judgements kJudgements{{"a", 3}, {"b", 0}, {"c", 1}, {"d", 2}};
// Relevant documents at ranks 2 (a) and 4 (d); c is never retrieved.
const Ranking kRanking{"x", "a", "b", "d", "e"};

TEST(MetricsTest, NdcgUsesGradesAsGainsWithLog2Discount) {
  // DCG@10 = 3/log2(3) + 2/log2(5); ideal = 3/log2(2) + 2/log2(3) + 1/log2(4).
  double dcg = 3 / std::log2(3.0) + 2 / std::log2(5.0);
  double ideal = 3 + 2 / std::log2(3.0) + 1 / std::log2(4.0);
  EXPECT_NEAR(ndcg_at(kRanking, kJudgements, 10), dcg / ideal, 1e-12);
  EXPECT_NEAR(ndcg_at(kRanking, kJudgements, 10), 0.5783754, 1e-7);
}

TEST(MetricsTest, NdcgCutsBothRankingAndIdealAtK) {
  // @3: only a (rank 2) counts; the ideal is still 3, 2, 1.
  EXPECT_NEAR(ndcg_at(kRanking, kJudgements, 3), 0.3974895, 1e-7);
  // @1: the ideal is a alone; the ranking's first document is not relevant.
  EXPECT_EQ(ndcg_at(kRanking, kJudgements, 1), 0);
  EXPECT_NEAR(ndcg_at({"a", "d", "c"}, kJudgements, 10), 1.0, 1e-12);
}

TEST(MetricsTest, AveragePrecisionDividesByAllRelevantDocuments) {
  // Precision 1/2 at rank 2 and 2/4 at rank 4, over 3 relevant documents.
  EXPECT_NEAR(average_precision_at(kRanking, kJudgements, 100), (0.5 + 0.5) / 3, 1e-12);
  EXPECT_NEAR(average_precision_at(kRanking, kJudgements, 3), 0.5 / 3, 1e-12);
}

TEST(MetricsTest, ReciprocalRankOfFirstRelevantWithinCutoff) {
  EXPECT_EQ(reciprocal_rank_at(kRanking, kJudgements, 10), 0.5);
  EXPECT_EQ(reciprocal_rank_at(kRanking, kJudgements, 1), 0);
  EXPECT_EQ(reciprocal_rank_at({"b", "x"}, kJudgements, 10), 0);
}

TEST(MetricsTest, RecallCountsRelevantRetrievedWithinCutoff) {
  EXPECT_NEAR(recall_at(kRanking, kJudgements, 100), 2.0 / 3, 1e-12);
  EXPECT_NEAR(recall_at(kRanking, kJudgements, 2), 1.0 / 3, 1e-12);
}

TEST(MetricsTest, RepeatedDocumentCountsOnce) {
  Ranking repeated{"a", "a", "d"};
  EXPECT_NEAR(recall_at(repeated, kJudgements, 100), 2.0 / 3, 1e-12);
  EXPECT_NEAR(average_precision_at(repeated, kJudgements, 100), (1.0 + 1.0) / 3, 1e-12);
}

TEST(MetricsTest, NoRelevantDocumentScoresZero) {
  Judgements none{{"b", 0}};
  EXPECT_EQ(ndcg_at(kRanking, none, 10), 0);
  EXPECT_EQ(average_precision_at(kRanking, none, 100), 0);
  EXPECT_EQ(recall_at(kRanking, none, 100), 0);
}

TEST(MetricsTest, MeanCountsUnansweredQueriesAsZeroAndSkipsUnjudgeable) {
  Qrels qrels{{"1", kJudgements}, {"2", {{"a", 1}}}, {"3", {{"b", 0}}}};
  std::map<std::string, Ranking> rankings{{"1", kRanking}, {"3", {"b"}}};
  std::size_t evaluated = 0;
  Scores mean = mean_scores(rankings, qrels, &evaluated);
  EXPECT_EQ(evaluated, 2u);  // query 3 has no relevant document
  EXPECT_NEAR(mean.mrr10, 0.5 / 2, 1e-12);
  EXPECT_NEAR(mean.recall100, (2.0 / 3) / 2, 1e-12);
}

TEST(QrelsTest, ParsesTrecFormatAndRejectsMalformedLines) {
  Qrels qrels = parse_trec_qrels("1 0 184 3\n1 0 29 -1\n\n2 Q0 7 1\n", "qrels.txt");
  ASSERT_EQ(qrels.size(), 2u);
  EXPECT_EQ(qrels["1"]["184"], 3);
  EXPECT_EQ(qrels["1"]["29"], -1);
  EXPECT_EQ(relevant_count(qrels["1"]), 1u);
  EXPECT_EQ(qrels["2"]["7"], 1);
  EXPECT_THROW(parse_trec_qrels("1 0 184\n", "qrels.txt"), std::runtime_error);
  EXPECT_THROW(parse_trec_qrels("1 0 184 high\n", "qrels.txt"), std::runtime_error);
}

TEST(RunFileTest, KeepsTheSystemOrderWhenScoresTie) {
  eval::Run run{{"7", {{"b", 2.5}, {"a", 2.5}, {"c", 1.0}}}};
  std::ostringstream out;
  write_trec_run(out, run, "tag");
  std::istringstream in(out.str());
  std::string q, q0, doc, tag;
  int rank = 0;
  double score = 0, previous = 1e9;
  std::vector<std::string> docs;
  while (in >> q >> q0 >> doc >> rank >> score >> tag) {
    EXPECT_EQ(q, "7");
    EXPECT_EQ(q0, "Q0");
    EXPECT_EQ(rank, static_cast<int>(docs.size()) + 1);
    EXPECT_LT(score, previous) << doc;
    previous = score;
    docs.push_back(doc);
  }
  EXPECT_EQ(docs, (std::vector<std::string>{"b", "a", "c"}));
}

}  // namespace
}  // namespace portal::eval
