// Reads lines from a file, a gzip-compressed file or standard input.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

namespace portal {

// The input cannot be read (missing file, corrupt compressed data, I/O error).
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Lines of `path` ("-" for standard input). gzip-compressed input is detected
// by its magic bytes and decompressed (zlib), whatever its name. Not
// thread-safe; one reader per input.
class LineReader {
 public:
  // Throws InputError when the input cannot be opened.
  explicit LineReader(const std::string& path);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Reads the next line (without its '\n') into `line`. A line longer than
  // `max_bytes` is consumed but only its first max_bytes + 1 bytes are kept, so
  // the caller sees it is over the limit without holding it all. Returns false
  // at the end of the input. Throws InputError on a read error.
  bool next(std::string& line, size_t max_bytes);

  // Bytes of the input consumed so far (compressed bytes for gzip input).
  uint64_t position() const;
  // Size of the input in bytes when it is a regular file, else 0 (unknown).
  uint64_t size() const { return size_; }

 private:
  bool fill();

  std::string path_;
  void* gz_ = nullptr;  // gzFile
  std::unique_ptr<char[]> buffer_;
  size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  uint64_t size_ = 0;
};

}  // namespace portal
