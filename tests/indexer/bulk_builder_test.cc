// A rebuild written in runs and merged (indexer/bulk_builder.h) gives the
// same index as one written document by document.
#include "indexer/bulk_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "indexer/index_layout.h"
#include "indexer/spelling_key.h"
#include "tests/support/test_env.h"

namespace portal {
namespace {

namespace fs = std::filesystem;

const std::vector<schema::ExtraField> kExtra = {{"places", "place", 10}};
const char* const kWords[] = {"harbour", "grain",   "railway", "budget", "council",
                              "treaty",  "embassy", "storage", "summit", "exports"};
const char* const kPlaces[] = {"Odesa", "Kyiv", "Paris"};

std::string article(int i, const std::string& extra_word = "") {
  std::string body;
  for (int k = 0; k < 3 + i % 5; ++k) body += std::string(kWords[(i * 7 + k * 3) % 10]) + " ";
  return R"({"id":"a)" + std::to_string(i) + R"(","lang":"en","title":"Report )" + kWords[i % 10] +
         " " + extra_word + R"(","body":")" + body + R"(","date":"2024-0)" +
         std::to_string(1 + i % 9) + R"(-1)" + std::to_string(i % 10) + R"(","topics":["t)" +
         std::to_string(i % 4) + R"("],"places":[")" + kPlaces[i % 3] + R"("]})";
}

PreparedDocument prepared(const std::string& json) {
  return prepare_document(parse_article(json, kExtra), kExtra);
}

// Everything a document holds, keyed by its id.
struct Snapshot {
  std::map<std::string, std::string> docs;  // id -> terms, wdf, positions, values, data
  std::map<std::string, Xapian::doccount> spelling;
  // Each spelling word with its last letter replaced, to the suggestion for
  // it: the words' n-grams, not just their frequencies.
  std::map<std::string, std::string> suggestions;
  std::map<Xapian::valueno, std::string> value_stats;
  std::string extra_fields;
  std::string spelling_keys;
  Xapian::doccount count = 0;
};

Snapshot snapshot(const std::string& dir) {
  Xapian::Database db(dir);
  Snapshot s;
  s.count = db.get_doccount();
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    Xapian::Document doc = db.get_document(*p);
    std::string id, text;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      if ((*t)[0] == 'Q') id = (*t).substr(1);
      text += *t + ":" + std::to_string(t.get_wdf()) + "@";
      for (auto q = t.positionlist_begin(); q != t.positionlist_end(); ++q)
        text += std::to_string(*q) + ",";
      text += " ";
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
      text += "v" + std::to_string(v.get_valueno()) + "=" + *v + " ";
    s.docs[id] = text + doc.get_data();
  }
  for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w)
    s.spelling[*w] = w.get_termfreq();
  for (const auto& [word, freq] : s.spelling) {
    if (word.size() < 5) continue;
    std::string typo = word.substr(0, word.size() - 1) + "q";
    s.suggestions[typo] = db.get_spelling_suggestion(typo);
  }
  for (Xapian::valueno slot = 0; slot < 20; ++slot) {
    s.value_stats[slot] = std::to_string(db.get_value_freq(slot)) + " " +
                          db.get_value_lower_bound(slot) + " " + db.get_value_upper_bound(slot);
  }
  s.extra_fields = db.get_metadata(std::string(schema::kExtraFieldsKey));
  s.spelling_keys = db.get_metadata(std::string(schema::kSpellingKeysKey));
  return s;
}

// Rebuilds `dir` from `steps` ("+json" upserts, "-id" deletes).
void rebuild(const std::string& dir, const std::vector<std::string>& steps, const BulkOptions& bulk,
             unsigned shards = 1) {
  IndexWriter w(dir, IndexWriter::Mode::kRebuild, kExtra, shards, bulk);
  for (const auto& step : steps) {
    if (step[0] == '+') {
      w.upsert(prepared(step.substr(1)));
    } else {
      w.remove(step.substr(1));
    }
  }
  w.finish();
}

