#include "indexer/article.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace portal {
namespace {

const std::vector<schema::ExtraField> kExtra = {{"places", "place", 10},
                                                {"speakers", "speaker", 11}};

TEST(ArticleTest, ParsesFieldsAndKeepsUnknownOnes) {
  Article a = parse_article(
      R"({"id":"a1","title":"T","body":"B","lang":"uk","topics":["x","y"],"places":["Київ"]})");
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.lang, "uk");
  EXPECT_EQ(a.topics, (std::vector<std::string>{"x", "y"}));
  EXPECT_NE(a.raw_json.find("Київ"), std::string::npos);
}

TEST(ArticleTest, RejectsInvalidArticles) {
  const char* bad[] = {
      "{not json",
      R"({"title":"no id"})",
      R"({"id":"x"})",
      R"({"id":"x","body":"a title is required even with a body"})",
      R"({"id":"","title":"t"})",
      R"({"id":"x","title":"   "})",
      R"({"id":7,"title":"t"})",
      R"({"id":"x","title":"t","topics":"not a list"})",
      R"({"id":"x","title":"t","topics":["ok", 3]})",
      R"({"id":"x","title":"t","body":["a"]})",
      R"({"id":"x","title":"t","date":"yesterday"})",
      R"({"id":"x","title":"t","date":"2023-02-29"})",
      R"({"id":"x","title":"t","date":20230101})",
      R"({"id":"x","title":"t","places":[1]})",
      R"({"id":"x","title":"t","deleted":"yes"})",
      R"([1,2])",
  };
  for (const char* line : bad) EXPECT_THROW(parse_article(line, kExtra), ArticleError) << line;
}

TEST(ArticleTest, AcceptsAnEmptyTitleWhenThereIsText) {
  Article a = parse_article(R"({"id":"x","title":"","body":"an untitled archive record"})");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.body, "an untitled archive record");
}

TEST(ArticleTest, RejectsInvalidUtf8WithItsOffset) {
  std::string line = "{\"id\":\"x\",\"title\":\"caf\xe9\"}";
  try {
    parse_article(line);
    FAIL() << "accepted invalid UTF-8";
  } catch (const ArticleError& e) {
    EXPECT_NE(std::string(e.what()).find("UTF-8 at byte 23"), std::string::npos) << e.what();
  }
}

TEST(ArticleTest, CleansControlCharactersOutOfValues) {
  Article a = parse_article(
      R"({"id":"x","title":"Big\u0007 news\n today","topics":["war\u001f", "\u0001"],)"
      R"("body":"line one\r\nline\u0000 two\ttab","type":"news\u0085"})");
  EXPECT_EQ(a.title, "Big news today");
  EXPECT_EQ(a.topics, (std::vector<std::string>{"war"}));
  EXPECT_EQ(a.body, "line one\nline two\ttab");
  EXPECT_EQ(a.type, "news");
  auto stored = nlohmann::json::parse(a.raw_json);
  EXPECT_EQ(stored["title"], "Big news today");
  EXPECT_EQ(stored["topics"], nlohmann::json::array({"war"}));
}

TEST(ArticleTest, ValidatesAndNormalisesDates) {
  EXPECT_EQ(parse_article(R"({"id":"x","title":"t","date":"2022-02-24"})").day, "2022-02-24");
  Article a = parse_article(R"({"id":"x","title":"t","date":"2022-02-24T05:30:00+02:00"})");
  EXPECT_EQ(a.day, "2022-02-24");
  EXPECT_EQ(a.date, "2022-02-24T05:30:00+02:00");
  EXPECT_EQ(parse_article(R"({"id":"x","title":"t","date":null})").day, "");
}

TEST(ArticleTest, ReadsConfiguredExtraFields) {
  Article a = parse_article(
      R"({"id":"x","title":"t","places":["Kyiv","", "Lviv"],"speakers":"Zelensky","other":["z"]})",
      kExtra);
  EXPECT_EQ(a.extra_fields.at("places"), (std::vector<std::string>{"Kyiv", "Lviv"}));
  EXPECT_EQ(a.extra_fields.at("speakers"), (std::vector<std::string>{"Zelensky"}));
  EXPECT_EQ(a.extra_fields.count("other"), 0u);
}

TEST(ArticleTest, ExtractsBodyHtml) {
  Article a = parse_article(
      R"({"id":"x","title":"t","body_html":"<nav><a href='/'>Home</a></nav><p>Kyiv talks <b>resumed</b>.</p><script>var x;</script>"})");
  EXPECT_EQ(a.body, "Kyiv talks resumed.");
  auto stored = nlohmann::json::parse(a.raw_json);
  EXPECT_EQ(stored["body"], "Kyiv talks resumed.");
  EXPECT_FALSE(stored.contains("body_html"));
}

TEST(ArticleTest, ReadsTombstones) {
  Article a = parse_article(R"({"id":"gone","deleted":true})");
  EXPECT_TRUE(a.deleted);
  EXPECT_EQ(a.id, "gone");
  EXPECT_THROW(parse_article(R"({"id":"kept","deleted":false})"), ArticleError);
}

TEST(ArticleTest, NormalisesLanguageTags) {
  Article a = parse_article(R"({"id":"x","title":"t","lang":"en-GB"})");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(nlohmann::json::parse(a.raw_json)["lang"], "en");
}

}  // namespace
}  // namespace portal
