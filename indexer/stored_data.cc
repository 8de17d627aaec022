#include "indexer/stored_data.h"

#include <xapian.h>
#include <zstd.h>

#include <memory>

namespace portal {
namespace {

// Marks a zstd frame; JSON never starts with it.
constexpr char kZstdMarker = '\x02';
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

}  // namespace

std::string encode_stored(std::string_view json) {
  if (json.size() < kMinCompressedBytes) return std::string(json);
  thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> cctx = [] {
    std::unique_ptr<ZSTD_CCtx, CCtxFree> c(ZSTD_createCCtx());
    ZSTD_CCtx_setParameter(c.get(), ZSTD_c_compressionLevel, kLevel);
    // A checksum of the content (4 bytes), so that corrupt data is an error.
    ZSTD_CCtx_setParameter(c.get(), ZSTD_c_checksumFlag, 1);
    return c;
  }();
  std::string out(1 + ZSTD_compressBound(json.size()), '\0');
  out[0] = kZstdMarker;
  size_t n = ZSTD_compress2(cctx.get(), out.data() + 1, out.size() - 1, json.data(), json.size());
  if (ZSTD_isError(n) || 1 + n >= json.size()) return std::string(json);
  out.resize(1 + n);
  return out;
}

std::string decode_stored(std::string_view data) {
  if (data.empty() || data[0] != kZstdMarker) return std::string(data);
  data.remove_prefix(1);
  const unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxDecodedBytes)
    throw Xapian::DatabaseCorruptError("stored article: not a zstd frame of known size");
  thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> dctx(ZSTD_createDCtx());
  std::string out(size, '\0');
  size_t n = ZSTD_decompressDCtx(dctx.get(), out.data(), out.size(), data.data(), data.size());
  if (ZSTD_isError(n) || n != size)
    throw Xapian::DatabaseCorruptError(std::string("stored article does not decode: ") +
                                       (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "short"));
  return out;
}

}  // namespace portal
