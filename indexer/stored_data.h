// The encoding of document data (schema.h, "Stored document data").
//
// An article is stored as its JSON, compressed with zstd behind a one-byte
// marker when that is worth it. Xapian would otherwise deflate the JSON
// itself: zlib's inflate then took most of the time of reading a hit's
// article (and, over a page of ten hits, a tenth to a sixth of a search),
// where zstd decodes it two to three times faster at about the same size.
// Xapian leaves the zstd frame as it is: deflate cannot shrink it.
//
// A long body (a speech, an official text: tens of kilobytes) is stored
// apart from the rest of the article, in three zstd frames: its first few
// kilobytes with the other fields, then up to kBodyReadBytes of it (all that
// a snippet reads), then the rest. A hit decodes what its snippet reads,
// mostly the first kilobytes, and never past kBodyReadBytes:
//   0x03, then 4-byte little-endian lengths: of the head, of frame 1,
//   frame 1: the JSON without "body" (head length bytes), then the body's
//            first bytes up to white space,
//   the length of frame 2, frame 2: the body up to kBodyReadBytes,
//   frame 3: the rest of the body (absent when there is none).
//
// Data written before these encodings (plain JSON) reads back unchanged, so
// older indexes stay readable.
//
// Thread-safe: each thread keeps its own compression contexts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace portal {

// Bodies longer than this are stored apart (encode_stored(head, body)), the
// first kBodyStartBytes or less with the other fields.
inline constexpr size_t kSplitBodyBytes = 8 * 1024;
inline constexpr size_t kBodyStartBytes = 4 * 1024;
// How much of a body stored apart StoredParts::body_read() reads: as much as
// a snippet considers (searchd/snippets.h), cut at a character.
inline constexpr size_t kBodyReadBytes = 32 * 1024;

// The document data for an article's JSON.
std::string encode_stored(std::string_view json);

// The document data for an article with a long `body`: `head` is its JSON
// without "body", as nlohmann::json dumps it (keys sorted, compact).
std::string encode_stored(std::string_view head, std::string_view body);

// The article's JSON from document data written by encode_stored() (or by
// older versions, as plain JSON); for a body stored apart, the JSON as
// nlohmann::json dumps it, body included. Throws Xapian::DatabaseCorruptError
// when the data is marked as compressed but does not decode.
std::string decode_stored(std::string_view data);

// What a hit reads of document data: the article's JSON, and of a body
// stored apart its start, the rest decoded only when asked for.
class StoredParts {
 public:
  // `stored`: document data. Throws as decode_stored() does. Frames 2 and 3
  // are kept as they are, and decoded only when asked for.
  explicit StoredParts(std::string stored);

  // The article's JSON; without "body" when the body is stored apart.
  const std::string& json() const { return json_; }
  bool split() const { return split_; }
  // A body stored apart: its first bytes, ending just after white space
  // (a word boundary); its first kBodyReadBytes or so (ending at a UTF-8
  // character); all of it.
  const std::string& body_start() const { return body_start_; }
  std::string body_read() const;
  std::string body() const;

 private:
  std::string data_, json_, body_start_;
  size_t read_at_ = 0, read_size_ = 0;  // frame 2 in data_; frame 3 follows
  bool split_ = false;
};

}  // namespace portal
