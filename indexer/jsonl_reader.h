// Reads articles from JSON Lines input, reporting bad lines by file and line.
#pragma once

#include <functional>
#include <istream>
#include <string>

#include "indexer/article.h"

namespace portal {

struct ReadError {
  std::string file;
  unsigned long line = 0;
  std::string reason;
  std::string to_string() const { return file + ":" + std::to_string(line) + ": " + reason; }
};

// Calls `on_article` for every valid line and `on_error` for every invalid one
// (blank lines are skipped silently). Stops early when a callback returns false.
void read_jsonl(std::istream& in, const std::string& file_name,
                const std::function<bool(Article&&)>& on_article,
                const std::function<bool(const ReadError&)>& on_error);

}  // namespace portal