const BulkOptions kTiny{3, 2, 2};  // runs of 3, merged 2 at a time
// Runs of 3, fewer than 16 in all: their spelling words go to one part.
const BulkOptions kFewRuns{3, 2, 16};
// Runs of 3, merged 4 at a time: the first three runs' spelling words go to
// one part as they come, the others' are shared out four runs at a time.
const BulkOptions kSomeRuns{3, 2, 4};
const BulkOptions kDirect{0, 1, 2};

TEST(BulkBuilderTest, RebuildInRunsEqualsADirectRebuild) {
  test::TempDir tmp;
  std::vector<std::string> steps;
  // Some titles have a Cyrillic word, stored as a spelling key.
  for (int i = 0; i < 40; ++i)
    steps.push_back("+" + article(i, i % 4 == 0 ? "гавань" : i % 4 == 1 ? "зерно" : ""));
  rebuild(tmp.file("bulk"), steps, kTiny);
  rebuild(tmp.file("some"), steps, kSomeRuns);
  rebuild(tmp.file("direct"), steps, kDirect);
  Snapshot bulk = snapshot(tmp.file("bulk")), direct = snapshot(tmp.file("direct"));
  Snapshot some = snapshot(tmp.file("some"));
  EXPECT_EQ(some.docs, direct.docs);
  EXPECT_EQ(some.spelling, direct.spelling);
  EXPECT_EQ(some.suggestions, direct.suggestions);
  EXPECT_EQ(bulk.count, 40u);
  EXPECT_EQ(bulk.docs, direct.docs);
  EXPECT_EQ(bulk.spelling, direct.spelling);
  EXPECT_FALSE(bulk.spelling.empty());
  EXPECT_EQ(bulk.suggestions, direct.suggestions);
  EXPECT_EQ(bulk.suggestions.at("harbouq"), "harbour");
  EXPECT_EQ(bulk.value_stats, direct.value_stats);
  EXPECT_EQ(bulk.extra_fields, direct.extra_fields);
  EXPECT_EQ(bulk.spelling_keys, "1");
  EXPECT_EQ(direct.spelling_keys, "1");
  EXPECT_EQ(bulk.spelling.at(spelling_key("гавань")), 10 * schema::kTitleWdfBoost);
  EXPECT_EQ(bulk.spelling.count("гавань"), 0u);
  EXPECT_EQ(spelling_word(
                Xapian::Database(tmp.file("bulk")).get_spelling_suggestion(spelling_key("кавань"))),
            "гавань");
  EXPECT_FALSE(fs::exists(tmp.file("bulk") + "/staging")) << "runs left behind";

  // Docids follow the input order.
  Xapian::Database db(tmp.file("bulk"));
  for (int i = 0; i < 40; ++i) {
    auto p = db.postlist_begin("Qa" + std::to_string(i));
    ASSERT_NE(p, db.postlist_end("Qa" + std::to_string(i)));
    EXPECT_EQ(*p, static_cast<Xapian::docid>(i + 1));
  }
}

// The block size xapian-check reports for the postlist table of the live
// generation of `dir` ("8K").
std::string block_size(const std::string& dir) {
  const std::string command =
      std::string(XAPIAN_CHECK_BIN) + " '" + dir + "/" + live_generation(dir) + "' 2>&1";
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    pclose(pipe);
  }
  const size_t table = out.find("postlist:");
  const size_t at = out.find("blocksize=", table);
  if (table == std::string::npos || at == std::string::npos) return "not found in: " + out;
  const size_t from = at + std::string_view("blocksize=").size();
  return out.substr(from, out.find(' ', from) - from);
}

