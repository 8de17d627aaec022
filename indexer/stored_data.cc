#include "indexer/stored_data.h"

#include <xapian.h>
#include <zstd.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

namespace portal {
namespace {

// Marks a zstd frame of the whole JSON; JSON never starts with it.
constexpr char kZstdMarker = '\x02';
// Marks an article whose body is stored apart.
constexpr char kSplitMarker = '\x03';
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

std::string encode_stored(std::string_view head, std::string_view body) {
  // The body's start ends just after white space within its first
  // kBodyStartBytes (a snippet reads text in pieces ending there); what a
  // snippet reads ends at a character boundary within its first
  // kBodyReadBytes.
  size_t start = body.empty()
                     ? std::string_view::npos
                     : body.find_last_of(" \n\t", std::min(body.size(), kBodyStartBytes) - 1);
  start = start == std::string_view::npos ? 0 : start + 1;
  size_t read = std::min(body.size(), kBodyReadBytes);
  while (read < body.size() && read > start &&
         (static_cast<unsigned char>(body[read]) & 0xC0) == 0x80)
    --read;
  std::string first(head), frame;
  first.append(body.substr(0, start));
  compress(first, frame);
  std::string out(1, kSplitMarker);
  put_u32(out, head.size());
  put_u32(out, frame.size());
  out += frame;
  frame.clear();
  compress(body.substr(start, read - start), frame);
  put_u32(out, frame.size());
  out += frame;
  if (read < body.size()) compress(body.substr(read), out);
  return out;
}

StoredParts::StoredParts(std::string stored) : data_(std::move(stored)) {
  const std::string_view data(data_);
  if (data.empty() || data[0] != kSplitMarker) {
    json_ = decode_stored(data);
    data_.clear();
    return;
  }
  // The marker, three lengths and frame 1 at least.
  if (data.size() < 13) corrupt("truncated");
  const size_t head = get_u32(data, 1), first = get_u32(data, 5);
  if (first > data.size() - 13) corrupt("truncated");
  std::string start = decompress(data.substr(9, first));
  if (head > start.size()) corrupt("the JSON is longer than its frame");
  json_ = start.substr(0, head);
  body_start_ = start.substr(head);
  const size_t second = get_u32(data, 9 + first);
  if (second > data.size() - 13 - first) corrupt("truncated");
  read_at_ = 13 + first;
  read_size_ = second;
  split_ = true;
}

std::string StoredParts::body_read() const {
  if (!split_) return {};
  return body_start_ + decompress(std::string_view(data_).substr(read_at_, read_size_));
}

std::string StoredParts::body() const {
  if (!split_) return {};
  const std::string_view rest = std::string_view(data_).substr(read_at_ + read_size_);
  return rest.empty() ? body_read() : body_read() + decompress(rest);
}

std::string decode_stored(std::string_view data) {
  if (data.empty()) return {};
  if (data[0] == kSplitMarker) {
    StoredParts parts{std::string(data)};
    return with_body(parts.json(), parts.body());
  }
  if (data[0] != kZstdMarker) return std::string(data);
  return decompress(data.substr(1));
}

}  // namespace portal
