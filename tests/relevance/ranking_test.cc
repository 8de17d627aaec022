// The ranking rules of searchd/ranking_options.h, through the real indexer and
// Searcher on a small English index.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "indexer/index_writer.h"
#include "searchd/query_terms.h"
#include "searchd/searcher.h"
#include "tests/support/test_env.h"

namespace portal {
namespace {

std::vector<std::string> ids(const SearchResult& result) {
  std::vector<std::string> out;
  for (const auto& hit : result.hits) out.push_back(hit.id);
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

class RankingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer(dir_.file("db"));
    auto add = [&](const std::string& id, const std::string& title, const std::string& body) {
      writer.upsert(parse_article(R"({"lang": "en", "id": ")" + id + R"(", "title": ")" + title +
                                  R"(", "body": ")" + body + R"("})"));
    };
    add("wing", "Wing in a slipstream", "the lift of a wing behind a propeller");
    add("flutter", "Panel flutter", "flutter of a wing panel at supersonic speed");
    add("noise", "Propeller noise", "noise measured near a propeller at high speed");
    writer.commit();
  }

  SearchResult search(const std::string& q, const RankingOptions& options = {}) {
    SearcherOptions searcher_options;
    searcher_options.ranking = options;
    Searcher searcher(dir_.file("db"), searcher_options);
    SearchRequest request;
    request.q = q;
    return searcher.search(request);
  }

  test::TempDir dir_;
};

TEST_F(RankingTest, ShortQueryRequiresEveryWord) {
  EXPECT_EQ(ids(search("wing flutter")), std::vector<std::string>{"flutter"});
  EXPECT_EQ(ids(search("propeller noise")), std::vector<std::string>{"noise"});
}

TEST_F(RankingTest, ShortQueryFallsBackToAnyWordWhenNothingHasAll) {
  EXPECT_EQ(sorted(ids(search("slipstream supersonic"))),
            (std::vector<std::string>{"flutter", "wing"}));
}

TEST_F(RankingTest, LongQueryMatchesAnyWordBestFirst) {
  RankingOptions options;
  options.max_all_words = 2;
  // Three words: no document has them all, yet the one with two comes first.
  auto hits = ids(search("wing flutter noise", options));
  ASSERT_EQ(sorted(hits), (std::vector<std::string>{"flutter", "noise", "wing"}));
  EXPECT_EQ(hits.front(), "flutter");
}

TEST_F(RankingTest, InflectedFormsMatchThroughStems) {
  EXPECT_EQ(ids(search("propellers")).size(), 2u);
}

TEST(WordQueryTest, ExpandsEachTermOnce) {
  // "wing" stems to "wing" in English and French alike: one stem term, beside
  // the surface form and the cross-script key (at a lower weight).
  Xapian::Query q = word_query("wing", {"en", "fr"});
  EXPECT_EQ(q.get_num_subqueries(), 3u) << q.get_description();
  std::string description = q.get_description();
  auto first = description.find("Zwing");
  ASSERT_NE(first, std::string::npos) << description;
  EXPECT_EQ(description.find("Zwing", first + 1), std::string::npos) << description;
}

}  // namespace
}  // namespace portal
