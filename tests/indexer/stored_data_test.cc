#include "indexer/stored_data.h"

#include <gtest/gtest.h>
#include <xapian.h>
#include <zstd.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "indexer/article.h"
#include "indexer/document_builder.h"
#include "indexer/schema.h"

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
  EXPECT_EQ(data[0], '\x05');
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
  EXPECT_THROW(decode_stored(std::string("\x05") + "not a block at all"),
               Xapian::DatabaseCorruptError);
  EXPECT_THROW(decode_stored(std::string("\x02") + "not a frame at all"),
               Xapian::DatabaseCorruptError);
  EXPECT_THROW(decode_stored(data.substr(0, data.size() / 2)), Xapian::DatabaseCorruptError);
  // A flipped byte in the middle: the content's checksum no longer matches.
  std::string flipped = data;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5a);
  EXPECT_THROW(decode_stored(flipped), Xapian::DatabaseCorruptError);
}

TEST(StoredDataTest, DocumentsStoreTheirArticleEncoded) {
  nlohmann::json j = nlohmann::json::parse(long_article());
  j["body"] = j["body"].get<std::string>().substr(0, 2000);
  Article a = parse_article(j.dump());
  ASSERT_LE(a.body.size(), kSplitBodyBytes);
  EXPECT_TRUE(a.stored_head.empty());
  const Xapian::Document doc = build_document(a);
  // In its value slot, not in document data.
  EXPECT_EQ(doc.get_data(), "");
  const std::string data = doc.get_value(schema::kStoredSlot);
  EXPECT_EQ(stored_bytes(doc), data);
  EXPECT_EQ(data[0], '\x05');
  EXPECT_EQ(decode_stored(data), a.raw_json);
  StoredParts parts(data);
  EXPECT_FALSE(parts.split());
  EXPECT_EQ(parts.json(), a.raw_json);
  auto stored = nlohmann::json::parse(decode_stored(data));
  EXPECT_EQ(stored.value("id", ""), "a1");
  EXPECT_TRUE(stored.value("body", "").starts_with("Президент говорив"));
}

TEST(StoredDataTest, ALongBodyIsStoredApartInSectionsOfThePiecesASnippetReads) {
  Article a = parse_article(long_article());
  ASSERT_GT(a.body.size(), kSplitBodyBytes);
  const std::string data = stored_bytes(build_document(a));
  EXPECT_EQ(data[0], '\x06');
  EXPECT_LT(data.size(), a.raw_json.size() / 2);
  // The whole article decodes to its JSON, byte for byte.
  EXPECT_EQ(decode_stored(data), a.raw_json);
  StoredParts parts(data);
  ASSERT_TRUE(parts.split());
  auto head = nlohmann::json::parse(parts.json());
  EXPECT_FALSE(head.contains("body"));
  EXPECT_EQ(head.value("title", ""), a.title);
  // The pieces: about 1, 2, 4, 8 and 16 KB, each ending just after a space, as
  // text_piece_end() cuts the body; those within 2 KB with the head, each
  // other one a section.
  ASSERT_LT(a.body.size(), kBodyReadBytes);
  std::vector<size_t> ends;
  for (size_t begin = 0, size = kFirstPieceBytes; begin < a.body.size(); size *= 2) {
    ends.push_back(begin = text_piece_end(a.body, begin, size));
    EXPECT_EQ(a.body[begin - 1], ' ');
  }
  ASSERT_GE(ends.size(), 4u);
  ASSERT_LE(ends[0], kBodyStartBytes);
  ASSERT_GT(ends[1], kBodyStartBytes);
  EXPECT_EQ(parts.body_start(), a.body.substr(0, ends[0]));
  ASSERT_EQ(parts.more_sections(), ends.size() - 1);
  for (size_t i = 0; i + 1 < ends.size(); ++i)
    EXPECT_EQ(parts.section(i), a.body.substr(ends[i], ends[i + 1] - ends[i])) << i;
  EXPECT_EQ(parts.body_read(), a.body);
  EXPECT_EQ(parts.body(), a.body);

  // A body longer than a snippet reads: what it reads stops at a character.
  nlohmann::json j = nlohmann::json::parse(long_article());
  std::string body = j["body"];
  while (body.size() < 3 * kBodyReadBytes) body += body;
  j["body"] = body;
  Article longer = parse_article(j.dump());
  const std::string longer_data = stored_bytes(build_document(longer));
  EXPECT_EQ(decode_stored(longer_data), longer.raw_json);
  StoredParts longer_parts(longer_data);
  // Pieces ending at about 1, 3, 7, 15 and 31 KB, and the last one at 32.
  EXPECT_EQ(longer_parts.more_sections(), 5u);
  EXPECT_LE(longer_parts.body_start().size(), kBodyStartBytes);
  const std::string read = longer_parts.body_read();
  EXPECT_LE(read.size(), kBodyReadBytes);
  EXPECT_GT(read.size(), kBodyReadBytes - 4);
  EXPECT_NE(static_cast<unsigned char>(body[read.size()]) & 0xC0, 0x80);
  EXPECT_EQ(read, body.substr(0, read.size()));
  EXPECT_EQ(longer_parts.body(), body);

  // A body without white space is one piece, too long to go with the head.
  const std::string unbroken(kSplitBodyBytes + 10, 'x');
  StoredParts apart(encode_stored(R"({"id":"b"})", unbroken));
  EXPECT_TRUE(apart.body_start().empty());
  ASSERT_EQ(apart.more_sections(), 1u);
  EXPECT_EQ(apart.section(0), unbroken);
  EXPECT_EQ(apart.body_read(), unbroken);
  EXPECT_EQ(apart.body(), unbroken);
  EXPECT_EQ(decode_stored(encode_stored(R"({"id":"b"})", unbroken)),
            R"({"body":")" + unbroken + R"(","id":"b"})");
}

