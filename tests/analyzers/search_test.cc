// End to end through Xapian: real sample articles (data/) indexed with
// build_document() into an in-memory database, searched with word_query() and
// phrase_query(), the way the daemon does.
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <map>
#include <set>

#include "analyzers/analyzer.h"
#include "indexer/document_builder.h"
#include "indexer/schema.h"
#include "indexer/stored_data.h"
#include "searchd/query_terms.h"
#include "tests/support/test_env.h"

namespace portal {
namespace {

// Each chosen for a form of a word and the absence of the others (see the
// comments at the use sites).
const std::set<std::string> kIds = {
    "zelensky-uk-Q3RGBV74SJ4", "zelensky-uk-NuitFm9w_qE", "nerel-ru-37091",
    "winer-fr-2016_09_03-006", "zelensky-en-FdovXexNqnM", "winer-fr-2016_06_07-002",
    "zelensky-en-Mh2YEXTWrRQ", "zelensky-uk-z_wXyW829Bw", "zelensky-en-uaYIv7EsXi4",
    "zelensky-en-wP_KbDGDGk4", "zelensky-uk-eEJc4ospS44", "nerel-ru-19795",
    "zelensky-uk-CFyAeJwNIeg", "winer-fr-2016_01_31-001", "zelensky-uk-Cu2v_W41A6I",
    "zelensky-uk-WGqs0KAHDAo", "zelensky-uk-T8Gazh3lz8Y", "zelensky-en-pl6bRXRUeTM",
};

class SearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const char* corpus :
         {"zelensky-addresses", "wikinews-fr-winer", "wikinews-ru-nerel", "kremlin-ru-2025"}) {
      std::ifstream in(test::source_dir() + "/data/" + corpus + "/docs.jsonl");
      std::string line;
      while (std::getline(in, line)) {
        Article a = parse_article(line);
        if (!kIds.contains(a.id)) continue;
        articles_[a.id] = a;
        db_->add_document(build_document(a));
      }
    }
    db_->commit();
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }

  // Ids of the matching documents, best first.
  static std::vector<std::string> search(const Xapian::Query& query) {
    Xapian::Enquire enquire(*db_);
    enquire.set_query(query);
    std::vector<std::string> out;
    Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Xapian::Document doc = it.get_document();
      auto t = doc.termlist_begin();
      t.skip_to(std::string(schema::kIdPrefix));
      if (t != doc.termlist_end() && (*t).starts_with(schema::kIdPrefix))
        out.push_back((*t).substr(schema::kIdPrefix.size()));
    }
    return out;
  }
  static std::vector<std::string> search_word(std::string_view word) {
    return search(word_query(word, query_languages(word)));
  }
  static bool finds(std::string_view word, const std::string& id) {
    auto ids = search_word(word);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }
  static size_t rank(const std::vector<std::string>& ids, const std::string& id) {
    return static_cast<size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
  }

  static Xapian::WritableDatabase* db_;
  static std::map<std::string, Article> articles_;
};

Xapian::WritableDatabase* SearchTest::db_ = nullptr;
std::map<std::string, Article> SearchTest::articles_;

TEST_F(SearchTest, FixtureHoldsEveryChosenArticle) { EXPECT_EQ(db_->get_doccount(), kIds.size()); }

TEST_F(SearchTest, InflectedFormsFindEachOther) {
  struct Case {
    const char* query;
    const char* id;
    const char* says;
  } cases[] = {
      {"санкції", "zelensky-uk-Q3RGBV74SJ4", "санкціями"},
      {"санкції", "zelensky-uk-NuitFm9w_qE", "санкцій"},
      {"санкціями", "zelensky-uk-NuitFm9w_qE", "санкцій"},
      {"переговоры", "nerel-ru-37091", "переговорах"},
      {"négocier", "winer-fr-2016_09_03-006", "négociations"},
      {"attacks", "zelensky-en-FdovXexNqnM", "attacked"},
      {"об'єкт", "zelensky-uk-Cu2v_W41A6I", "об’єкт..."},
  };
  for (const auto& c : cases) {
    const Article& a = articles_.at(c.id);
    std::string text = a.title + " " + a.summary + " " + a.body;
    ASSERT_EQ(text.find(c.query), std::string::npos) << c.id << " says " << c.query;
    EXPECT_TRUE(finds(c.query, c.id))
        << c.query << " should find " << c.id << " (" << c.says << ")";
  }
}

