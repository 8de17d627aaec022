// portal-indexer: command-line front end of the indexing library.
#include <xapian.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <fstream>
#include <iostream>

#include "analyzers/analysis_json.h"
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
  // A file-size limit (or a full quota) must surface as a write error that
  // is reported, not as SIGXFSZ killing the process.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"portal-indexer: builds and maintains a portalsearch index"};
  app.require_subcommand(1);
  std::string db;
  std::vector<std::string> files;
  auto* index = app.add_subcommand("index", "index articles from JSON Lines files");
  index->add_option("--db", db, "index directory")->required();
  index->add_option("files", files, "JSON Lines files")->required();
  std::string analyze_lang, analyze_text;
  auto* analyze = app.add_subcommand("analyze", "print the tokens of a text as JSON");
  analyze->add_option("--lang", analyze_lang, "language tag (default: detected)");
  analyze->add_option("text", analyze_text, "the text")->required();
  CLI11_PARSE(app, argc, argv);
  try {
    if (*index) return run_index(db, files);
    if (*analyze) {
      std::cout << portal::analysis::analysis_json(analyze_text, analyze_lang, 2) << "\n";
      return 0;
    }
  } catch (const Xapian::Error& e) {
    // e.g. a full disk: everything up to the last commit stays in the index.
    std::cerr << "portal-indexer: index error: " << e.get_description() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "portal-indexer: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
