// Reports an indexing run on stderr: errors and warnings as they come, a
// progress line on a terminal, and a final summary.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

#include "indexer/index_counts.h"

namespace portal {

class ProgressReporter {
 public:
  // `terminal`: redraw a progress line (documents, per second, errors, ETA when
  // `total_bytes` is known) in place; otherwise print nothing until finish().
  ProgressReporter(std::ostream& out, bool terminal, uint64_t total_bytes);

  // A problem with one input item ("FILE:LINE: reason"), printed on its line.
  void message(const std::string& text);
  // Called after each processed item; redraws at most a few times a second.
  void update(const IndexCounts& counts, uint64_t bytes_done);
  // The summary line: indexed, updated, unchanged, deleted, skipped, elapsed.
  void finish(const IndexCounts& counts, const std::string& tail);

  double elapsed_seconds() const;

 private:
  void clear_line();

  std::ostream& out_;
  bool terminal_;
  uint64_t total_bytes_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

}  // namespace portal
