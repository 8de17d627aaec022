#include "indexer/progress.h"

#include <cstdio>

namespace portal {
namespace {

std::string format(const char* fmt, double a, double b = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, a, b);
  return buf;
}

}  // namespace

ProgressReporter::ProgressReporter(std::ostream& out, bool terminal, uint64_t total_bytes)
    : out_(out),
      terminal_(terminal),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

double ProgressReporter::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressReporter::clear_line() {
  if (drawn_) out_ << "\r\033[K";
  drawn_ = false;
}

void ProgressReporter::message(const std::string& text) {
  clear_line();
  out_ << text << "\n";
  out_.flush();
}

void ProgressReporter::update(const IndexCounts& counts, uint64_t bytes_done) {
  if (!terminal_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(250)) return;
  last_draw_ = now;
  double elapsed = elapsed_seconds();
  unsigned long done = counts.processed();
  std::string line = std::to_string(done) + " documents, " +
                     format("%.0f/s", elapsed > 0 ? done / elapsed : 0) + ", " +
                     std::to_string(counts.skipped) + " errors";
  if (total_bytes_ > 0 && bytes_done > 0) {
    double fraction = static_cast<double>(bytes_done) / static_cast<double>(total_bytes_);
    if (fraction > 1) fraction = 1;
    line += format(", %.0f%%, ETA %.0f s", fraction * 100, elapsed * (1 - fraction) / fraction);
  }
  clear_line();
  out_ << line;
  out_.flush();
  drawn_ = true;
}

void ProgressReporter::finish(const IndexCounts& c, const std::string& tail) {
  clear_line();
  double elapsed = elapsed_seconds();
  out_ << "indexed " << c.indexed << ", updated " << c.updated << ", unchanged " << c.unchanged
       << ", deleted " << c.deleted << ", skipped " << c.skipped;
  if (c.duplicates > 0) out_ << " (" << c.duplicates << " duplicate ids)";
  out_ << format(" in %.1f s (%.0f documents/s)", elapsed,
                 elapsed > 0 ? c.processed() / elapsed : 0);
  if (c.stopped) out_ << "; stopped at the first error (--strict), last batch not committed";
  if (!tail.empty()) out_ << "; " << tail;
  out_ << "\n";
  out_.flush();
}

}  // namespace portal