// `text` as a zstd frame.
std::string zstd_frame(std::string_view text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3));
  return out;
}

std::string u32(size_t n) {
  std::string out;
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xFF));
  return out;
}

TEST(StoredDataTest, BodiesStoredApartInThreeFramesStillRead) {
  // The layout written before sections: the head with the body's first
  // kilobytes, up to kBodyReadBytes in one frame, then the rest.
  const std::string head = R"({"id":"old","title":"Old"})";
  std::string body;
  while (body.size() < kBodyReadBytes + 5000) body += "grain exports resumed today ";
  const size_t start = body.rfind(' ', 4096) + 1, read = kBodyReadBytes;
  const std::string first = zstd_frame(head + body.substr(0, start));
  const std::string second = zstd_frame(body.substr(start, read - start));
  const std::string data = "\x03" + u32(head.size()) + u32(first.size()) + first +
                           u32(second.size()) + second + zstd_frame(body.substr(read));
  StoredParts parts(data);
  ASSERT_TRUE(parts.split());
  EXPECT_EQ(parts.json(), head);
  EXPECT_EQ(parts.body_start(), body.substr(0, start));
  ASSERT_EQ(parts.more_sections(), 1u);
  EXPECT_EQ(parts.section(0), body.substr(start, read - start));
  EXPECT_EQ(parts.body_read(), body.substr(0, read));
  EXPECT_EQ(parts.body(), body);
  EXPECT_EQ(decode_stored(data), R"({"body":")" + body + R"(","id":"old","title":"Old"})");
}

TEST(StoredDataTest, ArticlesInZstdInDocumentDataStillRead) {
  // What indexes written before hold in document data: the JSON in one zstd
  // frame (0x02), or the body apart in sections (0x04), each frame behind
  // its length.
  const std::string json = long_article();
  Xapian::Document whole;
  whole.set_data("\x02" + zstd_frame(json));
  EXPECT_EQ(stored_bytes(whole), whole.get_data());
  EXPECT_EQ(decode_stored(stored_bytes(whole)), json);
  EXPECT_EQ(StoredParts(stored_bytes(whole)).json(), json);

  const std::string head = R"({"id":"old","title":"Old"})";
  std::string body;
  while (body.size() < kBodyReadBytes + 5000) body += "grain exports resumed today ";
  const size_t start = body.rfind(' ', 2000) + 1, middle = body.rfind(' ', 8000) + 1,
               read = kBodyReadBytes;
  auto framed = [](std::string_view text) {
    const std::string frame = zstd_frame(text);
    return u32(frame.size()) + frame;
  };
  Xapian::Document split;
  split.set_data("\x04" + u32(head.size()) + std::string(1, '\x02') +
                 framed(head + body.substr(0, start)) + framed(body.substr(start, middle - start)) +
                 framed(body.substr(middle, read - middle)) + zstd_frame(body.substr(read)));
  StoredParts parts(stored_bytes(split));
  ASSERT_TRUE(parts.split());
  EXPECT_EQ(parts.json(), head);
  EXPECT_EQ(parts.body_start(), body.substr(0, start));
  ASSERT_EQ(parts.more_sections(), 2u);
  EXPECT_EQ(parts.section(0), body.substr(start, middle - start));
  EXPECT_EQ(parts.section(1), body.substr(middle, read - middle));
  EXPECT_EQ(parts.body(), body);
  EXPECT_EQ(decode_stored(stored_bytes(split)),
            R"({"body":")" + body + R"(","id":"old","title":"Old"})");
}

TEST(StoredDataTest, CorruptSplitDataIsAnError) {
  const std::string data = stored_bytes(build_document(parse_article(long_article())));
  ASSERT_EQ(data[0], '\x06');
  for (size_t size : {size_t{1}, size_t{5}, size_t{6}, size_t{9}, size_t{12}, size_t{40},
                      data.size() / 2, data.size() - 1})
    EXPECT_THROW(decode_stored(data.substr(0, size)), Xapian::DatabaseCorruptError) << size;
  // A head length past its frame.
  std::string bad = data;
  bad[4] = '\x7f';
  EXPECT_THROW(StoredParts{bad}, Xapian::DatabaseCorruptError);
  // A flipped byte in the last section, read only when asked for.
  std::string flipped = data;
  flipped[flipped.size() - 10] = static_cast<char>(flipped[flipped.size() - 10] ^ 0x5a);
  StoredParts parts(flipped);
  ASSERT_GT(parts.more_sections(), 1u);
  EXPECT_NO_THROW(parts.section(0));
  EXPECT_THROW(parts.section(parts.more_sections() - 1), Xapian::DatabaseCorruptError);
  EXPECT_THROW(parts.body_read(), Xapian::DatabaseCorruptError);
  EXPECT_THROW(parts.body(), Xapian::DatabaseCorruptError);
}

}  // namespace
}  // namespace portal
