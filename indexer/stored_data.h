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
// apart from the rest of the article, so that a hit decodes only as much of
// it as its snippet reads. A snippet reads a text in pieces (text_piece_end:
// about 1, 2, 4, 8 and 16 KB, each ending just after white space) and never
// past kBodyReadBytes; the body is stored in sections of whole pieces, one
// zstd frame each: the pieces ending within kBodyStartBytes with the other
// fields, those within kBodyMiddleBytes, those within kBodyReadBytes, and
// the rest. Most snippets read the first section alone:
//   0x04, a 4-byte little-endian length of the head, a byte: the number n of
//   sections after the first, then each section's frame behind its 4-byte
//   length:
//   frame 1: the JSON without "body" (head length bytes), then the body's
//            first section (empty when the first piece is longer),
//   n frames: the next sections, up to kBodyReadBytes of the body,
//   then the rest of the body, one frame without a length (absent when
//   there is none).
// Indexes written before read as they were written: in three frames (0x03:
// the head and the body's first 4 KB or so, then up to kBodyReadBytes, then
// the rest), read as two sections and the rest.
//
// Data written before these encodings (plain JSON) reads back unchanged, so
// older indexes stay readable.
//
// Thread-safe: each thread keeps its own compression contexts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace portal {

// Bodies longer than this are stored apart (encode_stored(head, body)), in
// sections ending within these bounds.
inline constexpr size_t kSplitBodyBytes = 2 * 1024;
inline constexpr size_t kBodyStartBytes = 2 * 1024;
inline constexpr size_t kBodyMiddleBytes = 8 * 1024;
// A text is read for snippets in pieces: the first of about this many bytes,
// each next one twice the size of the one before.
inline constexpr size_t kFirstPieceBytes = 1024;
// How much of a body stored apart StoredParts::body_read() reads: as much as
// a snippet considers (searchd/snippets.h), cut at a character.
inline constexpr size_t kBodyReadBytes = 32 * 1024;

// The end of the piece of about `size` bytes of `text` starting at `begin`:
// just after the first white space (space, newline, tab) at or past
// begin + size, so that no word is cut; the end of `text` when there is none.
size_t text_piece_end(std::string_view text, size_t begin, size_t size);

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
// stored apart its first section, the next ones decoded only when asked for.
class StoredParts {
 public:
  // `stored`: document data. Throws as decode_stored() does. The frames
  // after the first are kept as they are, and decoded only when asked for.
  explicit StoredParts(std::string stored);

  // The article's JSON; without "body" when the body is stored apart.
  const std::string& json() const { return json_; }
  bool split() const { return split_; }
  // A body stored apart: its first section (ending just after white space,
  // or empty); the number of sections after it, up to kBodyReadBytes or so
  // of the body (ending at a UTF-8 character); the i-th of them (0-based);
  // all of them, the first included; the whole body.
  const std::string& body_start() const { return body_start_; }
  size_t more_sections() const { return sections_.size(); }
  std::string section(size_t i) const;
  std::string body_read() const;
  std::string body() const;

 private:
  struct Frame {
    size_t at, size;
  };
  std::string data_, json_, body_start_;
  std::vector<Frame> sections_;  // in data_
  size_t rest_at_ = 0;           // the frame of the rest, to the end of data_
  bool split_ = false;
};

}  // namespace portal
