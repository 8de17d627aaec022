#include "indexer/sharding.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "indexer/document_builder.h"
#include "indexer/index_layout.h"
#include "indexer/index_writer.h"
#include "indexer/schema.h"
#include "tests/support/test_env.h"

namespace portal {
namespace {

using Mode = IndexWriter::Mode;
const std::vector<schema::ExtraField> kNoExtra;

TEST(ShardingTest, HashIsFnv1a64) {
  // Reference values of the 64-bit FNV-1a hash.
  EXPECT_EQ(fnv1a_64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a_64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a_64("foobar"), 0x85944171f73967e8ULL);
}

TEST(ShardingTest, RoutesIdsStablyAndSpreadsThem) {
  std::vector<int> per_shard(4);
  for (int i = 0; i < 400; ++i) {
    std::string id = "article-" + std::to_string(i);
    unsigned s = shard_for(id, 4);
    ASSERT_LT(s, 4u);
    EXPECT_EQ(s, shard_for(id, 4)) << id;
    EXPECT_EQ(s, fnv1a_64(id) % 4) << id;
    ++per_shard[s];
  }
  for (int n : per_shard) EXPECT_GT(n, 50);
  EXPECT_EQ(shard_for("anything", 1), 0u);
}

TEST(ShardingTest, SampleLevelsHalveFromOneToTheNextAndIgnoreShards) {
  // P(level >= n) = 2^-n, over ids that differ only in their last digits,
  // independently of the shard the id is routed to.
  const int n = 1 << 16;
  std::vector<int> at_least(schema::kMaxSampleLevel + 1);
  int in_shard0 = 0, shard0_at_least_3 = 0;
  for (int i = 0; i < n; ++i) {
    std::string id = "reuters-" + std::to_string(i);
    unsigned level = sample_level(id);
    ASSERT_LE(level, schema::kMaxSampleLevel);
    EXPECT_EQ(level, sample_level(id));
    for (unsigned k = 0; k <= level; ++k) ++at_least[k];
    if (shard_for(id, 4) == 0) {
      ++in_shard0;
      if (level >= 3) ++shard0_at_least_3;
    }
  }
  EXPECT_EQ(at_least[0], n);
  for (unsigned k = 1; k <= 8; ++k) {
    const double expected = n / double(1u << k);
    EXPECT_GT(at_least[k], expected * 0.85) << k;
    EXPECT_LT(at_least[k], expected * 1.15) << k;
  }
  EXPECT_GT(shard0_at_least_3, in_shard0 / 8.0 * 0.8);
  EXPECT_LT(shard0_at_least_3, in_shard0 / 8.0 * 1.2);
}

TEST(ShardingTest, TheVersionsOfAnArticleShareItsSamples) {
  // Every document is in sample 0 and in 1..its level, drawn from its
  // translation group when it has one, else from its id.
  auto samples = [](const std::string& json) {
    Xapian::Document doc = build_document(parse_article(json), kNoExtra);
    std::vector<std::string> out;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
      if ((*t).rfind(schema::kSamplePrefix, 0) == 0) out.push_back(*t);
    return out;
  };
  int grouped_apart = 0;
  for (int i = 0; i < 64; ++i) {
    const std::string group = "g" + std::to_string(i), a = "a" + std::to_string(i);
    auto en =
        samples(R"({"id":")" + a + R"(","title":"T","translation_group":")" + group + R"("})");
    auto uk = samples(R"({"id":"u)" + std::to_string(i) + R"(","title":"T","translation_group":")" +
                      group + R"("})");
    auto alone = samples(R"({"id":")" + a + R"(","title":"T"})");
    EXPECT_EQ(en, uk) << group;
    std::set<std::string> expected;
    for (unsigned k = 0; k <= sample_level(group); ++k)
      expected.insert(std::string(schema::kSamplePrefix) + std::to_string(k));
    EXPECT_EQ(std::set<std::string>(en.begin(), en.end()), expected) << group;
    EXPECT_EQ(alone.size(), sample_level(a) + 1u) << a;
    if (en != alone) ++grouped_apart;
  }
  EXPECT_GT(grouped_apart, 16);
}

