// The encoding of a stored article (schema.h, "Stored document data").
//
// An article is stored as its JSON, compressed with LZ4 (HC) behind a
// one-byte marker when that is worth it, in the value slot kStoredSlot. A
// value, unlike document data, is kept as it is: Xapian would deflate LZ4's
// output again, and zlib's inflate would cost more than LZ4 saves. LZ4
// decodes the portal's texts five to seven times faster than zstd (about
// 1 ns a byte against 5 to 7 on this project's machines), for a quarter to a
// third more bytes.
//
// A long body (a speech, an official text: tens of kilobytes) is stored
// apart from the rest of the article, so that a hit decodes only as much of
// it as its snippet reads. A snippet reads a text in pieces (text_piece_end:
// about 1, 2, 4, 8 and 16 KB, each ending just after white space) and never
// past kBodyReadBytes; the pieces ending within kBodyStartBytes are stored
// with the other fields, each other piece in a block of its own, and the
// rest of the body in one more block:
//   0x06, a 4-byte little-endian length of the head, a byte: the number n of
//   sections after the first, then
//   block 1: the JSON without "body" (head length bytes), then the body's
//            first pieces (none when the first piece is longer),
//   n blocks: the next pieces, up to kBodyReadBytes of the body,
//   then the rest of the body, one block (absent when there is none).
// A block is its compressed size, its content's size and a check of its
// content (the low 32 bits of its XXH3 hash), 4 bytes each, little-endian,
// then the LZ4 block. A shorter article is 0x05 and one block of its JSON.
//
// Indexes written before keep their articles in document data and read as
// they were written: compressed with zstd (0x02: the JSON; 0x04: sections,
// each frame behind its 4-byte length; 0x03: three frames), or as plain JSON.
//
// Thread-safe: each thread keeps its own compression contexts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace portal {

// Bodies longer than this are stored apart (encode_stored(head, body)), the
// pieces ending within kBodyStartBytes with the head.
inline constexpr size_t kSplitBodyBytes = 2 * 1024;
inline constexpr size_t kBodyStartBytes = 2 * 1024;
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

// The stored article for an article's JSON.
std::string encode_stored(std::string_view json);

// The stored article for an article with a long `body`: `head` is its JSON
// without "body", as nlohmann::json dumps it (keys sorted, compact).
std::string encode_stored(std::string_view head, std::string_view body);

// The article's JSON from a stored article written by encode_stored() (or
// by older versions, in zstd or as plain JSON); for a body stored apart,
// the JSON as nlohmann::json dumps it, body included. Throws
// Xapian::DatabaseCorruptError when the data is marked as compressed but
// does not decode.
std::string decode_stored(std::string_view data);

// The stored article of `doc`: its kStoredSlot value, or for a document
// written before, its data.
std::string stored_bytes(const Xapian::Document& doc);
// Stores `stored` (from encode_stored) in `doc`.
void set_stored(Xapian::Document& doc, std::string stored);

// What a hit reads of a stored article: the article's JSON, and of a body
// stored apart its first section, the next ones decoded only when asked for.
class StoredParts {
 public:
  // `stored`: a stored article (stored_bytes). Throws as decode_stored()
  // does. The sections after the first are kept as they are, and decoded
  // only when asked for.
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
  // The content of a section: a block, or in older data a zstd frame.
  std::string decode(std::string_view frame) const;

  std::string data_, json_, body_start_;
  std::vector<Frame> sections_;  // in data_
  size_t rest_at_ = 0;           // the section of the rest, to the end of data_
  bool split_ = false;
  bool blocks_ = false;  // sections are blocks (else zstd frames)
};

}  // namespace portal
