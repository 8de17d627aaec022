#include "indexer/index_writer.h"

#include <gtest/gtest.h>

#include <xapian.h>
#include <map>

#include <filesystem>

#include "indexer/index_layout.h"
#include "indexer/schema.h"
#include "indexer/spelling_key.h"
#include "tests/support/test_env.h"

namespace portal {
namespace {

const std::vector<schema::ExtraField> kExtra = {{"places", "place", 10}};

PreparedDocument prepared(const std::string& json) {
  return prepare_document(parse_article(json, kExtra), kExtra);
}

unsigned termfreq(const std::string& dir, const std::string& term) {
  return Xapian::Database(dir).get_termfreq(term);
}

// The spelling table of `dir`: each word (or key) with its frequency.
std::map<std::string, Xapian::doccount> spellings(const std::string& dir) {
  Xapian::Database db(dir);
  std::map<std::string, Xapian::doccount> out;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) out[*it] = it.get_termfreq();
  return out;
}

TEST(IndexWriterTest, UpsertsByIdAndSkipsUnchangedDocuments) {
  test::TempDir tmp;
  const std::string dir = tmp.file("idx");
  {
    IndexWriter w(dir, IndexWriter::Mode::kUpdate, kExtra);
    EXPECT_EQ(w.upsert(prepared(R"({"id":"a","title":"Ceasefire talks","topics":["war"]})")),
              IndexWriter::Outcome::kAdded);
    EXPECT_EQ(w.upsert(prepared(R"({"id":"b","title":"Grain exports"})")),
              IndexWriter::Outcome::kAdded);
    w.finish();
  }
  Xapian::Database db(dir);
  EXPECT_EQ(db.get_doccount(), 2u);
  auto revision = db.get_revision();
  {
    IndexWriter w(dir, IndexWriter::Mode::kUpdate, kExtra);
    EXPECT_EQ(w.upsert(prepared(R"({"id":"a","title":"Ceasefire talks","topics":["war"]})")),
              IndexWriter::Outcome::kUnchanged);
    w.finish();
  }
  db.reopen();
  EXPECT_EQ(db.get_revision(), revision) << "re-indexing the same article changed the index";
  {
    IndexWriter w(dir, IndexWriter::Mode::kUpdate, kExtra);
    EXPECT_EQ(w.upsert(prepared(R"({"id":"a","title":"Ceasefire agreed","topics":["peace"]})")),
              IndexWriter::Outcome::kReplaced);
    w.finish();
  }
  db.reopen();
  EXPECT_EQ(db.get_doccount(), 2u);
  EXPECT_EQ(db.get_termfreq("XTwar"), 0u);
  EXPECT_EQ(db.get_termfreq("XTpeace"), 1u);
}

TEST(IndexWriterTest, KeepsSpellingFrequenciesExact) {
  test::TempDir tmp;
  const std::string dir = tmp.file("idx");
  {
    IndexWriter w(dir, IndexWriter::Mode::kUpdate, kExtra);
    w.upsert(prepared(R"({"id":"a","title":"Negotiations","body":"negotiations resumed"})"));
    w.upsert(prepared(R"({"id":"b","title":"Harvest","body":"negotiations on grain"})"));
    w.finish();
  }
  Xapian::Database db(dir);
  EXPECT_EQ(db.get_spelling_suggestion("negotiatoins"), "negotiations");
  auto freq = [&](const std::string& word) {
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
      if (*it == word) return it.get_termfreq();
    return Xapian::doccount(0);
  };
  const auto before = freq("negotiations");
  EXPECT_GT(before, 0u);
  EXPECT_EQ(freq("12"), 0u);
  {
    IndexWriter w(dir, IndexWriter::Mode::kUpdate, kExtra);
    w.upsert(prepared(R"({"id":"a","title":"Negotiations","body":"negotiations resumed"})"));
    EXPECT_TRUE(w.remove("b"));
    EXPECT_FALSE(w.remove("never-indexed"));
    w.finish();
  }
  db.reopen();
  EXPECT_LT(freq("negotiations"), before);
  EXPECT_GT(freq("negotiations"), 0u);
  EXPECT_EQ(freq("harvest"), 0u) << "the deleted document's words stay in the spelling table";
}

TEST(IndexWriterTest, CyrillicSpellingWordsAreKeyedUnlessTheIndexHoldsUtf8) {
  // A new index holds spelling keys (one byte a Cyrillic letter) and says
  // so; an index written before them (UTF-8 words, no metadata) is updated
  // in kind, so that replacing or deleting a document still finds its words.
  const std::string keys_key(schema::kSpellingKeysKey);
  const char* a = R"({"id":"a","lang":"uk","title":"Санкції","body":"нові санкції"})";
  const char* a2 = R"({"id":"a","lang":"uk","title":"Переговори","body":"нові переговори"})";
  test::TempDir tmp;
  const std::string fresh = tmp.file("fresh");
  {
    IndexWriter w(fresh, IndexWriter::Mode::kUpdate, kExtra);
    w.upsert(prepared(a));
    w.finish();
  }
  EXPECT_EQ(Xapian::Database(fresh).get_metadata(keys_key), "1");
  auto keyed = spellings(fresh);
  EXPECT_EQ(keyed[spelling_key("санкції")], 1 + schema::kTitleWdfBoost);  // body and title
  EXPECT_EQ(keyed.count("санкції"), 0u);
  EXPECT_EQ(keyed[spelling_key("нові")], 1u);

  // An older index: the same article, its words as UTF-8.
  const std::string older = tmp.file("older");
  {
    Xapian::WritableDatabase db(older, Xapian::DB_CREATE);
    Xapian::Document doc = prepared(a).doc;
    db.replace_document("Qa", doc);
    for (const auto& [word, freq] : prepared(a).spelling) db.add_spelling(word, freq);
    db.commit();
  }
  {
    IndexWriter w(older);
    w.upsert(prepared(a2));
    w.finish();
  }
  EXPECT_EQ(Xapian::Database(older).get_metadata(keys_key), "");
  auto utf8 = spellings(older);
  EXPECT_EQ(utf8.count("санкції"), 0u) << "the replaced version's words stay";
  EXPECT_EQ(utf8["переговори"], 1 + schema::kTitleWdfBoost);
  EXPECT_EQ(utf8["нові"], 1u);
  for (const auto& [word, freq] : utf8) EXPECT_EQ(spelling_word(word), word) << "a key in " << word;
}

TEST(IndexWriterTest, SpellingOfABatchIsThatOfItsFinalDocuments) {
  // Replacements and deletions inside one uncommitted batch: the spelling
  // table ends as if only the surviving versions had been written.
  test::TempDir tmp;
  const char* a1 = R"({"id":"a","title":"Harvest","body":"harvest negotiations resumed"})";
  const char* b = R"({"id":"b","title":"Grain","body":"grain corridor harvest"})";
  const char* a2 = R"({"id":"a","title":"Negotiations","body":"negotiations about grain"})";
  const char* c = R"({"id":"c","title":"Corridor","body":"corridor corridor reopened"})";
  {
    IndexWriter w(tmp.file("churn"), IndexWriter::Mode::kUpdate, kExtra);
    w.upsert(prepared(a1));
    w.upsert(prepared(b));
    w.upsert(prepared(a2));
    EXPECT_TRUE(w.remove("b"));
    w.upsert(prepared(c));
    w.finish();
  }
  {
    IndexWriter w(tmp.file("final"), IndexWriter::Mode::kUpdate, kExtra);
    w.upsert(prepared(a2));
    w.upsert(prepared(c));
    w.finish();
  }
  auto churn = spellings(tmp.file("churn"));
  EXPECT_EQ(churn, spellings(tmp.file("final")));
  EXPECT_EQ(churn.count("harvest"), 0u);
  EXPECT_GT(churn["corridor"], 0u);
}

TEST(IndexWriterTest, IndexesFacetsFiltersAndValues) {
  test::TempDir tmp;
  const std::string dir = tmp.file("idx");
  {
    IndexWriter w(dir, IndexWriter::Mode::kUpdate, kExtra);
    w.upsert(prepared(
        R"({"id":"a","title":"T","lang":"uk","type":"speech","date":"2022-03-05T10:00",)"
        R"("topics":["war","energy"],"places":["Kyiv","Lviv"],"translation_group":"g1"})"));
    w.finish();
  }
  Xapian::Database db(dir);
  for (const char* term : {"Qa", "Luk", "XKspeech", "XTwar", "XTenergy", "Y2022", "XM2022-03",
                           "Gg1", "XFplace:Kyiv", "XFplace:Lviv"})
    EXPECT_EQ(db.get_termfreq(term), 1u) << term;
  Xapian::Document doc = db.get_document(*db.postlist_begin("Qa"));
  EXPECT_EQ(doc.get_value(schema::kDateSlot), "2022-03-05");
  EXPECT_EQ(doc.get_value(schema::kLangSlot), "uk");
  EXPECT_EQ(schema::split_values(doc.get_value(schema::kTopicsSlot)),
            (std::vector<std::string>{"war", "energy"}));
  EXPECT_EQ(schema::split_values(doc.get_value(10)), (std::vector<std::string>{"Kyiv", "Lviv"}));
  EXPECT_EQ(db.get_metadata(std::string(schema::kExtraFieldsKey)),
            R"([{"field":"places","param":"place","slot":10}])");
}

TEST(IndexWriterTest, RejectsAnIndexBuiltWithOtherFacetFields) {
  test::TempDir tmp;
  const std::string dir = tmp.file("idx");
  {
    IndexWriter w(dir, IndexWriter::Mode::kUpdate, kExtra);
    w.upsert(prepared(R"({"id":"a","title":"T"})"));
    w.finish();
  }
  std::vector<schema::ExtraField> other = {{"people", "person", 10}};
  EXPECT_THROW(IndexWriter(dir, IndexWriter::Mode::kUpdate, other), LayoutError);
  EXPECT_NO_THROW(IndexWriter(dir, IndexWriter::Mode::kRebuild, other));
}

TEST(IndexWriterTest, RebuildSwitchesGenerationsAtomically) {
  test::TempDir tmp;
  const std::string dir = tmp.file("idx");
  {
    IndexWriter w(dir, IndexWriter::Mode::kUpdate, kExtra);
    w.upsert(prepared(R"({"id":"old","title":"Old"})"));
    w.finish();
  }
  EXPECT_EQ(live_generation(dir), "gen-1");
  Xapian::Database reader(dir);
  {
    IndexWriter w(dir, IndexWriter::Mode::kRebuild, kExtra);
    w.upsert(prepared(R"({"id":"new","title":"New"})"));
    w.commit();
    EXPECT_EQ(termfreq(dir, "Qold"), 1u) << "a rebuild in progress is visible";
    w.finish();
    EXPECT_EQ(w.size(), 1u);
  }
  EXPECT_EQ(live_generation(dir), "gen-2");
  EXPECT_EQ(list_generations(dir), std::vector<std::string>{"gen-2"});
  EXPECT_EQ(termfreq(dir, "Qold"), 0u);
  EXPECT_EQ(termfreq(dir, "Qnew"), 1u);
  EXPECT_EQ(reader.get_termfreq("Qold"), 1u) << "an open reader keeps its generation";
}

TEST(IndexWriterTest, AbandonedRebuildLeavesTheLiveIndexAlone) {
  test::TempDir tmp;
  const std::string dir = tmp.file("idx");
  {
    IndexWriter w(dir, IndexWriter::Mode::kUpdate, kExtra);
    w.upsert(prepared(R"({"id":"old","title":"Old"})"));
    w.finish();
  }
  {
    IndexWriter w(dir, IndexWriter::Mode::kRebuild, kExtra);
    w.upsert(prepared(R"({"id":"new","title":"New"})"));
    w.abandon();
  }
  EXPECT_EQ(live_generation(dir), "gen-1");
  EXPECT_EQ(list_generations(dir), std::vector<std::string>{"gen-1"});
  EXPECT_EQ(termfreq(dir, "Qold"), 1u);
}

TEST(IndexWriterTest, AbandonDropsTheUncommittedBatch) {
  test::TempDir tmp;
  const std::string dir = tmp.file("idx");
  {
    IndexWriter w(dir, IndexWriter::Mode::kUpdate, kExtra);
    w.upsert(prepared(R"({"id":"a","title":"A"})"));
    w.commit();
    w.upsert(prepared(R"({"id":"b","title":"B"})"));
    w.abandon();
  }
  EXPECT_EQ(termfreq(dir, "Qa"), 1u);
  EXPECT_EQ(termfreq(dir, "Qb"), 0u);
}

TEST(IndexWriterTest, BuildsArticlesWithTheRecordedFacetFields) {
  test::TempDir tmp;
  const std::string dir = tmp.file("idx");
  { IndexWriter(dir, IndexWriter::Mode::kUpdate, kExtra).finish(); }
  {
    IndexWriter w(dir);
    EXPECT_EQ(w.upsert(parse_article(R"({"id":"a","title":"T","places":["Odesa"]})", kExtra)),
              IndexWriter::Outcome::kAdded);
    w.commit();
  }
  EXPECT_EQ(termfreq(dir, "XFplace:Odesa"), 1u);
}

TEST(IndexWriterTest, OneWriterAtATime) {
  test::TempDir tmp;
  const std::string dir = tmp.file("idx");
  IndexWriter first(dir, IndexWriter::Mode::kUpdate, kExtra);
  EXPECT_THROW(IndexWriter(dir, IndexWriter::Mode::kUpdate, kExtra), LayoutError);
}

}  // namespace
}  // namespace portal
