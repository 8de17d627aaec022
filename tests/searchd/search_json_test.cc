// The JSON of search results, written straight from the results: the same
// document as nlohmann::json builds from them (the encoder of every other
// endpoint), the same bytes where numbers print alike, and invalid text
// repaired rather than passed on.
#include "searchd/search_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

namespace portal::http {
namespace {

using nlohmann::json;

Hit sample_hit(int n) {
  Hit h;
  h.id = "doc-" + std::to_string(n);
  h.lang = "uk";
  h.title = "Звернення \"Президента\" \\ " + std::to_string(n);
  h.title_html = "<mark>Звернення</mark> &quot;Президента&quot;";
  h.url = "https://example.org/" + std::to_string(n);
  h.date = "2022-03-0" + std::to_string(n);
  h.type = "speech";
  h.snippet = "line\nbreak\ttab \x01 control … é";
  h.snippet_html = "…<mark>l'été</mark>…";
  h.topics = {"war", "économie"};
  h.score = 12.5 + n;
  if (n % 2 == 0) h.translations.push_back({"doc-en-1", "en", "Address", "https://example.org/en"});
  return h;
}

SearchResult sample_result() {
  SearchResult r;
  r.q = "звернення \"quoted\"";
  r.corrected = "звернення";
  r.relaxed = true;
  r.total = 12345;
  r.total_is_exact = false;
  r.partial = false;
  r.page = 2;
  r.per_page = 3;
  r.took_ms = 0.25;
  for (int i = 1; i <= 3; ++i) r.hits.push_back(sample_hit(i));
  r.facets = {
      {"year", {{"2022", 7}, {"2023", 2}}}, {"lang", {{"uk", 5}, {"en", 4}}}, {"topic", {}}};
  r.facets_exact = false;
  return r;
}

// The result as the search handler built it before, with nlohmann::json.
json nlohmann_result(const SearchResult& r) {
  json hits = json::array();
  for (const auto& h : r.hits) {
    json translations = json::array();
    for (const auto& t : h.translations)
      translations.push_back({{"id", t.id}, {"lang", t.lang}, {"title", t.title}, {"url", t.url}});
    hits.push_back({{"id", h.id},
                    {"lang", h.lang},
                    {"title", h.title},
                    {"title_html", h.title_html},
                    {"snippet_html", h.snippet_html},
                    {"snippet", h.snippet},
                    {"url", h.url},
                    {"date", h.date},
                    {"type", h.type},
                    {"topics", h.topics},
                    {"score", h.score},
                    {"translations", translations}});
  }
  json facets = json::object();
  for (const auto& f : r.facets) {
    json values = json::array();
    for (const auto& v : f.values) values.push_back({{"value", v.value}, {"count", v.count}});
    facets[f.name] = values;
  }
  auto optional = [](const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); };
  return {{"query", {{"q", r.q}, {"corrected", optional(r.corrected)}, {"relaxed", r.relaxed}}},
          {"total", r.total},
          {"total_is_exact", r.total_is_exact},
          {"facets_exact", r.facets_exact},
          {"partial", r.partial},
          {"page", r.page},
          {"per_page", r.per_page},
          {"took_ms", r.took_ms},
          {"hits", hits},
          {"facets", facets},
          {"did_you_mean", optional(r.did_you_mean)}};
}

TEST(SearchJsonTest, WritesTheDocumentAndTheBytesNlohmannWrites) {
  SearchResult r = sample_result();
  const std::string text = search_result_json(r);
  const json expected = nlohmann_result(r);
  EXPECT_EQ(json::parse(text), expected);
  // Keys sorted as nlohmann::json's objects are, and every number here
  // prints alike.
  EXPECT_EQ(text, expected.dump(-1, ' ', false, json::error_handler_t::replace));
  EXPECT_NE(text.find("\"did_you_mean\":null"), std::string::npos);
}

TEST(SearchJsonTest, AnEmptyResultIsComplete) {
  SearchResult r;
  json parsed = json::parse(search_result_json(r));
  EXPECT_EQ(parsed, nlohmann_result(r));
  EXPECT_TRUE(parsed.at("hits").is_array());
  EXPECT_TRUE(parsed.at("facets").is_object());
}

TEST(SearchJsonTest, ReplacesInvalidUtf8AsNlohmannDoes) {
  SearchResult r = sample_result();
  r.hits[1].snippet = "cut \xD0 here \xFF\xFE and \xE2\x80 end";
  r.q = "\xC3";
  const std::string text = search_result_json(r);
  json parsed = json::parse(text);  // throws on invalid UTF-8
  EXPECT_EQ(parsed,
            json::parse(nlohmann_result(r).dump(-1, ' ', false, json::error_handler_t::replace)));
  EXPECT_EQ(parsed["hits"][1]["snippet"],
            "cut \xEF\xBF\xBD here \xEF\xBF\xBD\xEF\xBF\xBD and "
            "\xEF\xBF\xBD end");
  // Only the invalid strings change.
  EXPECT_EQ(parsed["hits"][0]["title"], r.hits[0].title);
}

TEST(SearchJsonTest, NumbersThatJsonCannotHoldAreNull) {
  SearchResult r = sample_result();
  r.hits[0].score = std::numeric_limits<double>::quiet_NaN();
  r.took_ms = std::numeric_limits<double>::infinity();
  json parsed = json::parse(search_result_json(r));
  EXPECT_TRUE(parsed["hits"][0]["score"].is_null());
  EXPECT_TRUE(parsed["took_ms"].is_null());
  EXPECT_EQ(parsed["hits"][1]["score"], 14.5);
}

TEST(SearchJsonTest, FacetsAreKeyedByNameEachOnce) {
  SearchResult r;
  r.facets = {{"type", {{"news", 3}}}, {"lang", {{"fr", 1}}}, {"type", {{"speech", 9}}}};
  json parsed = json::parse(search_result_json(r));
  ASSERT_EQ(parsed["facets"].size(), 2u);
  EXPECT_EQ(parsed["facets"]["type"][0]["value"], "news");  // the first, as json::emplace keeps
  EXPECT_EQ(parsed["facets"]["lang"][0]["count"], 1);
}

TEST(SearchJsonTest, SimilarHitsAsSearchHits) {
  std::vector<Hit> hits = {sample_hit(1), sample_hit(2)};
  json parsed = json::parse(similar_json("doc-0", hits));
  SearchResult r;
  r.hits = hits;
  EXPECT_EQ(parsed["id"], "doc-0");
  EXPECT_EQ(parsed["hits"], nlohmann_result(r)["hits"]);
}

}  // namespace
}  // namespace portal::http
