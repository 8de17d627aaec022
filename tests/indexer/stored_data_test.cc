#include "indexer/stored_data.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>
#include <string>

#include "indexer/article.h"
#include "indexer/document_builder.h"

namespace portal {
namespace {

std::string long_article() {
  nlohmann::json j;
  j["id"] = "a1";
  j["title"] = "Санкції проти агресора";
  std::string body;
  for (int i = 0; i < 200; ++i)
    body += "Президент говорив про санкції, енергетику та відбудову " + std::to_string(i) + ". ";
  j["body"] = body;
  j["lang"] = "uk";
  return j.dump();
}

TEST(StoredDataTest, LongArticlesAreCompressedAndDecodeToTheirJson) {
  const std::string json = long_article();
  const std::string data = encode_stored(json);
  ASSERT_FALSE(data.empty());
  EXPECT_EQ(data[0], '\x02');
  EXPECT_LT(data.size(), json.size() / 2);
  EXPECT_EQ(decode_stored(data), json);
}

TEST(StoredDataTest, ShortArticlesAndOlderPlainJsonReadAsTheyAre) {
  const std::string short_json = R"({"id":"a2","title":"Kyiv"})";
  EXPECT_EQ(encode_stored(short_json), short_json);
  EXPECT_EQ(decode_stored(short_json), short_json);
  // Document data written before the encoding: plain JSON of any length.
  const std::string json = long_article();
  EXPECT_EQ(decode_stored(json), json);
  EXPECT_EQ(decode_stored(""), "");
}

TEST(StoredDataTest, CorruptDataIsAnError) {
  const std::string data = encode_stored(long_article());
  EXPECT_THROW(decode_stored(std::string("\x02") + "not a frame at all"),
               Xapian::DatabaseCorruptError);
  EXPECT_THROW(decode_stored(data.substr(0, data.size() / 2)), Xapian::DatabaseCorruptError);
  // A flipped byte in the middle: the content's checksum no longer matches.
  std::string flipped = data;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5a);
  EXPECT_THROW(decode_stored(flipped), Xapian::DatabaseCorruptError);
}

TEST(StoredDataTest, DocumentsStoreTheirArticleEncoded) {
  const std::string json = long_article();
  Article a = parse_article(json);
  Xapian::Document doc = build_document(a);
  const std::string data = doc.get_data();
  EXPECT_EQ(data[0], '\x02');
  auto stored = nlohmann::json::parse(decode_stored(data));
  EXPECT_EQ(stored.value("id", ""), "a1");
  EXPECT_TRUE(stored.value("body", "").starts_with("Президент говорив"));
}

}  // namespace
}  // namespace portal