// Written in runs and merged, or document by document, or by updates into a
// new index: each gets the schema's block size.
TEST(BulkBuilderTest, IndexesGetTheSchemaBlockSize) {
  test::TempDir tmp;
  std::vector<std::string> steps;
  for (int i = 0; i < 10; ++i) steps.push_back("+" + article(i));
  rebuild(tmp.file("bulk"), steps, kTiny);
  rebuild(tmp.file("direct"), steps, kDirect);
  {
    IndexWriter w(tmp.file("updated"), IndexWriter::Mode::kUpdate, kExtra);
    w.upsert(prepared(article(1)));
    w.finish();
  }
  for (const char* name : {"bulk", "direct", "updated"})
    EXPECT_EQ(block_size(tmp.file(name)), std::to_string(schema::kBlockSize / 1024) + "K") << name;
}

TEST(BulkBuilderTest, TheLastVersionOfAnIdWinsAsInADirectRebuild) {
  test::TempDir tmp;
  std::vector<std::string> steps;
  for (int i = 0; i < 20; ++i) steps.push_back("+" + article(i));
  steps.push_back("+" + article(3, "amended"));  // replaces a document of an earlier run
  steps.push_back("-a5");                        // deletes one
  steps.push_back("-a6");
  steps.push_back("+" + article(6, "restored"));  // deleted, then given again
  steps.push_back("+" + article(21));
  steps.push_back("+" + article(21, "again"));  // twice in the same run
  steps.push_back("-a99");                      // never given
  rebuild(tmp.file("bulk"), steps, kTiny);
  rebuild(tmp.file("direct"), steps, kDirect);
  Snapshot bulk = snapshot(tmp.file("bulk")), direct = snapshot(tmp.file("direct"));
  EXPECT_EQ(bulk.count, 20u);  // a0..a19 without a5, and a21
  EXPECT_EQ(bulk.docs.count("a5"), 0u);
  EXPECT_NE(bulk.docs["a3"].find("amended"), std::string::npos);
  EXPECT_NE(bulk.docs["a6"].find("restored"), std::string::npos);
  EXPECT_NE(bulk.docs["a21"].find("again"), std::string::npos);
  EXPECT_EQ(bulk.docs, direct.docs);
  EXPECT_EQ(bulk.spelling, direct.spelling) << "replaced and deleted words must leave";
  EXPECT_EQ(bulk.value_stats, direct.value_stats);
}

TEST(BulkBuilderTest, WriterReportsWhatEachStepDid) {
  test::TempDir tmp;
  IndexWriter w(tmp.file("idx"), IndexWriter::Mode::kRebuild, kExtra, 0, kTiny);
  EXPECT_EQ(w.upsert(prepared(article(1))), IndexWriter::Outcome::kAdded);
  EXPECT_EQ(w.upsert(prepared(article(1, "b"))), IndexWriter::Outcome::kReplaced);
  EXPECT_TRUE(w.remove("a1"));
  EXPECT_FALSE(w.remove("a1")) << "already deleted";
  EXPECT_FALSE(w.remove("a2")) << "never added";
  EXPECT_EQ(w.upsert(prepared(article(1, "c"))), IndexWriter::Outcome::kAdded);
  {
    const PreparedDocument kept = prepared(article(2));  // copied, then gone
    EXPECT_EQ(w.upsert(kept), IndexWriter::Outcome::kAdded);
  }
  EXPECT_EQ(w.size(), 2u);
  w.finish();
  EXPECT_EQ(w.size(), 2u);
  Xapian::Database db(tmp.file("idx"));
  EXPECT_EQ(db.get_termfreq("Qa2"), 1u);
  EXPECT_EQ(db.get_termfreq("c"), 1u) << "the last version of a1";
}

TEST(BulkBuilderTest, ShardedRebuildInRunsEqualsADirectOne) {
  test::TempDir tmp;
  std::vector<std::string> steps;
  for (int i = 0; i < 30; ++i) steps.push_back("+" + article(i));
  steps.push_back("-a7");
  rebuild(tmp.file("bulk"), steps, kTiny, 3);
  rebuild(tmp.file("direct"), steps, kDirect, 3);
  EXPECT_EQ(live_shard_count(tmp.file("bulk")), 3u);
  Snapshot bulk = snapshot(tmp.file("bulk")), direct = snapshot(tmp.file("direct"));
  EXPECT_EQ(bulk.count, 29u);
  EXPECT_EQ(bulk.docs, direct.docs);
  EXPECT_EQ(bulk.spelling, direct.spelling);
  for (unsigned i = 0; i < 3; ++i) {
    const std::string shard = tmp.file("bulk") + "/gen-1/shard-" + std::to_string(i);
    EXPECT_EQ(Xapian::Database(shard).get_metadata(std::string(schema::kGenerationKey)), "gen-1");
  }
}

