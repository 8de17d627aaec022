#include "indexer/article.h"

#include <gtest/gtest.h>

namespace portal {
namespace {

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
      R"({"id":7,"title":"t"})",
      R"({"id":"x","title":"t","topics":"not a list"})",
      R"([1,2])",
  };
  for (const char* line : bad) EXPECT_THROW(parse_article(line), ArticleError) << line;
}

}  // namespace
}  // namespace portal
