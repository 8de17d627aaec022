#include "indexer/line_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace portal {
namespace {

constexpr size_t kBufferSize = 1 << 18;

gzFile gz(void* p) { return static_cast<gzFile>(p); }

}  // namespace

LineReader::LineReader(const std::string& path)
    : path_(path), buffer_(std::make_unique<char[]>(kBufferSize)) {
  int fd = path == "-" ? ::dup(0) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(path + ": cannot open: " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      throw InputError(path + ": is a directory");
    }
    if (S_ISREG(st.st_mode)) size_ = static_cast<uint64_t>(st.st_size);
  }
  gz_ = gzdopen(fd, "rb");
  if (!gz_) {
    ::close(fd);
    throw InputError(path + ": cannot open: out of memory");
  }
  gzbuffer(gz(gz_), 1 << 17);
}

LineReader::~LineReader() {
  if (gz_) gzclose(gz(gz_));
}

bool LineReader::fill() {
  if (eof_) return false;
  int n = gzread(gz(gz_), buffer_.get(), kBufferSize);
  if (n < 0) {
    int err = 0;
    const char* msg = gzerror(gz(gz_), &err);
    throw InputError(path_ + ": read error: " + (err == Z_ERRNO ? std::strerror(errno) : msg));
  }
  if (n == 0) {
    int err = 0;
    const char* msg = gzerror(gz(gz_), &err);
    if (err != Z_OK && err != Z_BUF_ERROR) throw InputError(path_ + ": read error: " + msg);
    if (err == Z_BUF_ERROR) throw InputError(path_ + ": truncated compressed input");
    eof_ = true;
    return false;
  }
  begin_ = 0;
  end_ = static_cast<size_t>(n);
  return true;
}

bool LineReader::next(std::string& line, size_t max_bytes) {
  line.clear();
  bool any = false;
  for (;;) {
    if (begin_ == end_ && !fill()) return any;
    any = true;
    const char* start = buffer_.get() + begin_;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    size_t len = nl ? static_cast<size_t>(nl - start) : end_ - begin_;
    if (line.size() <= max_bytes) line.append(start, std::min(len, max_bytes + 1 - line.size()));
    begin_ += len;
    if (nl) {
      ++begin_;
      return true;
    }
  }
}

uint64_t LineReader::position() const {
  z_off_t off = gzoffset(gz(gz_));
  return off < 0 ? 0 : static_cast<uint64_t>(off);
}

}  // namespace portal