// Fewer runs than are merged at a time: the spelling words of all of them
// are added to one database and committed as each run gives them, and the
// final merge copies its spelling table; one per shard.
TEST(BulkBuilderTest, AFewRunsGiveTheSpellingOfADirectRebuild) {
  for (unsigned shards : {1u, 3u}) {
    SCOPED_TRACE(shards);
    test::TempDir tmp;
    std::vector<std::string> steps;
    for (int i = 0; i < 40; ++i)
      steps.push_back("+" + article(i, i % 4 == 0 ? "гавань" : i % 4 == 1 ? "зерно" : ""));
    steps.push_back("-a9");
    rebuild(tmp.file("bulk"), steps, kFewRuns, shards);
    rebuild(tmp.file("direct"), steps, kDirect, shards);
    Snapshot bulk = snapshot(tmp.file("bulk")), direct = snapshot(tmp.file("direct"));
    EXPECT_EQ(bulk.count, 39u);
    EXPECT_EQ(bulk.docs, direct.docs);
    EXPECT_FALSE(bulk.spelling.empty());
    EXPECT_EQ(bulk.spelling, direct.spelling);
    EXPECT_EQ(bulk.suggestions, direct.suggestions);
    EXPECT_EQ(bulk.spelling.at(spelling_key("гавань")), 10 * schema::kTitleWdfBoost);
    EXPECT_FALSE(fs::exists(tmp.file("bulk") + "/staging")) << "runs left behind";
  }
}

TEST(BulkBuilderTest, AbandonedBulkRebuildLeavesNothingBehind) {
  test::TempDir tmp;
  const std::string dir = tmp.file("idx");
  rebuild(dir, {"+" + article(1)}, kTiny);
  {
    IndexWriter w(dir, IndexWriter::Mode::kRebuild, kExtra, 0, kTiny);
    for (int i = 0; i < 10; ++i) w.upsert(prepared(article(i)));
    EXPECT_TRUE(fs::exists(dir + "/staging"));
    w.abandon();
  }
  EXPECT_FALSE(fs::exists(dir + "/staging"));
  EXPECT_EQ(list_generations(dir), std::vector<std::string>{"gen-1"});
  EXPECT_EQ(Xapian::Database(dir).get_doccount(), 1u);
}

TEST(BulkBuilderTest, StagingLeftByAKilledRebuildIsCleanedUp) {
  test::TempDir tmp;
  const std::string dir = tmp.file("idx");
  rebuild(dir, {"+" + article(1)}, kTiny);
  fs::create_directories(dir + "/staging/0-7");
  std::ofstream(dir + "/staging/0-7/junk") << "x";
  { IndexWriter w(dir); }
  EXPECT_FALSE(fs::exists(dir + "/staging"));
}

TEST(BulkBuilderTest, AFailedMergeIsReported) {
  test::TempDir tmp;
  const std::string blocked = tmp.file("blocked");
  std::ofstream(blocked) << "not a directory";
  BulkBuilder b(tmp.file("staging"), 1, kTiny);
  for (int i = 0; i < 10; ++i) b.add(0, prepared(article(i)));
  EXPECT_ANY_THROW(b.finish({blocked + "/db"}));  // under a file: cannot be created
}

TEST(BulkBuilderTest, EmptyRebuildGivesAnEmptyIndex) {
  test::TempDir tmp;
  rebuild(tmp.file("idx"), {}, kTiny, 2);
  EXPECT_EQ(Xapian::Database(tmp.file("idx")).get_doccount(), 0u);
}

}  // namespace
}  // namespace portal
