// Reading a hit's display fields from the stored article JSON.
#include "searchd/stored.h"

#include <gtest/gtest.h>

namespace portal {
namespace {

TEST(StoredArticleTest, ReadsTheDisplayFieldsAndUnescapesThem) {
  auto a = read_stored(
      R"({"id":"x-1","lang":"uk","title":"Про \"мир\"","url":"https://e.org/a?b=1&c=2",)"
      R"("date":"2024-02-24","type":"speech","summary":"s","body":"line\nnext \u0456 \ud83d\ude00",)"
      R"("topics":["Мир",7,"Безпека"],"translations":["x-2"],"unknown":{"nested":[1,2]}})");
  EXPECT_EQ(a.id, "x-1");
  EXPECT_EQ(a.lang, "uk");
  EXPECT_EQ(a.title, "Про \"мир\"");
  EXPECT_EQ(a.url, "https://e.org/a?b=1&c=2");
  EXPECT_EQ(a.date, "2024-02-24");
  EXPECT_EQ(a.type, "speech");
  EXPECT_EQ(a.summary, "s");
  EXPECT_EQ(a.body, "line\nnext і 😀");
  EXPECT_EQ(a.topics, (std::vector<std::string>{"Мир", "Безпека"}));  // strings only
  EXPECT_EQ(a.translations, (std::vector<std::string>{"x-2"}));
}

TEST(StoredArticleTest, MissingOrMistypedFieldsAreEmpty) {
  auto a = read_stored(R"({"id":42,"title":null,"topics":"not a list","body":""})");
  EXPECT_EQ(a.id, "");
  EXPECT_EQ(a.title, "");
  EXPECT_TRUE(a.topics.empty());
  EXPECT_EQ(a.body, "");
  for (const char* bad : {"", "[1,2]", "{\"id\":", "not json", "\"string\""}) {
    auto b = read_stored(bad);
    EXPECT_EQ(b.id, "") << bad;
    EXPECT_TRUE(b.topics.empty()) << bad;
  }
}

}  // namespace
}  // namespace portal
