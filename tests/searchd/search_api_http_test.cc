// The read API over HTTP: a real portal-searchd over an index of the Zelensky
// addresses built by the real portal-indexer. Expected counts come from the
// JSON Lines file.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tests/searchd/corpus.h"
#include "tests/support/test_env.h"

namespace portal::test {
namespace {

using nlohmann::json;

class SearchApiHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    corpus_ = new Corpus(zelensky_jsonl());
    auto r = run_process({indexer_bin(), "index", "--db", dir_->file("db"), zelensky_jsonl()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    daemon_ = new Daemon(dir_->file("db"));
  }
  static void TearDownTestSuite() {
    delete daemon_;
    delete corpus_;
    delete dir_;
  }

  static json get(const std::string& path, int expected_status = 200) {
    httplib::Client client("127.0.0.1", daemon_->port());
    auto res = client.Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    EXPECT_EQ(res->status, expected_status) << path << ": " << res->body;
    return json::parse(res->body);
  }
  static std::map<std::string, unsigned long> facet(const json& r, const std::string& name) {
    std::map<std::string, unsigned long> out;
    for (const auto& v : r["facets"][name]) out[v["value"]] = v["count"];
    return out;
  }

  static TempDir* dir_;
  static Corpus* corpus_;
  static Daemon* daemon_;
};
TempDir* SearchApiHttpTest::dir_ = nullptr;
Corpus* SearchApiHttpTest::corpus_ = nullptr;
Daemon* SearchApiHttpTest::daemon_ = nullptr;

TEST_F(SearchApiHttpTest, SearchAnswersInTheDocumentedShape) {
  json r = get("/api/v1/search?q=sanctions");
  EXPECT_EQ(r["query"]["q"], "sanctions");
  EXPECT_TRUE(r["query"]["corrected"].is_null());
  EXPECT_EQ(r["query"]["relaxed"], false);
  EXPECT_GT(r["total"].get<int>(), 10);
  EXPECT_EQ(r["total_is_exact"], true);
  EXPECT_EQ(r["facets_exact"], true);
  EXPECT_EQ(r["page"], 1);
  EXPECT_EQ(r["per_page"], 10);
  EXPECT_GE(r["took_ms"].get<double>(), 0);
  EXPECT_TRUE(r["did_you_mean"].is_null());
  ASSERT_EQ(r["hits"].size(), 10u);
  for (const char* key : {"id", "lang", "title", "title_html", "snippet_html", "snippet", "url",
                          "date", "type", "topics", "score", "translations"})
    EXPECT_TRUE(r["hits"][0].contains(key)) << key;
  for (const char* key : {"topic", "type", "lang", "year", "month"})
    EXPECT_TRUE(r["facets"].contains(key)) << key;
  EXPECT_NE(r["hits"][0]["snippet_html"].get<std::string>().find("<mark>"), std::string::npos);
}

TEST_F(SearchApiHttpTest, FiltersAndDisjunctiveFacets) {
  auto all = corpus_->where([](const auto&) { return true; });
  auto uk = corpus_->where([](const auto& d) { return Corpus::str(d, "lang") == "uk"; });
  json r =
      get("/api/v1/search?lang=uk&collapse=false&facets=lang,topic,place,speaker&facet_size=0");
  EXPECT_EQ(r["total"], uk.size());
  EXPECT_EQ(facet(r, "lang"), Corpus::count(all, "lang"));
  EXPECT_EQ(facet(r, "topic"), Corpus::count(uk, "topics"));
  EXPECT_TRUE(r["facets"].contains("place"));
  EXPECT_TRUE(r["facets"].contains("speaker"));
  EXPECT_FALSE(r["facets"].contains("year"));

  auto two = corpus_->where([](const auto& d) {
    auto ts = Corpus::list(d, "topics");
    return std::count(ts.begin(), ts.end(), "Ракетний удар") +
               std::count(ts.begin(), ts.end(), "Вбиті діти") >
           0;
  });
  json t =
      get("/api/v1/"
          "search?collapse=false&topic=%D0%A0%D0%B0%D0%BA%D0%B5%D1%82%D0%BD%D0%B8%D0%B9%20%D1%83"
          "%D0%B4%D0%B0%D1%80&topic=%D0%92%D0%B1%D0%B8%D1%82%D1%96%20%D0%B4%D1%96%D1%82%D0%B8");
  EXPECT_EQ(t["total"], two.size());
}

TEST_F(SearchApiHttpTest, FacetSizeCutsTermFacetsNotHistograms) {
  auto all = corpus_->where([](const auto&) { return true; });
  const auto topics = Corpus::count(all, "topics"), months = Corpus::count(all, "month");
  ASSERT_GT(topics.size(), 100u);  // more than a default answer holds
  ASSERT_GT(months.size(), 2u);
  EXPECT_EQ(get("/api/v1/search?collapse=false")["facets"]["topic"].size(), 100u);
  EXPECT_EQ(facet(get("/api/v1/search?collapse=false&facet_size=0"), "topic"), topics);
  json two = get("/api/v1/search?collapse=false&facet_size=2&from=1900");
  EXPECT_EQ(two["facets"]["topic"].size(), 2u);
  EXPECT_EQ(facet(two, "month"), months);
}

TEST_F(SearchApiHttpTest, DateRangeAndMonthHistogram) {
  auto april = corpus_->where([](const auto& d) {
    auto day = Corpus::str(d, "date").substr(0, 10);
    return day >= "2022-04-01" && day <= "2022-04-30";
  });
  json r = get("/api/v1/search?from=2022-04-01&to=2022-04-30&collapse=false");
  EXPECT_EQ(r["total"], april.size());
  EXPECT_EQ(facet(r, "month"), Corpus::count(april, "month"));
  EXPECT_EQ(facet(r, "year"), Corpus::count(april, "year"));
  get("/api/v1/search?from=April", 400);
}

TEST_F(SearchApiHttpTest, SortsByDate) {
  json r = get("/api/v1/search?q=war&sort=date_asc&per_page=20");
  ASSERT_EQ(r["hits"].size(), 20u);
  for (size_t i = 1; i < 20; ++i)
    EXPECT_LE(r["hits"][i - 1]["date"].get<std::string>().substr(0, 10),
              r["hits"][i]["date"].get<std::string>().substr(0, 10));
  json newest = get("/api/v1/search?q=war&sort=date&per_page=20");
  for (size_t i = 1; i < 20; ++i)
    EXPECT_GE(newest["hits"][i - 1]["date"].get<std::string>().substr(0, 10),
              newest["hits"][i]["date"].get<std::string>().substr(0, 10));
  EXPECT_EQ(get("/api/v1/search?sort=size", 400)["error"]["code"], "invalid_sort");
}

TEST_F(SearchApiHttpTest, CollapseShowsTheVisitorsLanguageWithTranslationLinks) {
  json r = get("/api/v1/search?ui_lang=uk&per_page=20");
  auto groups = Corpus::groups(corpus_->where([](const auto&) { return true; }));
  EXPECT_EQ(r["total"], groups);
  for (const auto& h : r["hits"]) {
    EXPECT_EQ(h["lang"], "uk") << h["id"];
    ASSERT_EQ(h["translations"].size(), 1u) << h["id"];
    EXPECT_EQ(h["translations"][0]["lang"], "en");
    json other = get("/api/v1/documents/" + h["translations"][0]["id"].get<std::string>());
    EXPECT_EQ(other["title"], h["translations"][0]["title"]);
  }
  json flat = get("/api/v1/search?collapse=false");
  EXPECT_EQ(flat["total"], corpus_->docs.size());
}

TEST_F(SearchApiHttpTest, MisspellingIsCorrected) {
  json r = get("/api/v1/search?q=sanctoins");
  EXPECT_EQ(r["query"]["corrected"], "sanctions");
  EXPECT_EQ(r["total"], get("/api/v1/search?q=sanctions")["total"]);
}

TEST_F(SearchApiHttpTest, TitlesOnlyWithoutSnippetsOrFacets) {
  json full = get("/api/v1/search?q=sanctions&ui_lang=en");
  json lean = get("/api/v1/search?q=sanctions&ui_lang=en&snippets=false&facets=none");
  EXPECT_EQ(lean["facets"], json::object());
  EXPECT_EQ(lean["total"], full["total"]);
  ASSERT_EQ(lean["hits"].size(), full["hits"].size());
  ASSERT_FALSE(full["hits"].empty());
  for (size_t i = 0; i < full["hits"].size(); ++i) {
    EXPECT_EQ(lean["hits"][i]["id"], full["hits"][i]["id"]);
    EXPECT_EQ(lean["hits"][i]["title_html"], full["hits"][i]["title_html"]);
    EXPECT_EQ(lean["hits"][i]["snippet_html"], "");
    EXPECT_NE(full["hits"][i]["snippet_html"], "");
  }
}

TEST_F(SearchApiHttpTest, BadParametersAre400WithTheParameterNamed) {
  struct Case {
    std::string query, code;
  } cases[] = {
      {"per_page=101", "invalid_per_page"},
      {"page=5000", "invalid_page"},
      {"collapse=maybe", "invalid_collapse"},
      {"recency=lots", "invalid_recency"},
      {"recency=3", "invalid_recency"},
      {"facets=colour", "invalid_facets"},
      {"facets=none,topic", "invalid_facets"},
      {"snippets=some", "invalid_snippets"},
      {"q=%22open", "invalid_q"},
      {"q=(a", "invalid_q"},
      {"q=topic:", "invalid_q"},
      {"to=2022-99", "invalid_to"},
      {"facet_size=-1", "invalid_facet_size"},
      {"facet_size=10001", "invalid_facet_size"},
      {"facet_size=all", "invalid_facet_size"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(get("/api/v1/search?" + c.query, 400)["error"]["code"], c.code) << c.query;
}

TEST_F(SearchApiHttpTest, SuggestCompletesWordsAndTitles) {
  json r = get("/api/v1/suggest?q=sanc");
  bool term = false, title = false;
  for (const auto& s : r["suggestions"]) {
    term |= s["kind"] == "term" && s["text"] == "sanctions";
    title |= s["kind"] == "title" && s.contains("id");
  }
  EXPECT_TRUE(term);
  EXPECT_TRUE(title);
  json uk = get("/api/v1/suggest?q=%D0%9C%D0%B0%D1%80%D1%96%D1%83&lang=uk");
  ASSERT_FALSE(uk["suggestions"].empty());
  for (const auto& s : uk["suggestions"])
    if (s["kind"] == "title") {
      EXPECT_TRUE(s["id"].get<std::string>().starts_with("zelensky-uk-"));
    }
  get("/api/v1/suggest?q=a&limit=0", 400);
}

TEST_F(SearchApiHttpTest, DocumentsAndSimilar) {
  const auto& doc = corpus_->docs[42];
  std::string id = Corpus::str(doc, "id");
  EXPECT_EQ(get("/api/v1/documents/" + id), doc);
  EXPECT_EQ(get("/api/v1/documents/no-such-id", 404)["error"]["code"], "not_found");
  json similar = get("/api/v1/documents/" + id + "/similar?limit=5");
  ASSERT_FALSE(similar["hits"].empty());
  EXPECT_LE(similar["hits"].size(), 5u);
  auto translations = Corpus::list(doc, "translations");
  for (const auto& h : similar["hits"]) {
    EXPECT_NE(h["id"], id);
    EXPECT_EQ(std::count(translations.begin(), translations.end(), h["id"].get<std::string>()), 0);
  }
  get("/api/v1/documents/no-such-id/similar", 404);
}

}  // namespace
}  // namespace portal::test
