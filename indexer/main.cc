// portal-indexer: command-line front end of the indexing library.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "indexer/index_writer.h"
#include "indexer/jsonl_reader.h"

namespace {

int run_index(const std::string& db, const std::vector<std::string>& files) {
  portal::IndexWriter writer(db);
  unsigned long indexed = 0, updated = 0, skipped = 0;
  for (const auto& file : files) {
    std::ifstream in(file);
    if (!in) {
      std::cerr << file << ": cannot open\n";
      ++skipped;
      continue;
    }
    portal::read_jsonl(
        in, file,
        [&](portal::Article&& a) {
          if (writer.upsert(a))
            ++updated;
          else
            ++indexed;
          return true;
        },
        [&](const portal::ReadError& e) {
          std::cerr << e.to_string() << "\n";
          ++skipped;
          return true;
        });
  }
  writer.commit();
  std::cerr << "indexed " << indexed << ", updated " << updated << ", skipped " << skipped << "; "
            << writer.size() << " documents in " << db << "\n";
  return skipped == 0 ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"portal-indexer: builds and maintains a portalsearch index"};
  app.require_subcommand(1);
  std::string db;
  std::vector<std::string> files;
  auto* index = app.add_subcommand("index", "index articles from JSON Lines files");
  index->add_option("--db", db, "index directory")->required();
  index->add_option("files", files, "JSON Lines files")->required();
  CLI11_PARSE(app, argc, argv);
  try {
    if (*index) return run_index(db, files);
  } catch (const std::exception& e) {
    std::cerr << "portal-indexer: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