TEST_F(SearchTest, AccentsFoldForMatching) {
  EXPECT_TRUE(finds("defense", "winer-fr-2016_06_07-002"));  // says défense
  EXPECT_TRUE(finds("défense", "zelensky-en-Mh2YEXTWrRQ"));  // says defense
  // The stored article keeps its accents.
  Xapian::Enquire enquire(*db_);
  enquire.set_query(Xapian::Query("Qwiner-fr-2016_06_07-002"));
  auto mset = enquire.get_mset(0, 1);
  ASSERT_EQ(mset.size(), 1u);
  EXPECT_NE(
      portal::decode_stored(portal::stored_bytes(mset.begin().get_document())).find("défense"),
      std::string::npos);
}

TEST_F(SearchTest, LatinNamesFindCyrillicTextAndViceVersa) {
  // Ukrainian address naming Зеленський, no Latin spelling.
  EXPECT_TRUE(finds("Zelensky", "zelensky-uk-z_wXyW829Bw"));
  EXPECT_TRUE(finds("zelenskyy", "zelensky-uk-z_wXyW829Bw"));
  // English address saying Zelenskyy.
  EXPECT_TRUE(finds("Зеленський", "zelensky-en-wP_KbDGDGk4"));
  EXPECT_TRUE(finds("Зеленский", "zelensky-en-wP_KbDGDGk4"));
  // Київ / Киеве.
  EXPECT_TRUE(finds("Kyiv", "zelensky-uk-eEJc4ospS44"));
  EXPECT_TRUE(finds("Kiev", "nerel-ru-19795"));
  EXPECT_TRUE(finds("Kyiv", "nerel-ru-19795"));  // rename, through the synonym list
  EXPECT_TRUE(finds("Київ", "zelensky-en-pl6bRXRUeTM"));
}

TEST_F(SearchTest, ExactScriptMatchesRankAboveTransliteratedOnes) {
  auto ids = search_word("Zelensky");
  size_t english = rank(ids, "zelensky-en-uaYIv7EsXi4");  // says Zelensky
  size_t ukrainian = rank(ids, "zelensky-uk-z_wXyW829Bw");
  ASSERT_LT(ukrainian, ids.size());
  EXPECT_LT(english, ukrainian);

  ids = search_word("Зеленський");
  EXPECT_LT(rank(ids, "zelensky-uk-z_wXyW829Bw"), rank(ids, "zelensky-en-wP_KbDGDGk4"));
}

TEST_F(SearchTest, SynonymsFindOtherSpellings) {
  EXPECT_TRUE(finds("NATO", "zelensky-uk-CFyAeJwNIeg"));  // says НАТО
  EXPECT_TRUE(finds("OTAN", "zelensky-uk-CFyAeJwNIeg"));
  EXPECT_TRUE(finds("l'OTAN", "winer-fr-2016_01_31-001"));
  EXPECT_TRUE(finds("НАТО", "winer-fr-2016_01_31-001"));  // says l'OTAN
}

TEST_F(SearchTest, CompoundsAreFoundByTheWholeAndByTheParts) {
  // "стати пліч-о-пліч з українською армією" in zelensky-uk-T8Gazh3lz8Y.
  auto whole = search_word("пліч-о-пліч");
  auto part = search_word("пліч");
  EXPECT_NE(std::find(whole.begin(), whole.end(), "zelensky-uk-T8Gazh3lz8Y"), whole.end());
  for (const auto& id : whole) EXPECT_NE(std::find(part.begin(), part.end(), id), part.end()) << id;
}

