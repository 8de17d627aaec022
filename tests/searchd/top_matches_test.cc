// Ranking where the spy that counts every match ranks it too
// (searchd/top_matches.h): the same pages as Xapian's own matcher gives.
#include "searchd/top_matches.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "indexer/article.h"
#include "indexer/index_writer.h"
#include "searchd/searcher.h"
#include "tests/searchd/corpus.h"

namespace portal::test {
namespace {

std::vector<Xapian::docid> dids(const std::vector<TopMatch>& v) {
  std::vector<Xapian::docid> out;
  for (const auto& m : v) out.push_back(m.did);
  return out;
}

TEST(TopMatchesTest, RanksByWeightThenByDocid) {
  TopMatches top;
  top.add(7, 1.5);
  top.add(3, 2.0);
  top.add(9, 2.0);
  top.add(1, 0.5);
  top.add(4, 1.5);
  EXPECT_EQ(dids(top.best(4)), (std::vector<Xapian::docid>{3, 9, 4, 7}));
  EXPECT_EQ(dids(top.best(10)), (std::vector<Xapian::docid>{3, 9, 4, 7, 1}));
  EXPECT_TRUE(top.best(0).empty());
  auto best = top.best(1);
  ASSERT_EQ(best.size(), 1u);
  EXPECT_EQ(best[0].weight, 2.0);
  EXPECT_TRUE(best[0].group.empty());
}

TEST(TopMatchesTest, KeepingAFewRanksThemAsKeepingAll) {
  // Many ties, in no order: the few kept are the first of all.
  std::vector<std::pair<Xapian::docid, double>> matches;
  for (Xapian::docid d = 1; d <= 1000; ++d) matches.emplace_back((d * 7919) % 1000 + 1, d % 13);
  TopMatches all;
  for (const auto& [did, wt] : matches) all.add(did, wt);
  const auto ranked = dids(all.best(1000));
  ASSERT_EQ(ranked.size(), 1000u);
  for (size_t keep : {1, 5, 10, 110}) {
    TopMatches few(keep);
    for (const auto& [did, wt] : matches) few.add(did, wt);
    EXPECT_EQ(dids(few.best(keep + 5)),
              std::vector<Xapian::docid>(ranked.begin(), ranked.begin() + static_cast<long>(keep)))
        << "keep " << keep;
  }
  TopMatches none(0);
  none.add(1, 1.0);
  EXPECT_TRUE(none.best(10).empty());
}

TEST(TopMatchesTest, GivesTheWeightsOfTheDocumentsAsked) {
  TopMatches top;
  top.add(7, 1.5);
  top.add(3, 2.0);
  top.add(12, 0.25);
  top.best(1);  // ranking leaves every match there
  EXPECT_EQ(top.weights_of({3, 5, 12}), (std::map<Xapian::docid, double>{{3, 2.0}, {12, 0.25}}));
  EXPECT_EQ(top.weights_of({1, 2}), (std::map<Xapian::docid, double>{}));
  EXPECT_EQ(top.weights_of({7, 40}), (std::map<Xapian::docid, double>{{7, 1.5}}));
  EXPECT_TRUE(top.weights_of({}).empty());
  // Keeping a few, the others are gone: nothing is given.
  TopMatches few(2);
  few.add(7, 1.5);
  EXPECT_TRUE(few.weights_of({7}).empty());
}

TEST(TopMatchesTest, CollapsingKeepsEachGroupsBestMatchOnly) {
  // The forty best matches are all of group "a": the page's other groups
  // rank below them, past the first matches ranked.
  TopMatches top;
  std::map<Xapian::docid, std::string> group;
  for (Xapian::docid d = 1; d <= 40; ++d) {
    top.add(d, 100.0 - d);
    group[d] = "a";
  }
  top.add(41, 10);  // no group: stands alone
  group[41] = "";
  top.add(42, 9);
  group[42] = "b";
  top.add(43, 9.5);
  group[43] = "b";
  top.add(44, 8);
  group[44] = "";
  top.add(45, 7);
  group[45] = "c";
  auto of = [&](Xapian::docid d) { return group.at(d); };
  auto page = top.best(4, of);
  EXPECT_EQ(dids(page), (std::vector<Xapian::docid>{1, 41, 43, 44}));
  EXPECT_EQ(page[0].group, "a");
  EXPECT_EQ(page[2].group, "b");
  EXPECT_EQ(dids(top.best(10, of)), (std::vector<Xapian::docid>{1, 41, 43, 44, 45}));
}

// The zelensky addresses (English and Ukrainian versions in translation
// groups), searched by a Searcher that counts every match (its spy ranks)
// and by one counting a single match (Xapian's matcher ranks, collapses and
// rescores).
class SpyRankingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    IndexWriter writer(dir_->file("db"), IndexWriter::Mode::kUpdate, {});
    std::ifstream in(zelensky_jsonl());
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) writer.upsert(parse_article(line, {}));
    writer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return dir_->file("db"); }
  static TempDir* dir_;
};
TempDir* SpyRankingTest::dir_ = nullptr;

TEST_F(SpyRankingTest, PagesAreThoseXapianRanks) {
  SearcherOptions whole, one;
  one.exact_count_limit = 1;
  const std::vector<std::string> queries = {"ukraine",       "україна",         "war",
                                            "peace formula", "energy OR grain", "\"armed forces\"",
                                            "санкції росія", "people",          "grain -export",
                                            "зброя",         "partners support"};
  for (bool columns : {true, false}) {
    whole.facet_columns = columns;
    Searcher ours(db(), whole), xapian(db(), one);
    if (columns) ours.load_facet_columns();
    for (const auto& q : queries)
      for (bool collapse : {true, false})
        for (const char* ui : {"", "en"})
          for (int page = 1; page <= 3; ++page) {
            SearchRequest r;
            r.q = q;
            r.collapse = collapse;
            r.ui_lang = ui;
            r.page = page;
            r.snippets = false;
            SCOPED_TRACE(q + (collapse ? " collapsed" : "") + " ui=" + ui + " page " +
                         std::to_string(page) + (columns ? " columns" : ""));
            auto a = ours.search(r), b = xapian.search(r);
            EXPECT_TRUE(a.total_is_exact);
            if (page == 1) {
              EXPECT_FALSE(a.hits.empty());
            }
            ASSERT_EQ(a.hits.size(), b.hits.size());
            for (size_t i = 0; i < a.hits.size(); ++i) {
              EXPECT_EQ(a.hits[i].id, b.hits[i].id) << "hit " << i;
              EXPECT_NEAR(a.hits[i].score, b.hits[i].score, 1e-9) << "hit " << i;
            }
          }
  }
}

}  // namespace
}  // namespace portal::test