Article article(const std::string& id, const std::string& title) {
  return parse_article(R"({"id":")" + id + R"(","title":")" + title + R"("})");
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every document of shard `i` of the live generation is routed there.
void expect_routed(const std::string& root, unsigned shards) {
  for (unsigned i = 0; i < shards; ++i) {
    Xapian::Database shard(root + "/" + shard_dir_name(i));  // the shard's own stub
    for (auto t = shard.allterms_begin("Q"); t != shard.allterms_end("Q"); ++t)
      EXPECT_EQ(shard_for((*t).substr(1), shards), i) << *t;
  }
}

TEST(ShardingTest, WritesShardsInAGenerationAndStubsThatOpenThem) {
  test::TempDir dir;
  std::string root = dir.file("idx");
  {
    IndexWriter writer(root, Mode::kUpdate, kNoExtra, 3);
    for (int i = 0; i < 30; ++i)
      EXPECT_EQ(writer.upsert(article("a" + std::to_string(i), "t")), IndexWriter::Outcome::kAdded);
    writer.finish();
    EXPECT_EQ(writer.size(), 30u);
    EXPECT_EQ(writer.shard_count(), 3u);
  }
  EXPECT_EQ(live_generation(root), "gen-1");
  EXPECT_EQ(live_shard_count(root), 3u);
  EXPECT_EQ(read(root + "/XAPIANDB"),
            "auto gen-1/shard-0\nauto gen-1/shard-1\nauto gen-1/shard-2\n");
  EXPECT_EQ(read(root + "/shard-1"), "auto gen-1/shard-1\n");
  unsigned long total = 0;
  for (unsigned i = 0; i < 3; ++i) {
    Xapian::Database shard(root + "/gen-1/" + shard_dir_name(i));
    EXPECT_GT(shard.get_doccount(), 0u);
    total += shard.get_doccount();
    EXPECT_EQ(shard.get_metadata("portal:generation"), "gen-1");
  }
  EXPECT_EQ(total, 30u);
  expect_routed(root, 3);
  Xapian::Database all(root);
  EXPECT_EQ(all.get_doccount(), 30u);
  EXPECT_EQ(all.size(), 3u);
}

TEST(ShardingTest, UpdatesAndDeletesReachTheShardHoldingTheId) {
  test::TempDir dir;
  std::string root = dir.file("idx");
  {
    IndexWriter writer(root, Mode::kUpdate, kNoExtra, 2);
    writer.upsert(article("x1", "first"));
    writer.upsert(article("x2", "second"));
    writer.finish();
  }
  {
    // The number of shards comes from the live index.
    IndexWriter writer(root);
    EXPECT_EQ(writer.shard_count(), 2u);
    EXPECT_EQ(writer.upsert(article("x1", "first again")), IndexWriter::Outcome::kReplaced);
    EXPECT_TRUE(writer.remove("x2"));
    EXPECT_FALSE(writer.remove("x3"));
    writer.finish();
  }
  Xapian::Database all(root);
  EXPECT_EQ(all.get_doccount(), 1u);
  EXPECT_TRUE(all.term_exists("Qx1"));
  EXPECT_FALSE(all.term_exists("Qx2"));
  EXPECT_EQ(all.get_termfreq("again"), 1u);
}

TEST(ShardingTest, ARebuildChangesTheNumberOfShardsAnUpdateRefusesTo) {
  test::TempDir dir;
  std::string root = dir.file("idx");
  auto fill = [&](IndexWriter& writer) {
    for (int i = 0; i < 40; ++i) writer.upsert(article("d" + std::to_string(i), "title"));
    writer.finish();
  };
  {
    IndexWriter writer(root, Mode::kUpdate, kNoExtra, 4);
    fill(writer);
  }
  EXPECT_THROW(IndexWriter(root, Mode::kUpdate, kNoExtra, 2), LayoutError);
  {
    IndexWriter writer(root, Mode::kRebuild, kNoExtra, 2);
    fill(writer);
  }
  EXPECT_EQ(live_generation(root), "gen-2");
  EXPECT_EQ(live_shard_count(root), 2u);
  EXPECT_FALSE(std::filesystem::exists(root + "/shard-2")) << "stale shard stub left";
  EXPECT_FALSE(std::filesystem::exists(root + "/gen-1"));
  expect_routed(root, 2);
  EXPECT_EQ(Xapian::Database(root).get_doccount(), 40u);
  {
    // A rebuild keeps the live number of shards unless told otherwise.
    IndexWriter writer(root, Mode::kRebuild, kNoExtra);
    EXPECT_EQ(writer.shard_count(), 2u);
    fill(writer);
  }
  {
    IndexWriter writer(root, Mode::kRebuild, kNoExtra, 1);
    fill(writer);
  }
  EXPECT_EQ(live_shard_count(root), 1u);
  EXPECT_FALSE(std::filesystem::exists(root + "/shard-0"));
  EXPECT_EQ(Xapian::Database(root).get_doccount(), 40u);
}

TEST(ShardingTest, RefusesToShardAPlainDatabase) {
  test::TempDir dir;
  { Xapian::WritableDatabase plain(dir.file("plain"), Xapian::DB_CREATE_OR_OPEN); }
  EXPECT_THROW(IndexWriter(dir.file("plain"), Mode::kUpdate, kNoExtra, 2), LayoutError);
  EXPECT_NO_THROW(IndexWriter(dir.file("plain"), Mode::kUpdate, kNoExtra, 1));
}

}  // namespace
}  // namespace portal
