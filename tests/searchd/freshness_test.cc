// Changes to the index are seen by the next search without re-creating the
// Searcher: writes through IndexUpdater, and a rebuilt index switched in by
// rewriting a stub file.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "indexer/article.h"
#include "indexer/index_writer.h"
#include "searchd/index_updates.h"
#include "searchd/searcher.h"
#include "tests/support/test_env.h"

namespace portal::test {
namespace {

std::string article(const std::string& id, const std::string& title) {
  return R"({"id":")" + id + R"(","title":")" + title +
         R"(","body":"A short text.","lang":"en","date":"2022-04-01"})";
}

unsigned long hits_for(const Searcher& s, const std::string& q) {
  SearchRequest r;
  r.q = q;
  return s.search(r).total;
}

TEST(FreshnessTest, WritesAreVisibleToTheNextSearch) {
  TempDir dir;
  IndexUpdater updater(dir.file("db"));
  auto created = updater.upsert("[" + article("a1", "Zebrafish research") + "," +
                                article("a2", "Harbour cranes") + "]");
  EXPECT_EQ(created.created, 2u);
  EXPECT_EQ(created.updated, 0u);
  Searcher searcher(dir.file("db"));
  EXPECT_EQ(hits_for(searcher, "zebrafish"), 1u);

  auto updated = updater.upsert(article("a1", "Lighthouse keepers"));
  EXPECT_EQ(updated.updated, 1u);
  EXPECT_EQ(hits_for(searcher, "zebrafish"), 0u);
  EXPECT_EQ(hits_for(searcher, "lighthouse"), 1u);

  updater.remove("a1");
  EXPECT_EQ(hits_for(searcher, "lighthouse"), 0u);
  EXPECT_THROW(searcher.document_json("a1"), NotFound);
  EXPECT_EQ(searcher.document_count(), 1u);
  EXPECT_THROW(updater.remove("a1"), NotFound);
}

TEST(FreshnessTest, BadArticlesAreRejectedBeforeAnythingIsWritten) {
  TempDir dir;
  IndexUpdater updater(dir.file("db"));
  EXPECT_THROW(updater.upsert("not json"), InvalidRequest);
  EXPECT_THROW(updater.upsert("[]"), InvalidRequest);
  EXPECT_THROW(updater.upsert(R"({"title":"no id"})"), InvalidRequest);
  try {
    updater.upsert("[" + article("ok", "Fine") + R"(,{"id":"bad"}])");
    FAIL() << "accepted an article without a title";
  } catch (const InvalidRequest& e) {
    EXPECT_EQ(e.parameter(), "body");
    EXPECT_NE(std::string(e.what()).find("article 2"), std::string::npos) << e.what();
  }
  updater.upsert(article("other", "Other"));
  Searcher searcher(dir.file("db"));
  EXPECT_THROW(searcher.document_json("ok"), NotFound);
}

TEST(FreshnessTest, SwitchedGenerationIsPickedUp) {
  TempDir dir;
  auto build = [&](const std::string& gen, int n) {
    IndexWriter writer(dir.file(gen));
    for (int i = 0; i < n; ++i)
      writer.upsert(parse_article(article(gen + "-" + std::to_string(i), "Generation " + gen)));
    writer.commit();
  };
  build("gen1", 1);
  build("gen2", 3);
  std::filesystem::create_directory(dir.file("current"));
  auto point_to = [&](const std::string& gen) {
    std::string tmp = dir.file("current/XAPIANDB.tmp");
    std::ofstream(tmp) << "auto " << dir.file(gen) << "\n";
    std::filesystem::rename(tmp, dir.file("current/XAPIANDB"));
  };
  point_to("gen1");
  Searcher searcher(dir.file("current"));
  EXPECT_EQ(hits_for(searcher, "generation"), 1u);
  point_to("gen2");
  EXPECT_EQ(hits_for(searcher, "generation"), 3u);
  EXPECT_EQ(searcher.document_count(), 3u);
}

TEST(FreshnessTest, MissingIndexIsUnavailable) {
  TempDir dir;
  EXPECT_THROW(Searcher(dir.file("nothing-here")), IndexUnavailable);
}

}  // namespace
}  // namespace portal::test
