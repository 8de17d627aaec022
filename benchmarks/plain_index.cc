// bench_plain_index: builds the plain-Xapian baseline index (see
// plain_xapian.h) from JSON Lines files, single-threaded, and reports its
// speed: `plain_index docs=… seconds=… docs_per_s=… mb_per_s=… peak_rss_mb=…`.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "benchmarks/latency.h"
#include "benchmarks/plain_xapian.h"

int main(int argc, char** argv) {
  CLI::App app{"bench_plain_index: plain Xapian indexing baseline"};
  std::string db;
  std::vector<std::string> files;
  app.add_option("--db", db, "index directory (overwritten)")->required();
  app.add_option("files", files, "JSON Lines files")->required();
  CLI11_PARSE(app, argc, argv);
  try {
    auto start = std::chrono::steady_clock::now();
    portal::bench::PlainIndexer indexer(db);
    unsigned long docs = 0, skipped = 0;
    double bytes = 0;
    for (const auto& file : files) {
      std::ifstream in(file);
      if (!in) throw std::runtime_error("cannot read " + file);
      std::string line;
      while (std::getline(in, line)) {
        bytes += static_cast<double>(line.size() + 1);
        if (line.empty()) continue;
        if (indexer.add(line))
          ++docs;
        else
          ++skipped;
      }
    }
    indexer.commit();
    double s = portal::bench::ms_since(start) / 1000.0;
    if (indexer.count() != docs) throw std::runtime_error("document count mismatch");
    std::printf(
        "plain_index docs=%lu skipped=%lu seconds=%.2f docs_per_s=%.0f mb_per_s=%.2f "
        "peak_rss_mb=%.0f\n",
        docs, skipped, s, docs / s, bytes / 1e6 / s, portal::bench::peak_rss_mb());
    return docs > 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "bench_plain_index: " << e.what() << "\n";
    return 1;
  }
}
