#include "indexer/stored_data.h"

#include <xapian.h>
#include <zstd.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>
#include <vector>

namespace portal {
namespace {

// Marks a zstd frame of the whole JSON; JSON never starts with it.
constexpr char kZstdMarker = '\x02';
// Marks an article whose body is stored apart: in sections, or (written
// before) in three frames.
constexpr char kSectionsMarker = '\x04';
constexpr char kThreeFramesMarker = '\x03';
// Shorter JSON is stored as it is: a frame would not be much smaller.
constexpr size_t kMinCompressedBytes = 256;
constexpr int kLevel = 3;
// Corrupt data is refused before allocating more than this (articles are
// limited to 10 MB by default: portal-indexer --max-document-bytes).
constexpr unsigned long long kMaxDecodedBytes = 256ull << 20;

struct CCtxFree {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxFree {
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

// `text` as a zstd frame, appended to `out`.
void compress(std::string_view text, std::string& out) {
  thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> cctx = [] {
    std::unique_ptr<ZSTD_CCtx, CCtxFree> c(ZSTD_createCCtx());
    ZSTD_CCtx_setParameter(c.get(), ZSTD_c_compressionLevel, kLevel);
    // A checksum of the content (4 bytes), so that corrupt data is an error.
    ZSTD_CCtx_setParameter(c.get(), ZSTD_c_checksumFlag, 1);
    return c;
  }();
  const size_t at = out.size();
  out.resize(at + ZSTD_compressBound(text.size()));
  size_t n = ZSTD_compress2(cctx.get(), out.data() + at, out.size() - at, text.data(), text.size());
  if (ZSTD_isError(n)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(n));
  out.resize(at + n);
}

[[noreturn]] void corrupt(const std::string& what) {
  throw Xapian::DatabaseCorruptError("stored article: " + what);
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

void put_u32(std::string& out, size_t n) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xFF));
}

uint32_t get_u32(std::string_view data, size_t at) {
  uint32_t n = 0;
  for (int i = 0; i < 4; ++i)
    n |= static_cast<uint32_t>(static_cast<unsigned char>(data[at + i])) << (8 * i);
  return n;
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
  std::string out(1, kZstdMarker);
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
  // Sections of whole pieces: those ending within kBodyStartBytes go with
  // the head, those within kBodyMiddleBytes in a second section, the others
  // in a third (each frame costs its decoder a fixed set-up, each byte its
  // share: a few sections of growing size).
  size_t first = 0;
  std::vector<size_t> sections;  // their ends
  for (size_t end : ends) {
    if (end <= kBodyStartBytes) {
      first = end;
    } else if (sections.empty() ||
               (end > kBodyMiddleBytes && sections.back() <= kBodyMiddleBytes)) {
      sections.push_back(end);
    } else {
      sections.back() = end;
    }
  }
  std::string out(1, kSectionsMarker), frame;
  put_u32(out, head.size());
  out.push_back(static_cast<char>(sections.size()));
  std::string start(head);
  start.append(body.substr(0, first));
  compress(start, frame);
  put_u32(out, frame.size());
  out += frame;
  for (size_t begin = first; size_t end : sections) {
    frame.clear();
    compress(body.substr(begin, end - begin), frame);
    put_u32(out, frame.size());
    out += frame;
    begin = end;
  }
  if (read < body.size()) compress(body.substr(read), out);
  return out;
}

StoredParts::StoredParts(std::string stored) : data_(std::move(stored)) {
  const std::string_view data(data_);
  const bool sections = !data.empty() && data[0] == kSectionsMarker;
  if (!sections && (data.empty() || data[0] != kThreeFramesMarker)) {
    json_ = decode_stored(data);
    data_.clear();
    return;
  }
  // A frame's length at `at`, then the frame: where it starts, and its size.
  auto frame_at = [&](size_t at) {
    if (at > data.size() || data.size() - at < 4) corrupt("truncated");
    const size_t size = get_u32(data, at);
    if (size > data.size() - at - 4) corrupt("truncated");
    return Frame{at + 4, size};
  };
  // The marker, the head's length, then the number of sections (0x04).
  const size_t head = data.size() < 5 ? 0 : get_u32(data, 1);
  const size_t count = sections ? (data.size() < 6 ? 0 : static_cast<unsigned char>(data[5])) : 1;
  const Frame first = frame_at(sections ? 6 : 5);
  std::string start = decompress(data.substr(first.at, first.size));
  if (head > start.size()) corrupt("the JSON is longer than its frame");
  json_ = start.substr(0, head);
  body_start_ = start.substr(head);
  size_t at = first.at + first.size;
  for (size_t i = 0; i < count; ++i) {
    sections_.push_back(frame_at(at));
    at = sections_.back().at + sections_.back().size;
  }
  rest_at_ = at;
  split_ = true;
}

std::string StoredParts::section(size_t i) const {
  const Frame& f = sections_.at(i);
  return decompress(std::string_view(data_).substr(f.at, f.size));
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
  return rest.empty() ? body_read() : body_read() + decompress(rest);
}

std::string decode_stored(std::string_view data) {
  if (data.empty()) return {};
  if (data[0] == kSectionsMarker || data[0] == kThreeFramesMarker) {
    StoredParts parts{std::string(data)};
    return with_body(parts.json(), parts.body());
  }
  if (data[0] != kZstdMarker) return std::string(data);
  return decompress(data.substr(1));
}

}  // namespace portal
