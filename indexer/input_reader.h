// Enumerates the indexer's inputs in order: JSON Lines files (plain or gzip),
// standard input ("-"), and HTML pages (.html/.htm files, and directories
// searched recursively for them).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace portal {

// One unit of input: a JSON line, an HTML page, or an input that could not be
// read. `file` and `line` locate it in messages (line 0 for a whole page).
struct InputItem {
  enum class Kind { kJsonLine, kHtmlPage, kError };
  Kind kind = Kind::kJsonLine;
  std::string file;
  unsigned long line = 0;
  // The line, the page, or (kError) the reason.
  std::string payload;
  // kHtmlPage: the page's path relative to the directory given (with that
  // directory's own name first), the id and url when the page names no
  // canonical URL.
  std::string page_path;
  // The document is over the size limit: `payload` holds only its beginning.
  bool oversize = false;
};

// Describes `item` for messages: "FILE:LINE" or "FILE".
std::string item_location(const InputItem& item);

class InputReader {
 public:
  // `inputs` as given on the command line; `max_document_bytes` is the
  // size limit of one line or page.
  InputReader(std::vector<std::string> inputs, size_t max_document_bytes);

  // Sum of the sizes of the inputs that are regular files or directories of
  // pages (0 when only standard input is read); computed when constructed.
  uint64_t total_bytes() const { return total_bytes_; }
  // Bytes consumed so far; may be read from another thread.
  uint64_t bytes_done() const { return bytes_done_.load(std::memory_order_relaxed); }

  // Passes every item, in input order, to `sink`; stops early when it returns
  // false. Unreadable inputs become kError items; never throws for them.
  void run(const std::function<bool(InputItem&&)>& sink);

 private:
  bool read_lines(const std::string& path, const std::function<bool(InputItem&&)>& sink);
  bool read_pages(const std::string& dir, const std::function<bool(InputItem&&)>& sink);
  bool read_page(const std::string& path, const std::string& page_path,
                 const std::function<bool(InputItem&&)>& sink);

  std::vector<std::string> inputs_;
  size_t max_bytes_;
  uint64_t total_bytes_ = 0;
  uint64_t finished_bytes_ = 0;  // inputs fully read
  std::atomic<uint64_t> bytes_done_{0};
};

}  // namespace portal
