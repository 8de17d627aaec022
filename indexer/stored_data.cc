#include "indexer/stored_data.h"

#include <lz4.h>
#include <lz4hc.h>
#include <xapian.h>
#include <xxhash.h>
#include <zstd.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>
#include <vector>

#include "indexer/schema.h"

namespace portal {
namespace {

// Marks a block of the whole JSON; JSON never starts with it.
constexpr char kBlockMarker = '\x05';
// Marks an article whose body is stored apart, in blocks.
constexpr char kBlockSectionsMarker = '\x06';
// Written before: the same in zstd frames (the body in sections, or in three
// frames).
constexpr char kZstdMarker = '\x02';
constexpr char kSectionsMarker = '\x04';
constexpr char kThreeFramesMarker = '\x03';
// Shorter JSON is stored as it is: a block would not be much smaller.
constexpr size_t kMinCompressedBytes = 256;
// LZ4HC's level: on the sample corpus as small as its default (9), to
// within 0.2%, and about as fast to write as zstd's level 3.
constexpr int kLevel = 4;
// A block: its compressed size, its content's size and the low 32 bits of
// its content's XXH3 hash (so that corrupt data is an error), then LZ4.
constexpr size_t kBlockHeaderBytes = 12;
// Corrupt data is refused before allocating more than this (articles are
// limited to 10 MB by default: portal-indexer --max-document-bytes).
constexpr unsigned long long kMaxDecodedBytes = 256ull << 20;

struct DCtxFree {
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

[[noreturn]] void corrupt(const std::string& what) {
  throw Xapian::DatabaseCorruptError("stored article: " + what);
}

// Writes `n` as 4 bytes, little-endian, at `at` of `out`.
void set_u32(std::string& out, size_t at, size_t n) {
  for (size_t i = 0; i < 4; ++i) out[at + i] = static_cast<char>((n >> (8 * i)) & 0xFF);
}

// Appends `n` as 4 bytes, little-endian.
void put_u32(std::string& out, size_t n) {
  out.append(4, '\0');
  set_u32(out, out.size() - 4, n);
}

uint32_t get_u32(std::string_view data, size_t at) {
  uint32_t n = 0;
  for (int i = 0; i < 4; ++i)
    n |= static_cast<uint32_t>(static_cast<unsigned char>(data[at + i])) << (8 * i);
  return n;
}

uint32_t check_of(std::string_view text) {
  return static_cast<uint32_t>(XXH3_64bits(text.data(), text.size()));
}

// `text` as a block, appended to `out`.
void compress(std::string_view text, std::string& out) {
  if (text.size() > kMaxDecodedBytes) throw std::runtime_error("lz4: text too long to store");
  thread_local std::vector<char> state(static_cast<size_t>(LZ4_sizeofStateHC()));
  const int size = static_cast<int>(text.size());
  const int bound = LZ4_compressBound(size);
  const size_t at = out.size();
  put_u32(out, 0);  // the compressed size, known below
  put_u32(out, text.size());
  put_u32(out, check_of(text));
  out.resize(at + kBlockHeaderBytes + static_cast<size_t>(bound));
  const int n = LZ4_compress_HC_extStateHC(
      state.data(), text.data(), out.data() + at + kBlockHeaderBytes, size, bound, kLevel);
  if (n <= 0) throw std::runtime_error("lz4: the text does not compress");
  out.resize(at + kBlockHeaderBytes + static_cast<size_t>(n));
  set_u32(out, at, static_cast<size_t>(n));
}

// The size of the block at the start of `data`, header included.
size_t block_size(std::string_view data) {
  if (data.size() < kBlockHeaderBytes) corrupt("truncated");
  const size_t size = get_u32(data, 0);
  if (size > data.size() - kBlockHeaderBytes) corrupt("truncated");
  return kBlockHeaderBytes + size;
}

// The content of the block `block`.
std::string decode_block(std::string_view block) {
  const size_t size = block_size(block), raw = get_u32(block, 4);
  if (size != block.size() || raw > kMaxDecodedBytes) corrupt("not a block");
  std::string out(raw, '\0');
  const int n =
      LZ4_decompress_safe(block.data() + kBlockHeaderBytes, out.data(),
                          static_cast<int>(size - kBlockHeaderBytes), static_cast<int>(raw));
  if (n < 0 || static_cast<size_t>(n) != raw || check_of(out) != get_u32(block, 8))
    corrupt("a block does not decode");
  return out;
}

// The content of the zstd frame `frame`.
std::string decompress(std::string_view frame) {
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxDecodedBytes)
    corrupt("not a zstd frame of known size");
  thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> dctx(ZSTD_createDCtx());
  std::string out(size, '\0');
  size_t n = ZSTD_decompressDCtx(dctx.get(), out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(n) || n != size)
    corrupt(std::string("does not decode: ") + (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "short"));
  return out;
}

// The JSON `head` with `body` added, as parse_article() dumps an article.
std::string with_body(std::string_view head, std::string body) {
  nlohmann::json j = nlohmann::json::parse(head, nullptr, false);
  if (!j.is_object()) corrupt("the JSON without its body is not an object");
  j["body"] = std::move(body);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string encode_stored(std::string_view json) {
  if (json.size() < kMinCompressedBytes) return std::string(json);
  std::string out(1, kBlockMarker);
  compress(json, out);
  if (out.size() >= json.size()) return std::string(json);
  return out;
}

size_t text_piece_end(std::string_view text, size_t begin, size_t size) {
  if (text.size() - begin <= size) return text.size();
  size_t at = text.find_first_of(" \n\t", begin + size);
  return at == std::string_view::npos ? text.size() : at + 1;
}

std::string encode_stored(std::string_view head, std::string_view body) {
  // What a snippet reads ends at a character boundary within the body's
  // first kBodyReadBytes; it is cut into the pieces a snippet reads.
  size_t read = std::min(body.size(), kBodyReadBytes);
  while (read < body.size() && read > 0 && (static_cast<unsigned char>(body[read]) & 0xC0) == 0x80)
    --read;
  const std::string_view readable = body.substr(0, read);
  std::vector<size_t> ends;
  for (size_t begin = 0, size = kFirstPieceBytes; begin < readable.size(); size *= 2)
    ends.push_back(begin = text_piece_end(readable, begin, size));
  // The pieces ending within kBodyStartBytes go with the head, each other
  // one is a section of its own (a block costs its decoder next to nothing
  // to set up).
  size_t first = 0;
  std::vector<size_t> sections;  // their ends
  for (size_t end : ends) {
    if (end <= kBodyStartBytes) {
      first = end;
    } else {
      sections.push_back(end);
    }
  }
  std::string out(1, kBlockSectionsMarker);
  put_u32(out, head.size());
  out.push_back(static_cast<char>(sections.size()));
  std::string start(head);
  start.append(body.substr(0, first));
  compress(start, out);
  for (size_t begin = first; size_t end : sections) {
    compress(body.substr(begin, end - begin), out);
    begin = end;
  }
  if (read < body.size()) compress(body.substr(read), out);
  return out;
}

StoredParts::StoredParts(std::string stored) : data_(std::move(stored)) {
  const std::string_view data(data_);
  const char marker = data.empty() ? '\0' : data[0];
  if (marker != kBlockSectionsMarker && marker != kSectionsMarker && marker != kThreeFramesMarker) {
    json_ = decode_stored(data);
    data_.clear();
    return;
  }
  blocks_ = marker == kBlockSectionsMarker;
  // A section at `at`: a block, or a zstd frame behind its length.
  auto section_at = [&](size_t at) {
    if (at > data.size()) corrupt("truncated");
    if (blocks_) return Frame{at, block_size(data.substr(at))};
    if (data.size() - at < 4) corrupt("truncated");
    const size_t size = get_u32(data, at);
    if (size > data.size() - at - 4) corrupt("truncated");
    return Frame{at + 4, size};
  };
  // The marker, the head's length, then the number of sections (0x04, 0x06).
  const bool counted = marker != kThreeFramesMarker;
  const size_t head = data.size() < 5 ? 0 : get_u32(data, 1);
  const size_t count = counted ? (data.size() < 6 ? 0 : static_cast<unsigned char>(data[5])) : 1;
  const Frame first = section_at(counted ? 6 : 5);
  std::string start = decode(data.substr(first.at, first.size));
  if (head > start.size()) corrupt("the JSON is longer than its frame");
  json_ = start.substr(0, head);
  body_start_ = start.substr(head);
  size_t at = first.at + first.size;
  for (size_t i = 0; i < count; ++i) {
    sections_.push_back(section_at(at));
    at = sections_.back().at + sections_.back().size;
  }
  rest_at_ = at;
  split_ = true;
}

std::string StoredParts::decode(std::string_view frame) const {
  return blocks_ ? decode_block(frame) : decompress(frame);
}

std::string StoredParts::section(size_t i) const {
  const Frame& f = sections_.at(i);
  return decode(std::string_view(data_).substr(f.at, f.size));
}

std::string StoredParts::body_read() const {
  if (!split_) return {};
  std::string out = body_start_;
  for (size_t i = 0; i < sections_.size(); ++i) out += section(i);
  return out;
}

std::string StoredParts::body() const {
  if (!split_) return {};
  const std::string_view rest = std::string_view(data_).substr(rest_at_);
  return rest.empty() ? body_read() : body_read() + decode(rest);
}

std::string decode_stored(std::string_view data) {
  if (data.empty()) return {};
  switch (data[0]) {
    case kBlockSectionsMarker:
    case kSectionsMarker:
    case kThreeFramesMarker: {
      StoredParts parts{std::string(data)};
      return with_body(parts.json(), parts.body());
    }
    case kBlockMarker:
      return decode_block(data.substr(1));
    case kZstdMarker:
      return decompress(data.substr(1));
    default:
      return std::string(data);
  }
}

std::string stored_bytes(const Xapian::Document& doc) {
  std::string stored = doc.get_value(schema::kStoredSlot);
  return stored.empty() ? doc.get_data() : stored;
}

void set_stored(Xapian::Document& doc, std::string stored) {
  doc.add_value(schema::kStoredSlot, std::move(stored));
}

}  // namespace portal