TEST_F(SearchTest, PhrasesKeepStopWords) {
  // "Моя сім’я – не зрадники": the stop word не is indexed with its position.
  auto ids = search(phrase_query("сім'я не зрадники", QueryField::kAll, {"uk"}));
  EXPECT_EQ(ids, std::vector<std::string>{"zelensky-uk-WGqs0KAHDAo"});
  EXPECT_TRUE(search(phrase_query("зрадники не сім'я", QueryField::kAll, {"uk"})).empty());
  EXPECT_TRUE(is_stop_word("не", {"uk", "ru"}));
  EXPECT_FALSE(is_stop_word("санкції", {"uk"}));
}

TEST_F(SearchTest, TitleFieldSearchesTitlesOnly) {
  // Q3RGBV74SJ4 has санкціями in its title, NuitFm9w_qE only in its body.
  auto ids = search(word_query("санкції", {"uk"}, QueryField::kTitle));
  EXPECT_NE(std::find(ids.begin(), ids.end(), "zelensky-uk-Q3RGBV74SJ4"), ids.end());
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "zelensky-uk-NuitFm9w_qE"), ids.end());
  ASSERT_NE(std::find(kIds.begin(), kIds.end(), "zelensky-uk-NuitFm9w_qE"), kIds.end());
}

TEST(QueryAnalysesTest, AnalysesAreMadeOnceAndAreTheAnalyzers) {
  QueryAnalyses analyses;
  const auto& first = analyses.tokens("uk", "санкцій");
  const auto made = analysis::analyzer_for("uk").analyze("санкцій");
  ASSERT_EQ(first.size(), made.size());
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(first[0].term, made[0].term);
  EXPECT_EQ(first[0].stems, made[0].stems);
  EXPECT_EQ(&analyses.tokens("uk", "санкцій"), &first);  // the same analysis again
  // Another language or text is another analysis.
  EXPECT_NE(&analyses.tokens("ru", "санкцій"), &first);
  EXPECT_NE(&analyses.tokens("uk", "санкції"), &first);
  EXPECT_EQ(analyses.tokens("en", "running")[0].stems,
            analysis::analyzer_for("en").analyze("running")[0].stems);
}

TEST(QueryAnalysesTest, WordQueriesAreTheSameThroughThem) {
  QueryAnalyses analyses;
  for (const char* word : {"санкції", "Zelensky", "covid-19", "l'OTAN", "the"}) {
    for (auto field : {QueryField::kAll, QueryField::kTitle}) {
      const auto languages = query_languages(word);
      const std::string alone = word_query(word, languages, field).serialise();
      EXPECT_EQ(word_query(word, languages, field, &analyses).serialise(), alone) << word;
      EXPECT_EQ(word_query(word, languages, field, &analyses).serialise(), alone) << word;
      // Other languages, another query.
      EXPECT_EQ(word_query(word, {"fr"}, field, &analyses).serialise(),
                word_query(word, {"fr"}, field).serialise())
          << word;
    }
  }
  EXPECT_EQ(phrase_query("à l'OTAN", QueryField::kAll, {}, &analyses).serialise(),
            phrase_query("à l'OTAN").serialise());
}

TEST(DocumentBuilderLanguageTest, ArticlesWithoutLanguageGetTheDetectedOne) {
  Article a;
  a.id = "x";
  a.title = "Санкції проти Росії";
  a.body =
      "Світ повинен підтримувати Україну новими санкціями проти агресора, і ми дякуємо "
      "всім партнерам за допомогу.";
  Xapian::Document doc = build_document(a);
  EXPECT_EQ(doc.get_value(schema::kLangSlot), "uk");
  std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
  EXPECT_TRUE(terms.contains(std::string(schema::kLangPrefix) + "uk"));
  // Analysed as Ukrainian: dictionary lemmas.
  EXPECT_TRUE(terms.contains(std::string(schema::kStemPrefix) + "санкція"));
}

}  // namespace
}  // namespace portal
